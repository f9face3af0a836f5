/**
 * The SearchIndex port: a read model of listings fed by domain events and
 * rebuilt from the store at will. Engines: embedded (default) and Meilisearch.
 * An engine whose index lives in memory also offers `persist`/`restore`, so
 * the indexer can save it and load it back instead of rebuilding it.
 */
import type { Listing } from '../directory/listing'
import type { SearchQuery } from './query'
import type { Place } from './places/place'

export interface SearchHit {
  id: string
  slug: string
  url: string
  name: string
  summary: string
  services: string[]
  languages: string[]
  kind: string
  country?: string
  location?: { name?: string; latitude: number; longitude: number }
  distanceKm?: number
  origin: string
  stale: boolean
  /** When the listing last changed (ISO 8601). */
  updated: string
  /** What of the query this hit matched, for highlighting. */
  matched: HitMatch
  /** Demo data (the listing's `example`): fictional, shown as such. */
  example?: true
}

/** What of a query a hit matched. */
export interface HitMatch {
  /** The hit's services the query asked for: named in any label or alternative label, or holding a query word in one. */
  services: string[]
  /** The query's words (lower case, accents off, as the engine read them) found in the hit. */
  words: string[]
}

/** A place the query's words named ("correo cifrado Oaxaca"): hits are ranked nearest it first and carry `distanceKm` from it. */
export const queryPlace = ({ population: _size, ...place }: Place, matchedText: string): QueryPlace => ({ ...place, matchedText })

export type QueryPlace = Omit<Place, 'population'> & {
  /** The words that named it, as typed. */
  matchedText: string
}

export type FacetCounts = Record<'service' | 'language' | 'kind' | 'country' | 'origin', Record<string, number>>

export interface SearchResult {
  hits: SearchHit[]
  facets: FacetCounts
  total: number
  page: number
  perPage: number
  tookMs: number
  /**
   * Query words (as typed) left out because all of them together matched
   * less than a page: the hits match the other words; those that also
   * match these come first. Empty when every word was required.
   */
  relaxed: string[]
  /** The place the query named, when it named one and gave no `near` or `bbox` of its own. */
  place?: QueryPlace
  /** The query with its unknown words replaced by the nearest known ones, when some word matched nothing. */
  didYouMean?: string
}

/** A point of a matching listing, for maps (GeoJSON). */
export interface SearchPoint {
  id: string; slug: string; url: string; name: string; kind: string; services: string[]; latitude: number; longitude: number; place?: string
  /** ISO 3166 code of the point's country (the location's, else the listing's first), for the map's popups. */
  country?: string
}

/** The stamp of a listing as indexed: it changes whenever the listing's searchable data could (version, last change, last verification). */
export const listingStamp = (l: Pick<Listing, 'version' | 'updated'> & { provenance: Pick<Listing['provenance'], 'lastVerified'> }): string =>
  `${l.version}|${l.updated.getTime()}|${l.provenance.lastVerified.getTime()}`

/** The SearchIndex port: every engine implements it; composition and the indexer see nothing else. */
export interface SearchIndex {
  /** Adds or replaces a listing (only published listings should be given). */
  upsert(listing: Listing): Promise<void>
  remove(listingId: string): Promise<void>
  clear(): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /**
   * The locations of the listings the query matches (ignoring its paging), in
   * a stable order: at most `limit`, after skipping the first `offset`.
   */
  points(query: SearchQuery, limit: number, offset?: number): Promise<SearchPoint[]>
  count(): Promise<number>
  /**
   * Optional, with `restore` and `stamps`, for an engine whose index lives in
   * memory: the whole index as bytes (loading them is several times faster
   * than indexing every listing again). Engines that keep their own index
   * (Meilisearch) leave all three out.
   */
  persist?(): Buffer
  /**
   * Optional, for an engine that batches changes (Meilisearch): resolves once
   * every change made so far is applied. Engines that apply each change at
   * once leave it out.
   */
  flush?(): Promise<void>
  /** Replaces the index with `persist`'s bytes; false (and an empty index) when they are not this engine's, for this instance. */
  restore?(bytes: Buffer): boolean
  /** Each indexed listing's `listingStamp` as it was indexed, to compare with the store after a restore. */
  stamps?(): Map<string, string>
}

/** An index that can be saved and loaded back (see `SearchIndex.persist`). */
export type PersistentSearchIndex = SearchIndex & Required<Pick<SearchIndex, 'persist' | 'restore' | 'stamps'>>

export const isPersistent = (index: SearchIndex): index is PersistentSearchIndex =>
  index.persist !== undefined && index.restore !== undefined && index.stamps !== undefined
