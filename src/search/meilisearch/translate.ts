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
import { STOP_WORDS } from '../reading/stop-words'
import { readQuery, type ReadQuery } from '../reading/read-query'
import { MATCHING_STRATEGY, meiliQueryText, placeSort } from './query-text'
import type { Gazetteer } from '../places/gazetteer'
import { countryName, PLACE_LANGUAGES, registerCountryLocales } from '../places/countries'

export const MEILI_INDEX = 'listings'

/** Searchable attributes in weight order: name above services above places above summary. */
export const MEILI_SETTINGS = {
  searchableAttributes: ['name', 'services_text', 'places_text', 'summary'],
  filterableAttributes: ['services', 'languages', 'kind', 'countries', 'origin', 'accepting', 'listingId', '_geo'],
  sortableAttributes: ['updated', '_geo'],
  // Distinct per search (lists: one hit per listing; maps: every location), not per index.
  distinctAttribute: null,
  // Meilisearch's defaults, stated so the embedded engine's rule is visibly the same.
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 1000000 },
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  // The four languages' function words: never required, as in the embedded engine.
  stopWords: [...STOP_WORDS].sort()
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
  /** Its places' names and addresses and its countries' names in the four languages. */
  places_text: string
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
    name: namesText(listing, e), names: e.names, services_text: servicesText(e), places_text: placesText(listing, e), summary: summariesText(e), summaries: e.summaries,
    defaultLanguage: e.defaultLanguage, updated: e.updated, lastVerified: e.lastVerified,
    ...(e.example ? { example: e.example } : {})
  }
  const prefix = docIdPrefix(e.id)
  if (e.points.length === 0) return [{ id: `${prefix}-0`, ...base }]
  return e.points.map((p, i) => ({ id: `${prefix}-${i}`, ...base, ...(p.name ? { place: p.name } : {}), _geo: { lat: p.lat, lng: p.lng } }))
}

/** A listing's places as words: names, addresses, and each country's name in the four languages. */
function placesText(listing: Listing, e: SearchEntry): string {
  registerCountryLocales()
  const places = (listing.location ?? []).flatMap((p) => [p.name ?? '', p.address ?? ''])
  const countries = e.countries.flatMap((c) => PLACE_LANGUAGES.map((lang) => countryName(c, lang) ?? ''))
  return [...places, ...countries].filter(Boolean).join(' · ')
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
  matchingStrategy: typeof MATCHING_STRATEGY
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
export function toMeiliPointsParams(query: SearchQuery, read: ReadQuery = readForMeili(query, null)): { q: string; filter: string[]; matchingStrategy: typeof MATCHING_STRATEGY } {
  const { q, filter, matchingStrategy } = toMeiliSearchParams({ ...query, sort: 'relevance' }, read)
  return { q, filter: [...filter, '_geoBoundingBox([90, 180], [-90, -180])'], matchingStrategy }
}

/** How a query's words are read for Meilisearch: with the gazetteer unless the query gives its own area. */
export const readForMeili = (query: SearchQuery, places: Gazetteer | null): ReadQuery => readQuery(query.q, query.lang, query.near || query.bbox ? null : places)

/**
 * Our query as Meilisearch search parameters, from its words as read
 * (`readForMeili`; by default without a gazetteer: no place is read, the
 * words go as typed less their stop words).
 */
export function toMeiliSearchParams(query: SearchQuery, read: ReadQuery = readForMeili(query, null)): MeiliSearchParams {
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
    q: meiliQueryText(read),
    filter,
    facets: ['services', 'languages', 'kind', 'countries', 'origin'],
    page: query.page,
    hitsPerPage: query.perPage,
    distinct: 'listingId',
    matchingStrategy: MATCHING_STRATEGY
  }
  const nearness = placeSort(read)
  if (query.sort === 'distance') {
    if (!query.near || (query.radius === undefined && !query.bbox)) throw new UnboundedGeoSort()
    params.sort = [`_geoPoint(${query.near.lat}, ${query.near.lng}):asc`]
  } else if (query.sort === 'updated' || (!params.q && !nearness && query.sort === 'relevance')) {
    params.sort = ['updated:desc']
  } else if (nearness) params.sort = nearness
  return params
}
