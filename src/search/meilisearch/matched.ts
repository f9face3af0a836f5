/**
 * What a Meilisearch hit matched, from its `_matchesPosition` (the spans of
 * each searchable attribute that matched some query word, typos, prefixes
 * and synonyms included): a query word is held when a matched span is that
 * word, starts with it, or is within its typo budget, or when the hit offers
 * a service the word names. Meilisearch does not say which words its
 * `last` strategy dropped: a required word that no hit of the page holds is
 * reported as relaxed.
 */
import SearchableMap from 'minisearch/SearchableMap'
import type { HitMatch, SearchHit } from '../search-index'
import { servicesNamed, type QueryWord, type ReadQuery } from '../reading/read-query'
import { typoBudget, withinTypos } from '../reading/typos'
import { tokenize } from '../embedded/term-table'
import type { MeiliDocument } from './translate'

/** Meilisearch's `_matchesPosition`: per attribute, the matched spans (UTF-16 offsets). */
export type MatchesPosition = Record<string, Array<{ start: number; length: number }>>

const TEXT_ATTRIBUTES = ['name', 'services_text', 'places_text', 'summary'] as const

/** The words the matched spans hold, folded. */
function matchedTokens(d: MeiliDocument & { _matchesPosition?: MatchesPosition }): SearchableMap<true> {
  const out = new SearchableMap<true>()
  for (const attribute of TEXT_ATTRIBUTES) {
    const text = d[attribute]
    for (const { start, length } of d._matchesPosition?.[attribute] ?? []) for (const token of tokenize(text.slice(start, start + length))) out.set(token, true)
  }
  return out
}

const holds = (tokens: SearchableMap<true>, w: QueryWord, services: string[]): boolean =>
  withinTypos(tokens, w.key, typoBudget(w.key)).size > 0 || (w.typing && tokens.atPrefix(w.key).size > 0) || servicesNamed([w], services).length > 0

export function hitMatch(read: ReadQuery, d: MeiliDocument & { _matchesPosition?: MatchesPosition }): HitMatch {
  const tokens = matchedTokens(d)
  const held = read.words.filter((w) => holds(tokens, w, d.services))
  return { services: servicesNamed(held, d.services), words: held.map((w) => w.key) }
}

/** Required words no hit of the page holds, as typed. */
export function relaxedWords(read: ReadQuery, hits: SearchHit[]): string[] {
  if (hits.length === 0) return []
  const held = new Set(hits.flatMap((h) => h.matched.words))
  return [...read.words.filter((w) => !w.optional && !held.has(w.key)).map((w) => w.text), ...read.beyond]
}
