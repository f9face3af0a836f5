/**
 * The reader's language and everything said in it: messages with values
 * filled in, dates, numbers, and the names of languages and countries (from
 * Intl, so no list of our own goes stale).
 */
import { CATALOGS, type MessageKey } from './messages'
import { LANGUAGE_NAME_GAPS } from './language-names'

export const UI_LANGUAGES = ['en', 'es', 'fr', 'pt'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

export const isUiLanguage = (value: unknown): value is UiLanguage => typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value)

export interface Ui {
  lang: UiLanguage
  t(key: MessageKey, values?: Record<string, string | number>): string
  date(d: Date): string
  number(n: number): string
  languageName(code: string): string
  countryName(code: string): string
}

const cache = new Map<UiLanguage, Ui>()

export function ui(lang: UiLanguage): Ui {
  let u = cache.get(lang)
  if (u) return u
  const catalog = CATALOGS[lang]
  const dates = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' })
  const numbers = new Intl.NumberFormat(lang)
  const languages = new Intl.DisplayNames([lang], { type: 'language', fallback: 'code' })
  const regions = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' })
  const named = (names: Intl.DisplayNames, code: string): string => {
    try {
      return names.of(code) ?? code
    } catch {
      return code // not a well-formed code: shown as given
    }
  }
  u = {
    lang,
    t: (key, values) => catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = values?.[name]
      return v === undefined ? whole : typeof v === 'number' ? numbers.format(v) : v
    }),
    date: (d) => dates.format(d),
    number: (n) => numbers.format(n),
    languageName: (code) => {
      const name = named(languages, code)
      return name === code ? LANGUAGE_NAME_GAPS[code.toLowerCase()]?.[lang] ?? name : name // Intl lacks a few ("nah")
    },
    countryName: (code) => named(regions, code.toUpperCase())
  }
  cache.set(lang, u)
  return u
}
