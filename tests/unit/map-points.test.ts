/** The map's columns of points (GET /api/search.points): dictionaries for places and service labels, in the query's language. */
import { mapPoints } from '../../src/http/api/map-points'
import type { SearchPoint } from '../../src/search/search-index'

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
