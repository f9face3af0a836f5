/**
 * A form field's text ⇄ the value a listing stores, one rule per kind of
 * field, shared by the form parser (a new listing) and the editor (a stored
 * one): coordinates are numbers, country codes capitals, and summaries the
 * small HTML of their paragraphs, edited as plain text.
 */
import { escapeHtml } from '../html'
import { unescapeHtml } from '../../../support/escape-html'
import type { FormField } from './fields'

/**
 * Plain text paragraphs (blank lines between, a line of white space is
 * blank too) as the small HTML a summary holds. `\s` also takes the CR of a
 * browser's CRLF, so raw form text splits as the editor's normalised text.
 */
export const paragraphs = (plain: string): string => plain.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('')

/**
 * Summary HTML (sanitised: only the small allowed subset) as the plain text
 * the form edits: blocks become paragraphs, list items lines. It is shown
 * only; unless the person edits it, the stored HTML is kept as it is.
 */
export const asParagraphs = (htmlText: string): string =>
  unescapeHtml(htmlText.replace(/<br\s*\/?>/g, '\n').replace(/<\/li>/g, '\n').replace(/<\/?(?:p|ul|ol|blockquote)>/g, '\n\n').replace(/<[^<>]*>/g, '') // [^<>]: linear on runs of "<"
    .replace(/\n[ \t]*\n(?:[ \t]*\n)*/g, '\n\n'))
    .trim()

/** A field's text as the listing stores it; a coordinate that is not a number stays text, for the schema to name. */
export function toStored(field: FormField, text: string): string | number {
  if (field.input === 'number') return text !== '' && Number.isFinite(Number(text)) ? Number(text) : text
  if (field.upperCase) return text.toUpperCase()
  return field.input === 'textarea' ? paragraphs(text) : text
}

/** A stored value as the form shows it. */
export const toShown = (field: FormField, stored: unknown): string => (field.input === 'textarea' ? asParagraphs(String(stored)) : String(stored))

/** The value at a path of a listing (undefined where the path ends early). */
export function valueAt(target: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), target)
}
