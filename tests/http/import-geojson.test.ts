/**
 * GeoJSON in (issue 13): Tejido's own GeoJSON export round-trips (the
 * features of one listing become that listing with all its places), and
 * foreign GeoJSON keeps exactly what the README's table says.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { inputOf } from '../../src/directory/listing-service'

let from: TestInstance
let to: TestInstance
beforeAll(async () => {
  from = await composeInstance()
  to = await composeInstance()
  const twoPlaces = sampleListing({
    nameMap: { es: 'Red Tejida', pt: 'Rede Tecida' },
    location: [
      { name: 'Oaxaca office', address: 'Calle Falsa 123', country: 'MX', latitude: 17.0732, longitude: -96.7266 },
      { name: 'Lisboa', country: 'PT', latitude: 38.7223, longitude: -9.1393 }
    ]
  })
  for (const listing of [twoPlaces, sampleListing({ slug: 'mare', name: 'Maré Digital', contactVisibility: { email: 'partners' } }), { slug: 'sin-lugar', name: 'Sin lugar', kind: 'collective' }]) {
    expect((await from.tejido.listings.create(listing)).ok).toBe(true)
  }
})
afterAll(async () => {
  await from?.close()
  await to?.close()
})

const text = (req: request.Test) => req.buffer(true).parse((res, done) => {
  let body = ''
  res.on('data', (c: Buffer) => (body += c.toString('utf8')))
  res.on('end', () => done(null, body))
})
const post = (body: string) => request(to.tejido.app).post('/api/import?format=geojson').set(to.auth).set('Content-Type', 'application/octet-stream').send(Buffer.from(body, 'utf8'))
const inputs = async (inst: TestInstance) => (await inst.tejido.listings.list({ page: 1, perPage: 100 })).items.map((l) => ({ input: inputOf(l), version: l.version })).sort((a, b) => String(a.input.slug).localeCompare(String(b.input.slug)))

test('Tejido GeoJSON: export, import into a fresh instance: the listings with places, every field and place; again: nothing changes', async () => {
  const file = (await text(request(from.tejido.app).get('/api/export?format=geojson').set(from.auth))).body as string
  expect((JSON.parse(file) as { features: unknown[] }).features).toHaveLength(3) // two places of red-tejida, one of mare
  const first = await post(file).expect(200)
  expect(first.body.created.sort()).toEqual(['mare', 'red-tejida'])
  expect(first.body.refused).toEqual([])
  const there = await inputs(to)
  const source = (await inputs(from)).filter((l) => Array.isArray(l.input.location) && l.input.location.length > 0)
  expect(there.map((l) => l.input)).toEqual(source.map((l) => l.input))
  expect(there.find((l) => l.input.slug === 'red-tejida')?.input.location).toHaveLength(2)
  expect((await post(file).expect(200)).body).toMatchObject({ created: [], updated: [], unchanged: expect.arrayContaining(['red-tejida', 'mare']) })
  expect(await inputs(to)).toEqual(there)
})

const foreign = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 'node/1', geometry: { type: 'Point', coordinates: [-96.72, 17.06] }, properties: { name: 'Cooperativa Uno', description: 'Hosting for movements', website: 'https://uno.example', email: 'hola@uno.example', phone: '+52 951 111 1111', address: 'Calle 1', city: 'Oaxaca', country: 'México', amenity: 'coop', opening_hours: 'Mo-Fr' } },
    { type: 'Feature', id: 42, geometry: null, properties: { title: 'Colectivo Dos', url: 'https://dos.example/', city: 'Lisboa', country: 'PT', kind: 'collective' } },
    { type: 'Feature', geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, properties: { name: 'Área' } },
    { type: 'Feature', id: 'sin-nombre', geometry: { type: 'Point', coordinates: [0, 0] }, properties: { website: 'https://nadie.example' } },
    { type: 'Nope' }
  ]
}

test('foreign GeoJSON keeps what the README table says, and the same file again changes nothing', async () => {
  const res = await post(JSON.stringify(foreign)).expect(200)
  expect(res.body.created).toEqual(['cooperativa-uno', 'colectivo-dos'])
  expect(res.body.refused).toEqual([
    { row: 3, field: '(row)', message: expect.stringContaining('Polygon geometry is not a place') },
    { row: 4, field: 'name', message: expect.any(String) },
    { row: 5, field: '(row)', message: expect.stringContaining('not a GeoJSON Feature') }
  ])
  const uno = await to.tejido.listings.get('cooperativa-uno')
  // the README table, row by row: name, description → summary, kind (other unless a Tejido kind), website/email/phone → contact,
  // Point → the place, with address, city as its name and country as its code; Feature id → externalIds.geojson; nothing else
  expect(uno.ok && inputOf(uno.value)).toEqual({
    slug: 'cooperativa-uno', name: 'Cooperativa Uno', summary: 'Hosting for movements', kind: 'other',
    contact: { website: 'https://uno.example', email: 'hola@uno.example', phone: '+52 951 111 1111' },
    location: [{ name: 'Oaxaca', address: 'Calle 1', country: 'MX', latitude: 17.06, longitude: -96.72 }],
    externalIds: { geojson: 'node/1' }
  })
  const dos = await to.tejido.listings.get('colectivo-dos')
  expect(dos.ok && inputOf(dos.value)).toMatchObject({ name: 'Colectivo Dos', kind: 'collective', contact: { website: 'https://dos.example/' }, externalIds: { geojson: '42' } })
  expect(dos.ok && dos.value.location?.[0]).toMatchObject({ name: 'Lisboa', country: 'PT', latitude: expect.closeTo(38.72, 1) }) // no geometry: geocoded
  expect((await post(JSON.stringify(foreign)).expect(200)).body).toMatchObject({ created: [], updated: [], unchanged: ['cooperativa-uno', 'colectivo-dos'] })
})

test('a foreign feature matched again by its id replaces only the fields GeoJSON carries: the operator\'s kind and languages stay', async () => {
  expect((await to.tejido.listings.update('cooperativa-uno', { kind: 'worker-coop', languages: ['es'] })).ok).toBe(true)
  const renamed = { ...foreign, features: [{ ...foreign.features[0], properties: { ...foreign.features[0]?.properties, name: 'Cooperativa Uno y Más' } }] }
  expect((await post(JSON.stringify(renamed)).expect(200)).body.updated).toEqual(['cooperativa-uno'])
  const uno = await to.tejido.listings.get('cooperativa-uno')
  expect(uno.ok && uno.value).toMatchObject({ slug: 'cooperativa-uno', name: 'Cooperativa Uno y Más', kind: 'worker-coop', languages: ['es'] })
})

test('a file that is not a FeatureCollection is refused saying what one is', async () => {
  expect((await post('{"type":"Feature"}').expect(200)).body.refused).toEqual([{ row: 1, field: '(row)', message: expect.stringContaining('FeatureCollection') }])
  expect((await post('not json').expect(200)).body.refused[0].message).toMatch(/not JSON/)
})
