/**
 * A form field's text ⇄ the value a listing stores, one rule per kind of
 * field, shared by the form parser (a new listing) and the editor (a stored
 * one): coordinates are numbers, country codes capitals, and summaries the
 * small HTML of their paragraphs, edited as plain text.
 */
import { escapeHtml } from '../html'
import type { FormField } from './fields'
import { countryCode, decimal, webAddress, wholeNumber } from './normalise'
import { asParagraphs } from '../../../support/html-text'

/**
 * Plain text paragraphs (blank lines between, a line of white space is
 * blank too) as the small HTML a summary holds. `\s` also takes the CR of a
 * browser's CRLF, so raw form text splits as the editor's normalised text.
 */
export const paragraphs = (plain: string): string => plain.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('')

/** Summary HTML as the plain text the form edits (one home: support/html-text.ts). */
export { asParagraphs }

/** A list typed as one text: items separated by commas (or lines), trimmed, each once. */
export const items = (text: string): string[] => [...new Set(text.split(/[,\n]/).map((x) => x.trim()).filter(Boolean))]

/** One region served: "remote", a country's or subdivision's code, or a country's name (a word for "remote" in the UI languages too). */
function region(typed: string): string {
  const upper = typed.toUpperCase()
  if (/^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/.test(upper)) return upper
  return REMOTE_WORDS.has(typed.toLowerCase()) ? 'remote' : countryCode(typed) ?? typed
}
const REMOTE_WORDS = new Set(['remote', 'remoto', 'à distance', 'a distance', 'a distancia', 'a distância', 'online', 'en ligne', 'en línea'])

/**
 * A field's text as the listing stores it, read as meant (normalise.ts):
 * "-8,05" a number, "Brasil" "BR", a site without its scheme with https://.
 * What cannot be read stays as typed, for the schema to name the field.
 */
export function toStored(field: FormField, text: string): string | number | boolean | string[] {
  switch (field.value) {
    case 'number': return decimal(text) ?? text
    case 'integer': return wholeNumber(text) ?? text
    case 'boolean': return text === 'true' ? true : text === 'false' ? false : text
    case 'list': return field.reading === 'countries' ? items(text).map(region) : items(text)
    default:
      if (field.reading === 'country') return countryCode(text) ?? text
      if (field.reading === 'webAddress') return webAddress(text)
      return field.html ? paragraphs(text) : text
  }
}

/** A stored value as the form shows it. */
export const toShown = (field: FormField, stored: unknown): string =>
  field.html ? asParagraphs(String(stored)) : Array.isArray(stored) ? stored.join(', ') : String(stored)

/** The value at a path of a listing (undefined where the path ends early). */
export function valueAt(target: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), target)
}
