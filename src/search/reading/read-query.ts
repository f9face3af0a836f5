/**
 * A query as search reads it, the same for every engine: the place it names
 * (through the gazetteer: "correo cifrado Oaxaca" → Oaxaca, Mexico), its
 * stop words (which never keep a listing out), for each other word the
 * services and kinds it names (concepts.ts), and which words are optional:
 * they rank the listings that hold them higher but keep none out, because
 * they say who the service is for ("para un sindicato", "pour une
 * association", "for our co-op"), name only a kind of organisation
 * ("cooperativa": most listings here are one, and many that are not say so
 * nowhere), or could be said of every listing in this directory
 * ("services", "tecnología").
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
  /** Ranks the listings holding it higher, keeps none out (see the header). */
  optional: boolean
}

export interface ReadQuery {
  /** The words to match, stop words out (unless the query has nothing else). */
  words: QueryWord[]
  /** Words past the most a query may ask for together (MAX_WORDS), as typed: left out. */
  beyond: string[]
  /** The place the query named, its words and linking words ("cerca de") taken out of `words`. */
  place?: PlaceMatch
}

/** Words before who a service is for, folded. */
const AUDIENCE = new Set(['for', 'para', 'pour', 'pra'])

/** Words any listing of this directory could claim, folded, in the four languages. */
const GENERIC = new Set(
  (
    'service services provider providers company companies tech technology technologies digital help ' +
    'servicio servicios proveedor proveedores empresa empresas tecnologia tecnologias tecnologica tecnologicas tecnologico tecnologicos digitales ayuda ' +
    'prestataire prestataires fournisseur fournisseurs entreprise entreprises technologie technologies numerique numeriques aide ' +
    'servico servicos fornecedor fornecedores tecnologica tecnologicas digitais ajuda'
  ).split(' ')
)

/** The word names kinds of organisation only: as a whole label when it is part of one ("co-op", "cooperativa"), else in its words. */
function namesOnlyKinds(concepts: ConceptMatch[]): boolean {
  const whole = concepts.filter((c) => c.phrase)
  const read = whole.length ? whole : concepts
  return read.length > 0 && read.every((c) => c.concept.type === 'kind')
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
  const audience = spans.findIndex((w) => AUDIENCE.has(w.key))
  const all = spans.map((w, i) => {
    const named = concepts[i] ?? []
    const optional = (audience !== -1 && i > audience) || GENERIC.has(w.key) || namesOnlyKinds(named)
    return { text: text.slice(w.start, w.end), key: w.key, typing: read[i]?.typing ?? false, concepts: named, optional, stop: read[i]?.stop ?? false }
  })
  const kept = all.some((w) => !w.stop) ? all.filter((w) => !w.stop) : all
  const unique = kept.filter((w, i) => kept.findIndex((o) => o.key === w.key) === i) // "web web" asks once
  const words = unique.slice(0, MAX_WORDS).map(({ stop: _stop, ...w }) => w)
  return { words, beyond: unique.slice(MAX_WORDS).map((w) => w.text), ...(place ? { place } : {}) }
}

/** The services among `services` that the words name (for a hit's `matched.services`). */
export function servicesNamed(words: readonly QueryWord[], services: readonly string[]): string[] {
  const named = new Set(words.flatMap((w) => w.concepts.filter((c) => c.concept.type === 'service').map((c) => c.concept.id)))
  return services.filter((s) => named.has(s))
}
