/** A place named on the form without coordinates is found in the offline gazetteer (form/places.ts); an unknown name is an error at that name. */
import { withLocatedPlaces, UNKNOWN_PLACE } from '../../src/http/site/form/places'
import { ruleOf } from '../../src/directory/validate'
import { formErrors } from '../../src/http/site/form/errors'

jest.setTimeout(30000) // the gazetteer's tables are built on first use

test('a town named alone gets its coordinates and country; typed coordinates and country are kept', () => {
  const { listing, errors } = withLocatedPlaces({ name: 'X', location: [{ name: 'Recife' }, { name: 'Olinda', latitude: -8, longitude: -34.85 }] }, 'pt')
  expect(errors).toEqual([])
  const [recife, olinda] = listing.location as Array<Record<string, unknown>>
  expect(recife).toMatchObject({ name: 'Recife', country: 'BR' })
  expect(recife?.latitude as number).toBeCloseTo(-8.05, 1)
  expect(recife?.longitude as number).toBeCloseTo(-34.9, 1)
  expect(olinda).toEqual({ name: 'Olinda', latitude: -8, longitude: -34.85 })
})

test('a name the gazetteer does not know: an error at that name, in the reader\'s words, and the place left out', () => {
  const { listing, errors } = withLocatedPlaces({ name: 'X', location: [{ name: 'Zzqxv Nowhere' }] }, 'en')
  expect(errors.map((e) => [e.field, ruleOf(e)?.keyword])).toEqual([['location.0.name', UNKNOWN_PLACE]])
  expect(listing).toEqual({ name: 'X' })
  expect(formErrors(errors)).toEqual({ 'location.0.name': 'join.placeUnknown' })
})
