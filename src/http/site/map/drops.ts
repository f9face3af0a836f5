/**
 * What a reader can drop from a search that found nothing: each of its
 * words, each ticked filter, the distance, the map's area. Each drop is
 * tried (one result is enough to count), and only those that find
 * something are offered, with how many they find, so every link the page
 * shows leads somewhere.
 */
import type { SearchIndex } from '../../../search/search-index'
import { DEFAULT_QUERY, type SearchQuery } from '../../../search/query'
import { wordsOf, cut, foldKey } from '../../../search/places/text'
import { searchHref } from './search-url'

export type DropFacet = 'service' | 'language' | 'kind' | 'country' | 'origin'

/** One thing to leave out of a search. */
export type Drop =
  | { kind: 'words'; words: string[] }
  | { kind: 'filter'; facet: DropFacet; value: string }
  | { kind: 'accepting' }
  | { kind: 'radius' }
  | { kind: 'area' }
  /** Every filter, the place and the distance at once: only the words are left. */
  | { kind: 'filters' }

/** A drop that finds something: the link that makes it and how many it finds. */
export interface DropLink {
  drop: Drop
  href: string
  total: number
}

/** A search as the page holds it: the query and the "near" field's text. */
export interface PageQuery {
  query: SearchQuery
  place: string
}

// Each drop is one more search: enough for the words and filters anyone types, bounded for anyone else.
const MAX_DROPS = 8
const FACETS: readonly DropFacet[] = ['service', 'language', 'kind', 'country', 'origin']

/**
 * `q` without the words given (as typed, or as the engine read them: any
 * case, any accents), each occurrence, glued where they were.
 */
export function withoutWords(q: string, words: readonly string[]): string {
  const keys = new Set(words.map(foldKey))
  let rest = q.normalize('NFC')
  // from the end, so the spans of the words still to cut stay where they are
  for (const word of wordsOf(rest, 200).reverse()) if (keys.has(word.key)) rest = cut(rest, word.start, word.end)
  return rest
}

/** The distinct words of `q`, as typed, in their order. */
export function queryWords(q: string): string[] {
  const text = q.normalize('NFC')
  const seen = new Set<string>()
  const out: string[] = []
  for (const w of wordsOf(text, 200)) {
    if (!w.key || seen.has(w.key)) continue
    seen.add(w.key)
    out.push(text.slice(w.start, w.end))
  }
  return out
}

/** The search without `drop`, from its first page. */
export function dropped(search: PageQuery, drop: Drop): PageQuery {
  const query: SearchQuery = { ...search.query, page: 1 }
  switch (drop.kind) {
    case 'words': return { query: { ...query, q: withoutWords(query.q, drop.words) }, place: search.place }
    case 'filter': return { query: { ...query, [drop.facet]: query[drop.facet].filter((v) => v !== drop.value) }, place: search.place }
    case 'accepting': return { query: { ...query, accepting: undefined }, place: search.place }
    case 'radius': return { query: { ...query, radius: undefined, sort: query.sort === 'distance' ? 'relevance' : query.sort }, place: search.place }
    case 'area': return { query: { ...query, bbox: undefined, sort: query.sort === 'distance' && query.radius === undefined ? 'relevance' : query.sort }, place: search.place }
    case 'filters': return { query: { ...DEFAULT_QUERY, q: query.q, perPage: query.perPage, lang: query.lang }, place: '' }
  }
}

/** Every drop a search offers, words first (the likeliest reason), then the filters as the form lists them. */
export function dropsOf(query: SearchQuery): Drop[] {
  const drops: Drop[] = queryWords(query.q).map((w) => ({ kind: 'words', words: [w] }))
  for (const facet of FACETS) for (const value of query[facet]) drops.push({ kind: 'filter', facet, value })
  if (query.accepting !== undefined) drops.push({ kind: 'accepting' })
  if (query.radius !== undefined) drops.push({ kind: 'radius' })
  if (query.bbox) drops.push({ kind: 'area' })
  return drops.slice(0, MAX_DROPS)
}

/** The drops that find something, most results first (ties in the order offered). */
async function tryDrops(index: SearchIndex, search: PageQuery, drops: Drop[]): Promise<DropLink[]> {
  const tried = await Promise.all(drops.map(async (drop) => {
    const next = dropped(search, drop)
    const { total } = await index.search({ ...next.query, perPage: 1 })
    return { drop, href: searchHref(next.query, next.place), total }
  }))
  return tried.filter((d) => d.total > 0).sort((a, b) => b.total - a.total)
}

/**
 * The drops of a search that find something. When no one drop is enough
 * and there are several filters, the words alone are tried: what the
 * reader typed, anywhere, before starting over.
 */
export async function helpfulDrops(index: SearchIndex, search: PageQuery): Promise<DropLink[]> {
  const drops = dropsOf(search.query)
  const found = await tryDrops(index, search, drops)
  const filters = drops.filter((d) => d.kind !== 'words').length
  return found.length || !search.query.q || filters < 2 ? found : tryDrops(index, search, [{ kind: 'filters' }])
}
