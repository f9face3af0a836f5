/**
 * What the benchmark asks of each engine, and the text the two libraries
 * index for a listing (the embedded engine builds its own from the listing).
 */
import countries from 'i18n-iso-countries'
import { plainText } from '../../../src/search/documents'
import type { CorpusEntry } from '../corpus'
import type { QuerySpec } from '../queries'
import { kindWords, serviceWords } from '../synonyms'
import { fold } from '../text'

/** A result: the listing and the name shown for it. */
export interface Hit { id: string; name: string }

/** One engine under test, set up once and then asked every query. */
export interface Engine {
  name: string
  /** How it is set up, printed under the tables. */
  setup: string
  index(corpus: readonly CorpusEntry[]): Promise<void>
  /** The first 20 listings for the query, best first. */
  search(query: QuerySpec): Promise<Hit[]>
}

/** The searchable fields of a listing for a library, folded (lower case, no accents). */
export interface LibraryText { name: string; services: string; summary: string; place: string }

const LANGS = ['en', 'es', 'fr', 'pt']

/**
 * A listing as text for a library: every name; its services and kind in
 * every label and alternative label (the synonyms); its summaries; and its
 * places — office names, addresses and its countries' names in the four
 * languages, so a place word has something to match.
 */
export function libraryText(e: CorpusEntry): LibraryText {
  const l = e.listing
  const codes = [...new Set((l.location ?? []).map((p) => p.country).filter((c): c is string => !!c))]
  return {
    name: fold([l.name, ...Object.values(l.nameMap ?? {})].join(' · ')),
    services: fold([...(l.services ?? []).map(serviceWords), kindWords(l.kind), ...(l.tags ?? [])].join(' · ')),
    summary: fold([l.summary ?? '', ...Object.values(l.summaryMap ?? {})].map(plainText).join(' · ')),
    place: fold([...(l.location ?? []).flatMap((p) => [p.name ?? '', p.address ?? '']), ...codes.flatMap((c) => LANGS.map((lang) => countries.getName(c, lang) ?? c))].join(' · '))
  }
}

/** Field weights both libraries use: a name match counts most, then a service, then a place, then the summary. */
export const BOOST = { name: 3, services: 2, place: 1.5, summary: 1 }
