/**
 * The SearchIndex port: a read model of listings fed by domain events and
 * rebuilt from the store at will. Engines: embedded (default) and Meilisearch.
 */
import type { Listing } from '../directory/listing'
import type { SearchQuery } from './query'

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
}

export type FacetCounts = Record<'service' | 'language' | 'kind' | 'country' | 'origin', Record<string, number>>

export interface SearchResult {
  hits: SearchHit[]
  facets: FacetCounts
  total: number
  page: number
  perPage: number
  tookMs: number
}

/** A point of a matching listing, for maps (GeoJSON). */
export interface SearchPoint { id: string; slug: string; url: string; name: string; kind: string; services: string[]; latitude: number; longitude: number; place?: string }

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
}
