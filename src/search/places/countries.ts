/**
 * Country names in English, Spanish, French and Portuguese from
 * `i18n-iso-countries`, loaded through its plain entry point: the package's
 * main entry registers all of its 80-odd locales, which would hold a few MB
 * of names no reader here asks for.
 */
import countries from 'i18n-iso-countries/index'
import en from 'i18n-iso-countries/langs/en.json'
import es from 'i18n-iso-countries/langs/es.json'
import fr from 'i18n-iso-countries/langs/fr.json'
import pt from 'i18n-iso-countries/langs/pt.json'
import de from 'i18n-iso-countries/langs/de.json'
import { foldKey } from './text'

/** The languages of the UI, in which places are named. */
export const PLACE_LANGUAGES = ['en', 'es', 'fr', 'pt'] as const
export type PlaceLanguage = (typeof PLACE_LANGUAGES)[number]

/** 'pt-BR' → 'pt'; a language we do not name places in → 'en'. */
export function placeLanguage(lang: string): PlaceLanguage {
  const base = lang.slice(0, 2).toLowerCase()
  return (PLACE_LANGUAGES as readonly string[]).includes(base) ? (base as PlaceLanguage) : 'en'
}

/** The four locales' names, registered once into the library (registering again is harmless). */
export function registerCountryLocales(): void {
  for (const locale of [en, es, fr, pt]) countries.registerLocale(locale)
}

/** A country's name in `lang` (the library's official one: "Mexico", "México", "Mexique"). */
export const countryName = (code: string, lang: string): string | undefined => countries.getName(code.toUpperCase(), placeLanguage(lang))

/**
 * Every name of every country in the four languages, folded, to its ISO
 * 3166-1 alpha-2 code. Names of fewer than three letters ("US", "UK") are
 * left out: in a query they are more often words ("us") than countries.
 */
export function countryNameKeys(): Map<string, string> {
  const out = new Map<string, string>()
  for (const lang of PLACE_LANGUAGES) {
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        const key = foldKey(name)
        if (key.replace(/ /g, '').length >= 3 && key.split(' ').some((w) => w.length > 1) && !out.has(key)) out.set(key, code)
      }
    }
  }
  return out
}

/** ISO alpha-2 codes of every country the library knows. */
export const countryCodes = (): string[] => Object.keys(countries.getAlpha2Codes())

let nameKeys: Map<string, string> | undefined
let germanRegistered = false

/**
 * A country as its ISO 3166-1 alpha-2 code: a valid code in any case, or a
 * name in en/es/fr/pt (any accents or case) — or in German, as Karte von
 * Morgen's files name countries; undefined when it is none of these. The
 * one reading of a country typed in a form or written in an import file.
 */
export function countryCodeOf(text: string): string | undefined {
  const typed = text.trim()
  if (/^[A-Za-z]{2}$/.test(typed)) return countries.isValid(typed.toUpperCase()) ? typed.toUpperCase() : undefined
  if (typed.length > 80) return undefined
  if (!nameKeys) {
    registerCountryLocales()
    nameKeys = countryNameKeys()
  }
  const found = nameKeys.get(foldKey(typed))
  if (found) return found
  if (!germanRegistered) {
    countries.registerLocale(de)
    germanRegistered = true
  }
  return countries.getAlpha2Code(typed, 'de')
}
