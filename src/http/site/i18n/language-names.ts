/**
 * Names of languages that Intl.DisplayNames does not know (it answers with
 * the code: "nah"), in the four UI languages: the ones the listing form
 * offers, and the languages of the Americas co-ops list most. Intl's own
 * name always wins; these only fill its gaps.
 */
import type { UiLanguage } from './translate'

export const LANGUAGE_NAME_GAPS: Readonly<Record<string, Readonly<Record<UiLanguage, string>>>> = {
  nah: { en: 'Nahuatl', es: 'náhuatl', fr: 'nahuatl', pt: 'náuatle' },
  mix: { en: 'Mixtec', es: 'mixteco', fr: 'mixtèque', pt: 'mixteco' },
  tzo: { en: 'Tzotzil', es: 'tsotsil', fr: 'tzotzil', pt: 'tzotzil' },
  tzh: { en: 'Tzeltal', es: 'tseltal', fr: 'tzeltal', pt: 'tzeltal' },
  yua: { en: 'Yucatec Maya', es: 'maya yucateco', fr: 'maya yucatèque', pt: 'maia iucateque' },
  myn: { en: 'Mayan languages', es: 'lenguas mayas', fr: 'langues mayas', pt: 'línguas maias' },
  ber: { en: 'Berber languages', es: 'lenguas bereberes', fr: 'langues berbères', pt: 'línguas berberes' }
}
