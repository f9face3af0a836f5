/**
 * Names and summaries in languages beyond the four of the UI (German,
 * Quechua, Nahuatl…): rows of a language code, a name and a summary, under
 * "In other languages". The field table holds the UI languages' boxes;
 * these rows are the rest of the same two maps (nameMap, summaryMap), one
 * row per language the listing has, and one empty row to add another. On
 * the editor, as everywhere, only what the person changed is patched.
 */
import type { FieldError } from '../../../directory/result'
import { withRule } from '../../../directory/validate'
import { isUiLanguage, type Ui } from '../i18n/translate'
import { asParagraphs, paragraphs } from './convert'
import type { FormValues } from './fields'

/** How many rows the form can hold (the maps' maxProperties is 30, four are the UI languages'). */
export const MAX_OTHER_LANGUAGES = 12

/** The rule a row breaks when its language is not a code we can store (or has boxes of its own above). */
export const LANGUAGE_CODE = 'languageCode'

/** The form fields of row `i`. */
export const rowFields = (i: number) => ({ lang: `other.${i}.lang`, name: `other.${i}.name`, summary: `other.${i}.summary` })

/** Each row's field names with their caps (a summary as long as the schema allows one). */
export const OTHER_LANGUAGE_CAPS: Readonly<Record<string, number>> = Object.fromEntries(
  Array.from({ length: MAX_OTHER_LANGUAGES }, (_, i) => rowFields(i)).flatMap((r) => [[r.lang, 35], [r.name, 200], [r.summary, 5000]])
)

/** A language tag as the schema allows (BCP 47's shape), lower-cased; undefined when it is not one. */
const TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8}){0,4}$/
export const languageTag = (typed: string): string | undefined => {
  const tag = typed.trim().toLowerCase()
  return TAG.test(tag) && !isUiLanguage(tag) ? tag : undefined
}

type Row = { lang: string; name: string; summary: string }
type Maps = { nameMap?: Record<string, string>; summaryMap?: Record<string, string> }

const str = (v: unknown): string => (typeof v === 'string' ? v : '')

/** The rows as the browser sent them (trimmed; line ends as typed). */
function rowsOf(body: Record<string, unknown>): Array<Row & { index: number }> {
  return Array.from({ length: MAX_OTHER_LANGUAGES }, (_, index) => {
    const f = rowFields(index)
    return { index, lang: str(body[f.lang]).trim(), name: str(body[f.name]).trim(), summary: str(body[f.summary]).replace(/\r\n?/g, '\n').trim() }
  }).filter((r) => r.lang || r.name || r.summary)
}

/** A listing's names and summaries in other languages as the form's rows, languages in order. */
export function otherLanguageValues(listing: Maps): FormValues {
  const names = listing.nameMap ?? {}
  const summaries = listing.summaryMap ?? {}
  const langs = [...new Set([...Object.keys(names), ...Object.keys(summaries)])].filter((l) => !isUiLanguage(l)).sort().slice(0, MAX_OTHER_LANGUAGES)
  const values: FormValues = {}
  langs.forEach((lang, i) => {
    const f = rowFields(i)
    values[f.lang] = lang
    if (names[lang]) values[f.name] = names[lang]
    if (summaries[lang]) values[f.summary] = asParagraphs(summaries[lang] as string)
  })
  return values
}

/** The rows' names and summaries, by language (rows without a usable language are left to otherLanguageErrors). */
export function otherLanguagesFromForm(body: Record<string, unknown>): Maps {
  const maps: Required<Maps> = { nameMap: {}, summaryMap: {} }
  for (const row of rowsOf(body)) {
    const lang = languageTag(row.lang)
    if (!lang) continue
    if (row.name) maps.nameMap[lang] = row.name
    if (row.summary) maps.summaryMap[lang] = paragraphs(row.summary)
  }
  return maps
}

/** A row with a name or summary whose language is missing, not a code, or one of the UI's (it has its boxes). */
export function otherLanguageErrors(body: Record<string, unknown>): FieldError[] {
  return rowsOf(body).filter((r) => (r.name || r.summary) && !languageTag(r.lang))
    .map((r) => withRule({ field: rowFields(r.index).lang, message: 'needs a language code (not en, es, fr or pt)' }, { keyword: LANGUAGE_CODE, params: {} }))
}

/**
 * The merge patch of the rows against the listing as stored: a language
 * whose name or summary changed gets the new one (a cleared one is
 * removed); languages the person did not touch are not in the patch.
 */
export function otherLanguagesPatch(current: Maps, body: Record<string, unknown>): { nameMap?: Record<string, string | null>; summaryMap?: Record<string, string | null> } {
  const before = otherLanguagesFromForm(otherLanguageValues(current))
  const after = otherLanguagesFromForm(body)
  const patch: { nameMap?: Record<string, string | null>; summaryMap?: Record<string, string | null> } = {}
  for (const map of ['nameMap', 'summaryMap'] as const) {
    const was = before[map] ?? {}
    const now = after[map] ?? {}
    for (const lang of new Set([...Object.keys(was), ...Object.keys(now)])) {
      // compared as the form shows them: a rich summary nobody touched is not rewritten as plain paragraphs
      if (was[lang] !== now[lang]) (patch[map] ??= {})[lang] = now[lang] ?? null
    }
  }
  return patch
}

/** Row `i`'s label for a field ("Language", "Name", "Summary"), as the error summary names it. */
export function rowLabel(ui: Ui, name: string): string | undefined {
  const part = /^other\.\d+\.(lang|name|summary)$/.exec(name)?.[1]
  return part === undefined ? undefined : ui.t(part === 'lang' ? 'join.otherLanguage' : part === 'name' ? 'join.otherName' : 'join.otherSummary')
}
