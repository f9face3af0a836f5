/** The map's columns of points (GET /api/search.points): dictionaries for places and service labels, in the query's language, and the frame of a named place. */
import { mapPoints, placeFrame } from '../../src/http/api/map-points'
import type { SearchIndex, SearchPoint, SearchResult } from '../../src/search/search-index'
import { DEFAULT_QUERY, type SearchQuery } from '../../src/search/query'

const point = (over: Partial<SearchPoint>): SearchPoint => ({
  id: 'https://a.test/orgs/x', slug: 'x', url: 'https://a.test/orgs/x', name: 'X', kind: 'worker-coop', services: [], latitude: 17.065512345, longitude: -96.715512345, ...over
})

describe('mapPoints', () => {
  const points = [
    point({ id: 'a', name: 'A', place: 'Jalatlaco, Oaxaca', country: 'MX', services: ['encrypted-email', 'web-hosting'] }),
    point({ id: 'b', name: 'B', place: 'Jalatlaco, Oaxaca', country: 'MX', services: ['web-hosting'] }),
    point({ id: 'c', name: 'C', country: 'PT', services: [] }),
    point({ id: 'd', name: 'D', services: ['not-in-the-vocabulary'] })
  ]

  test('columns, with each place and each label once, in English', () => {
    expect(mapPoints(points, 'en')).toEqual({
      count: 4,
      lng: [-96.71551, -96.71551, -96.71551, -96.71551],
      lat: [17.06551, 17.06551, 17.06551, 17.06551],
      id: ['a', 'b', 'c', 'd'],
      name: ['A', 'B', 'C', 'D'],
      place: [0, 0, 1, -1],
      places: ['Jalatlaco, Oaxaca, Mexico', 'Portugal'],
      services: [[0, 1], [1], [], [2]],
      serviceLabels: ['Encrypted email', 'Web hosting', 'not-in-the-vocabulary']
    })
  })

  test('labels and country names in the query’s language', () => {
    const es = mapPoints(points, 'es')
    expect(es.places).toEqual(['Jalatlaco, Oaxaca, México', 'Portugal'])
    expect(es.serviceLabels.slice(0, 2)).toEqual(['Correo cifrado', 'Alojamiento web'])
    expect(mapPoints(points, 'fr').serviceLabels[0]).toBe('Courriel chiffré')
  })

  test('a country code Intl does not know, or cannot read, is shown as given', () => {
    expect(mapPoints([point({ country: 'QQ' }), point({ country: 'MEX' })], 'en').places).toEqual(['QQ', 'MEX'])
  })

  test('no points: empty columns', () => {
    expect(mapPoints([], 'pt')).toEqual({ count: 0, lng: [], lat: [], id: [], name: [], place: [], places: [], services: [], serviceLabels: [] })
  })
})

describe('placeFrame: what the map shows for words naming a place', () => {
  const place = { id: 'geonames:1', kind: 'city' as const, name: 'Oaxaca', country: 'MX', countryName: 'Mexico', latitude: 17.06, longitude: -96.72, matchedText: 'oaxaca' }
  const hit = (lat: number, lng: number, km: number) => ({ location: { latitude: lat, longitude: lng }, distanceKm: km })
  /** An index whose search answers `answer` and records what it was asked. */
  const indexAnswering = (answer: Partial<SearchResult>) => {
    const asked: SearchQuery[] = []
    const index = { search: async (q: SearchQuery) => { asked.push(q); return { hits: [], ...answer } as unknown as SearchResult } } as unknown as SearchIndex
    return { index, asked }
  }

  test('the place and the five nearest results of the first page', async () => {
    const hits = [hit(40, -3, 9000), hit(17.1, -96.7, 5), hit(19.4, -99.1, 300), hit(16.7, -92.6, 400), hit(20.6, -103.3, 700), hit(17.0, -96.8, 8), hit(-34, -58, 7000)]
    const { index, asked } = indexAnswering({ place, hits: hits as unknown as SearchResult['hits'] })
    expect(await placeFrame(index, { ...DEFAULT_QUERY, q: 'oaxaca', page: 3 })).toEqual({ place: 'Oaxaca', box: [[16.7, -103.3], [20.6, -92.6]] })
    expect(asked.map((q) => [q.page, q.perPage])).toEqual([[1, DEFAULT_QUERY.perPage]])
  })

  test('no place named, or a centre or an area of the query’s own: no frame, and no search for words', async () => {
    const { index, asked } = indexAnswering({})
    expect(await placeFrame(index, { ...DEFAULT_QUERY, q: 'hosting' })).toBeUndefined()
    expect(await placeFrame(index, { ...DEFAULT_QUERY, q: '' })).toBeUndefined()
    expect(await placeFrame(index, { ...DEFAULT_QUERY, q: 'oaxaca', bbox: { minLng: -100, minLat: 15, maxLng: -90, maxLat: 20 } })).toBeUndefined()
    expect(await placeFrame(index, { ...DEFAULT_QUERY, q: 'oaxaca', near: { lat: 17, lng: -96 }, radius: 50 })).toBeUndefined()
    expect(asked).toHaveLength(1) // only the query with words and nothing of its own was searched
  })

  test('carried in the columns when there is one', () => {
    expect(mapPoints([], 'en', { place: 'Oaxaca', box: [[1, 2], [3, 4]] }).frame).toEqual({ place: 'Oaxaca', box: [[1, 2], [3, 4]] })
    expect('frame' in mapPoints([], 'en')).toBe(false)
  })
})
