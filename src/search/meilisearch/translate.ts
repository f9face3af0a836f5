/**
 * Pure translations for the Meilisearch engine: index settings, listing →
 * documents (one per location, distinct by listing), and our query →
 * Meilisearch search parameters. Tested with tables, without a server.
 */
import { createHash } from 'node:crypto'
import type { Listing } from '../../directory/listing'
import type { SearchQuery } from '../query'
import { toEntry, namesText, servicesText, summariesText, type SearchEntry } from '../documents'
import { vocabularySynonyms } from './synonyms'

export const MEILI_INDEX = 'listings'

/** Searchable attributes in weight order: name above services above summary. */
export const MEILI_SETTINGS = {
  searchableAttributes: ['name', 'services_text', 'summary'],
  filterableAttributes: ['services', 'languages', 'kind', 'countries', 'origin', 'accepting', 'listingId', '_geo'],
  sortableAttributes: ['updated', '_geo'],
  // Distinct per search (lists: one hit per listing; maps: every location), not per index.
  distinctAttribute: null,
  // Meilisearch's defaults, stated so the embedded engine's rule is visibly the same.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 1000000 },
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness']
} as const

/**
 * The index's settings with the synonyms: every service and kind's labels and
 * alternative labels, mutual, so "correo seguro" finds encrypted email. Built
 * when an index is set up (~90 ms), not when this module loads, so instances
 * on the embedded engine never pay for it.
 */
export const meiliSettings = () => ({ ...MEILI_SETTINGS, synonyms: vocabularySynonyms() })

/** A search entry as Meilisearch stores it: one document per location, text flattened. */
export type MeiliDocument = Omit<SearchEntry, 'id' | 'points' | 'tags'> & {
  /** Unique per location; `listingId` groups a listing's documents. */
  id: string
  listingId: string
  name: string
  services_text: string
  summary: string
  place?: string
  _geo?: { lat: number; lng: number }
}

/** Document ids Meilisearch accepts: [A-Za-z0-9_-]. */
export const docIdPrefix = (listingId: string): string => createHash('sha1').update(listingId).digest('hex')

export function listingToDocuments(listing: Listing): MeiliDocument[] {
  const e = toEntry(listing)
  const base = {
    listingId: e.id, slug: e.slug, url: e.url, origin: e.origin, kind: e.kind,
    ...(e.accepting !== undefined ? { accepting: e.accepting } : {}),
    services: e.services, languages: e.languages, countries: e.countries,
    name: namesText(listing, e), names: e.names, services_text: servicesText(e), summary: summariesText(e), summaries: e.summaries,
    defaultLanguage: e.defaultLanguage, updated: e.updated, lastVerified: e.lastVerified
  }
  const prefix = docIdPrefix(e.id)
  if (e.points.length === 0) return [{ id: `${prefix}-0`, ...base }]
  return e.points.map((p, i) => ({ id: `${prefix}-${i}`, ...base, ...(p.name ? { place: p.name } : {}), _geo: { lat: p.lat, lng: p.lng } }))
}

const quote = (s: string): string => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
const anyOf = (field: string, values: string[]): string => `${field} IN [${values.map(quote).join(', ')}]`

export interface MeiliSearchParams {
  q: string
  filter: string[]
  facets: string[]
  page: number
  hitsPerPage: number
  distinct: string
  sort?: string[]
}

export class UnboundedGeoSort extends Error {
  constructor() {
    super('a distance sort needs a radius or a bounding box (unbounded _geoPoint sorts are slow, Meilisearch #3581)')
  }
}

/**
 * The points of a query: its words and filters, and only documents with a
 * location (a listing without one is a document with no `_geo`). Skipping
 * them after the search would make a page of `limit` hits shorter than
 * `limit` points, and the GeoJSON pages would end before the last one.
 */
export function toMeiliPointsParams(query: SearchQuery): { q: string; filter: string[] } {
  const { q, filter } = toMeiliSearchParams({ ...query, sort: 'relevance' })
  return { q, filter: [...filter, '_geoBoundingBox([90, 180], [-90, -180])'] }
}

export function toMeiliSearchParams(query: SearchQuery): MeiliSearchParams {
  const filter: string[] = []
  if (query.service.length) filter.push(anyOf('services', query.service))
  if (query.language.length) filter.push(anyOf('languages', query.language))
  if (query.kind.length) filter.push(anyOf('kind', query.kind))
  if (query.country.length) filter.push(anyOf('countries', query.country))
  if (query.origin.length) filter.push(anyOf('origin', query.origin))
  if (query.accepting !== undefined) filter.push(`accepting = ${query.accepting}`)
  if (query.near && query.radius !== undefined) filter.push(`_geoRadius(${query.near.lat}, ${query.near.lng}, ${Math.round(query.radius * 1000)})`)
  if (query.bbox) {
    const { minLng, minLat, maxLng, maxLat } = query.bbox
    filter.push(`_geoBoundingBox([${maxLat}, ${maxLng}], [${minLat}, ${minLng}])`)
  }
  const params: MeiliSearchParams = {
    q: query.q,
    filter,
    facets: ['services', 'languages', 'kind', 'countries', 'origin'],
    page: query.page,
    hitsPerPage: query.perPage,
    distinct: 'listingId'
  }
  if (query.sort === 'distance') {
    if (!query.near || (query.radius === undefined && !query.bbox)) throw new UnboundedGeoSort()
    params.sort = [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`]
  } else if (query.sort === 'updated' || (!query.q && query.sort === 'relevance')) {
    params.sort = ['updated:desc']
  }
  return params
}
