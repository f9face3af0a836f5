/**
 * A query as search reads it, the same for every engine: the place it names
 * (through the gazetteer: "correo cifrado Oaxaca" → Oaxaca, Mexico), its
 * stop words (which never keep a listing out), and for each other word the
 * services and kinds it names (concepts.ts).
 */
import type { Gazetteer } from '../places/gazetteer'
import type { PlaceMatch } from '../places/lookup'
import { wordsOf } from '../places/text'
import { STOP_WORDS } from './stop-words'
import { conceptsOf, type ConceptMatch } from './concepts'

/** A word every match must hold (unless relaxed). */
export interface QueryWord {
  /** As typed. */
  text: string
  /** Lower case, accents off: as the engines index words. */
  key: string
  /** The last word of the query, which may still be growing (matched as a prefix too). */
  typing: boolean
  concepts: ConceptMatch[]
}

export interface ReadQuery {
  /** The words to match, stop words out (unless the query has nothing else). */
  words: QueryWord[]
  /** Words past the most a query may ask for together (MAX_WORDS), as typed: left out. */
  beyond: string[]
  /** The place the query named, its words and linking words ("cerca de") taken out of `words`. */
  place?: PlaceMatch
}

/** The most words matched together: each has a bit in a 32-bit mask where engines track which words a listing holds. */
export const MAX_WORDS = 30
// A query longer than this many words is not a search anyone types; the rest is cut before reading.
const MAX_READ = 64

/** Reads `q` for `lang`; `places` null when the query's area is given otherwise (near, bbox) or place reading is off. */
export function readQuery(q: string, lang: string, places: Gazetteer | null): ReadQuery {
  const place = places?.lookup(q, lang)
  const text = (place ? place.rest : q).normalize('NFC')
  const spans = wordsOf(text, MAX_READ).filter((w) => w.key !== '')
  const read = spans.map((w, i) => ({ key: w.key, stop: STOP_WORDS.has(w.key), typing: !place && i === spans.length - 1 }))
  const concepts = conceptsOf(read)
  const all = spans.map((w, i) => ({ text: text.slice(w.start, w.end), key: w.key, typing: read[i]?.typing ?? false, concepts: concepts[i] ?? [], stop: read[i]?.stop ?? false }))
  const kept = all.some((w) => !w.stop) ? all.filter((w) => !w.stop) : all
  const unique = kept.filter((w, i) => kept.findIndex((o) => o.key === w.key) === i) // "web web" asks once
  const words = unique.slice(0, MAX_WORDS).map(({ stop: _stop, ...w }) => w)
  return { words, beyond: unique.slice(MAX_WORDS).map((w) => w.text), ...(place ? { place } : {}) }
}
