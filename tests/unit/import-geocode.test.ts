/** Offline geocoding of imported places (issue 13): town + country from the search gazetteer, or a refusal a person can act on. */
import { createGeocoder, geocodeRow } from '../../src/exchange/geocode'
import { sharedGazetteer } from '../../src/search/places/shared'

const geocoder = createGeocoder(sharedGazetteer())
const located = (place: Record<string, unknown>) => geocodeRow({ slug: 'x', location: [place] }, geocoder)

test('a town and its country (code or name, any case or accents) get the town\'s coordinates and the country code', () => {
  for (const country of ['MX', 'mx', 'México', 'mexico']) {
    const { data, errors } = located({ name: 'Oaxaca', address: 'Calle 5', country })
    expect(errors).toEqual([])
    const [place] = data.location as Array<Record<string, unknown>>
    expect(place).toMatchObject({ name: 'Oaxaca', address: 'Calle 5', country: 'MX' })
    expect(place?.latitude).toBeCloseTo(17.06, 1)
    expect(place?.longitude).toBeCloseTo(-96.72, 1)
  }
})

test('the name may be in any of the four languages, and the country decides between towns of one name', () => {
  const lisboa = located({ name: 'Lisboa', country: 'PT' }).data.location as Array<{ latitude: number }>
  expect(lisboa[0]?.latitude).toBeCloseTo(38.7, 0)
  for (const name of ['Köln', 'Cologne']) expect((located({ name, country: 'DE' }).data.location as Array<{ latitude: number }>)[0]?.latitude).toBeCloseTo(50.93, 1) // any name GeoNames knows it by
  expect((located({ name: 'Frankfurt am Main', country: 'DE' }).data.location as Array<{ longitude: number }>)[0]?.longitude).toBeCloseTo(8.68, 1)
  const cordobaAr = located({ name: 'Córdoba', country: 'AR' }).data.location as Array<{ latitude: number }>
  const cordobaEs = located({ name: 'Cordoba', country: 'ES' }).data.location as Array<{ latitude: number }>
  expect(cordobaAr[0]?.latitude).toBeLessThan(-30)
  expect(cordobaEs[0]?.latitude).toBeGreaterThan(37)
})

test('an address naming the town is enough when there is no place name', () => {
  const { data, errors } = located({ address: 'Rua Augusta 10, Porto', country: 'PT' })
  expect(errors).toEqual([])
  expect((data.location as Array<{ latitude: number }>)[0]?.latitude).toBeCloseTo(41.15, 1)
})

test('a town the gazetteer does not know, a prefix of one, or one in another country is refused at location, saying what to add', () => {
  for (const place of [{ name: 'Xqzzyville', country: 'MX' }, { name: 'Berl', country: 'DE' }, { name: 'Oaxaca', country: 'PT' }]) {
    expect(located(place).errors).toEqual([{ field: 'location', message: `"${place.name}, ${place.country}" is not a place the offline gazetteer knows; add latitude and longitude` }])
  }
  expect(located({ name: 'Oaxaca' }).errors[0]?.message).toMatch(/has no country; add its country .* or its latitude and longitude/)
  expect(located({ name: 'Oaxaca', country: 'Atlantis' }).errors[0]?.message).toMatch(/"Atlantis" is not a country/)
})

test('places with coordinates, or with one coordinate of two, or with no name and no address, are left as they are', () => {
  const row = { slug: 'x', location: [{ name: 'Oaxaca', country: 'MX', latitude: 1, longitude: 2 }, { name: 'Oaxaca', country: 'MX', latitude: 1 }, { country: 'MX' }] }
  expect(geocodeRow(row, geocoder)).toEqual({ data: row, errors: [] })
  expect(geocodeRow({ slug: 'no-places' }, geocoder).data).toEqual({ slug: 'no-places' })
})
