/**
 * Why a search was refused, said to a reader: every error the search-query
 * parser gives (src/search/query.ts, English and for API clients) becomes a
 * message of the catalog, and a place on the page to show it (the field the
 * reader can change). Never the parser's own words on the page.
 */
import type { FieldError } from '../../../directory/result'
import type { MessageKey } from '../i18n/messages'
import type { Ui } from '../i18n/translate'
import type { PlaceField } from './place-field'

/** The form controls a refusal is shown next to; other refusals only in the results. */
export type RefusalSlot = 'q' | 'place' | 'near' | 'sort' | 'accepting' | 'results'

/** One refusal, in the reader's language, with where it belongs. */
export interface Refusal {
  slot: RefusalSlot
  message: string
}

/**
 * The catalog message for a parser error. Chosen by the field first, then by
 * what the parser said about it, so a new wording of the same rule keeps its
 * translation and an unknown field still gets a sentence a reader can use.
 */
export function refusalKey(error: FieldError): MessageKey {
  const needs = /\bneeds\b/.test(error.message)
  switch (error.field) {
    case 'q': return 'search.error.q'
    case 'near': return 'search.error.near'
    case 'radius': return needs ? 'search.error.radiusNeedsNear' : 'search.error.radius'
    case 'sort': return !needs ? 'search.error.sort' : /\bnear\b/.test(error.message) ? 'search.error.sortNeedsNear' : 'search.error.sortNeedsArea'
    case 'accepting': return 'search.error.accepting'
    case 'bbox': return 'search.error.bbox'
    case 'page':
    case 'perPage': return 'search.error.page'
    case 'lang': return 'search.error.lang'
    case 'origin': return 'search.error.origin'
    default: return 'search.error.other'
  }
}

const SLOTS: Readonly<Record<string, RefusalSlot>> = { q: 'q', near: 'near', radius: 'near', sort: 'sort', accepting: 'accepting' }

/** The parser's errors as the page shows them: translated, each once, next to its field when the form has one. */
export function refusals(ui: Ui, errors: FieldError[]): Refusal[] {
  const seen = new Set<string>()
  const out: Refusal[] = []
  for (const error of errors) {
    const message = ui.t(refusalKey(error))
    if (seen.has(message)) continue
    seen.add(message)
    out.push({ slot: SLOTS[error.field] ?? 'results', message })
  }
  return out
}

/** Why the "near" field's text was not read as a place, next to the field; none when it was (or was empty). */
export function placeRefusal(ui: Ui, field: PlaceField): Refusal[] {
  if (field.problem === 'tooLong') return [{ slot: 'place', message: ui.t('search.error.placeLength') }]
  if (field.problem === 'unknown') return [{ slot: 'place', message: ui.t('search.error.placeUnknown', { place: field.text }) }]
  return []
}
