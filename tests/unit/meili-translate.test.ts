import { toMeiliSearchParams, toMeiliPointsParams, listingToDocuments, readForMeili, UnboundedGeoSort, MEILI_SETTINGS, meiliSettings } from '../../src/search/meilisearch/translate'
import { sharedGazetteer } from '../../src/search/places/shared'
import { DEFAULT_QUERY, parseSearchQuery, type SearchQuery } from '../../src/search/query'
import type { Listing } from '../../src/directory/listing'

const q = (over: Partial<SearchQuery>): SearchQuery => ({ ...DEFAULT_QUERY, ...over })
const facets = ['services', 'languages', 'kind', 'countries', 'origin']

describe('our query → Meilisearch search parameters', () => {
  test.each<[string, Partial<SearchQuery>, Record<string, unknown>]>([
    ['words only', { q: 'correo seguro' }, { q: 'correo seguro', filter: [], facets, page: 1, hitsPerPage: 20, distinct: 'listingId', matchingStrategy: 'last' }],
    ['stop words are left out', { q: 'correo de la casa del pueblo' }, { q: 'correo casa pueblo' }],
    ['optional words (who it is for, words any listing could claim) go last, so the last strategy drops them first', { q: 'services web hosting for unions', lang: 'en' }, { q: 'web hosting services unions' }],
    ['no words: newest first', {}, { q: '', filter: [], sort: ['updated:desc'] }],
    ['facets: any of each, all of them', { service: ['web-hosting', 'vpn'], language: ['es'], kind: ['worker-coop'], country: ['MX'] },
      { filter: ['services IN ["web-hosting", "vpn"]', 'languages IN ["es"]', 'kind IN ["worker-coop"]', 'countries IN ["MX"]'] }],
    ['origin and accepting', { origin: ['https://b.example'], accepting: true }, { filter: ['origin IN ["https://b.example"]', 'accepting = true'] }],
    ['quotes in values are escaped', { service: ['a"b\\c'] }, { filter: ['services IN ["a\\"b\\\\c"]'] }],
    ['radius in metres', { near: { lat: 17.06, lng: -96.72 }, radius: 25 }, { filter: ['_geoRadius(17.06, -96.72, 25000)'] }],
    ['bounding box: north-east then south-west', { bbox: { minLng: -100, minLat: 10, maxLng: -90, maxLat: 20 } }, { filter: ['_geoBoundingBox([20, -90], [10, -100])'] }],
    ['distance sort, bounded by the radius', { q: 'x', near: { lat: 1, lng: 2 }, radius: 10, sort: 'distance' }, { sort: ['_geoPoint(1, 2):asc'], filter: ['_geoRadius(1, 2, 10000)'] }],
    ['updated sort', { q: 'x', sort: 'updated' }, { sort: ['updated:desc'] }],
    ['paging', { q: 'x', page: 3, perPage: 50 }, { page: 3, hitsPerPage: 50 }]
  ])('%s', (_label, over, expected) => {
    expect(toMeiliSearchParams(q(over))).toMatchObject(expected)
  })

  test('points: only documents with a location, so a page of hits is a page of points', () => {
    expect(toMeiliPointsParams(q({ q: 'x', service: ['vpn'] }))).toEqual({ q: 'x', filter: ['services IN ["vpn"]', '_geoBoundingBox([90, 180], [-90, -180])'], matchingStrategy: 'last' })
  })

  describe('with the gazetteer reading place names', () => {
    const read = (over: Partial<SearchQuery>) => toMeiliSearchParams(q(over), readForMeili(q(over), sharedGazetteer()))
    test.each<[string, Partial<SearchQuery>, Record<string, unknown>]>([
      ['a city leaves the words and sorts by nearness to it', { q: 'correo cifrado Oaxaca', lang: 'es' }, { q: 'correo cifrado', sort: [expect.stringMatching(/^_geoPoint\(17\.0\d+, -96\.7\d+\):asc$/)] }],
      ['its linking words go with it', { q: 'hébergement web près de Montréal', lang: 'fr' }, { q: 'hébergement web', sort: [expect.stringMatching(/^_geoPoint\(45\.5\d+, -73\.5\d+\):asc$/)] }],
      ['a place alone: every listing, nearest first', { q: 'Oaxaca', lang: 'es' }, { q: '', sort: [expect.stringMatching(/^_geoPoint\(17/)] }],
      ['a country stays a word (documents hold their countries\' names) with no geo sort', { q: 'web hosting Chile' }, { q: 'web hosting' }],
      ['a query with its own centre reads no place', { q: 'hosting Oaxaca', near: { lat: 1, lng: 2 }, radius: 5 }, { q: 'hosting Oaxaca', filter: ['_geoRadius(1, 2, 5000)'] }]
    ])('%s', (_label, over, expected) => {
      expect(read(over)).toMatchObject(expected)
    })

    test('a country has no nearness sort', () => {
      expect(read({ q: 'web hosting Chile' }).sort).toBeUndefined()
    })
  })

  test('relevance with words has no sort', () => {
    expect(toMeiliSearchParams(q({ q: 'x' })).sort).toBeUndefined()
  })

  test('an unbounded distance sort is refused', () => {
    expect(() => toMeiliSearchParams(q({ near: { lat: 1, lng: 2 }, sort: 'distance' }))).toThrow(UnboundedGeoSort)
    expect(parseSearchQuery({ near: '1,2', sort: 'distance' }).ok).toBe(false)
    expect(parseSearchQuery({ near: '1,2', radius: '5', sort: 'distance' }).ok).toBe(true)
  })
})

describe('listing → Meilisearch documents', () => {
  const at = new Date('2026-03-01T00:00:00Z')
  const listing: Listing = {
    slug: 'tres', name: 'Tres', kind: 'collective', services: ['vpn'], languages: ['es'],
    location: [{ name: 'Madrid', latitude: 40.4, longitude: -3.7, country: 'ES' }, { latitude: 41.4, longitude: 2.2 }],
    id: 'https://t.test/orgs/tres', origin: 'https://t.test', published: at, updated: at, moderation: 'approved', version: 1,
    provenance: { origin: 'https://t.test', via: 'local', firstSeen: at, lastVerified: at }
  }

  test('one document per location, distinct by listing, ids Meilisearch accepts', () => {
    const docs = listingToDocuments(listing)
    expect(docs).toHaveLength(2)
    expect(new Set(docs.map((d) => d.listingId))).toEqual(new Set([listing.id]))
    for (const d of docs) expect(d.id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(docs[0]).toMatchObject({ _geo: { lat: 40.4, lng: -3.7 }, place: 'Madrid', countries: ['ES'], updated: at.getTime() })
    expect(docs[0]?.services_text).toContain('VPN')
    expect(MEILI_SETTINGS.filterableAttributes).toContain('listingId')
    expect(MEILI_SETTINGS.searchableAttributes).toEqual(['name', 'services_text', 'places_text', 'summary'])
    expect(docs[0]?.places_text).toEqual(expect.stringContaining('Madrid'))
    for (const name of ['Spain', 'España', 'Espagne', 'Espanha']) expect(docs[0]?.places_text).toContain(name)
  })

  test('a listing without locations is one document without _geo', () => {
    const docs = listingToDocuments({ ...listing, location: [] })
    expect(docs).toHaveLength(1)
    expect(docs[0]?._geo).toBeUndefined()
  })
})

describe('the synonyms setting', () => {
  test('is the vocabulary\'s, so a service is found by the words people type in any of the four languages', () => {
    const { synonyms } = meiliSettings()
    expect(synonyms['correo seguro']).toEqual(expect.arrayContaining(['encrypted email', 'correo cifrado']))
    expect(synonyms['secure email']).toEqual(expect.arrayContaining(['correo cifrado']))
  })
})


describe('the matching settings', () => {
  test('the four languages\' stop words are the index\'s', () => {
    for (const w of ['de', 'para', 'near', 'pour', 'perto', 'the']) expect(MEILI_SETTINGS.stopWords).toContain(w)
  })

  test('typos as the embedded engine counts them', () => {
    expect(MEILI_SETTINGS.typoTolerance.minWordSizeForTypos).toEqual({ oneTypo: 5, twoTypos: 9 })
  })
})
