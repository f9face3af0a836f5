/**
 * GET /api/export (issue 13, point 2, first part): the published listings
 * for anyone, every listing for the operator, in json, jsonl, geojson and
 * murmurations; more than one store page, streamed; bad parameters a 400
 * naming the field.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

let inst: TestInstance
const app = () => request(inst.tejido.app)
/** More than one page of the store's reads (500): the stream goes on past it. */
const PUBLISHED = 520

beforeAll(async () => {
  inst = await composeInstance()
  for (let i = 1; i <= PUBLISHED; i++) {
    const made = await inst.tejido.listings.create(sampleListing({ slug: `coop-${i}`, name: `Coop ${i}`, ...(i === 1 ? { location: [...(sampleListing().location as unknown[]), { name: 'Recife', latitude: -8.05, longitude: -34.9 }] } : {}) }))
    if (!made.ok) throw new Error('sample refused')
  }
  await inst.tejido.listings.create(sampleListing({ slug: 'waiting', name: 'Waiting Coop' }), 'pending')
  const discreet = await inst.tejido.listings.update('coop-2', { contact: { website: 'https://coop2.example', email: 'private@coop2.example' }, contactVisibility: { email: 'partners' } })
  if (!discreet.ok) throw new Error('contact refused')
}, 120000)
afterAll(() => inst?.close())

const text = async (path: string, auth = false) => {
  const req = app().get(path).buffer(true).parse((res, done) => {
    let body = ''
    res.on('data', (c: Buffer) => (body += c.toString('utf8')))
    res.on('end', () => done(null, body))
  })
  const res = await (auth ? req.set(inst.auth) : req)
  return { status: res.status, type: res.headers['content-type'] as string, disposition: res.headers['content-disposition'] as string, body: res.body as string }
}

test('json: every published listing, as the API reads it, and no pending one for the public', async () => {
  const res = await text('/api/export?format=json')
  expect(res.status).toBe(200)
  expect(res.type).toMatch(/^application\/json/)
  expect(res.disposition).toBe('attachment; filename="tejido.json"')
  const items = JSON.parse(res.body) as Array<Record<string, unknown>>
  expect(items).toHaveLength(PUBLISHED)
  expect(new Set(items.map((l) => l.slug)).size).toBe(PUBLISHED)
  expect(items.some((l) => l.slug === 'waiting')).toBe(false)
  const api = (await app().get('/api/listings/coop-7').set(inst.auth).expect(200)).body as Record<string, unknown>
  const { contactVisibility: _marks, contact, ...rest } = api as { contact: Record<string, string>; contactVisibility: Record<string, string> }
  expect(items.find((l) => l.slug === 'coop-7')).toEqual({ ...rest, contact: { email: contact.email, website: contact.website } }) // the phone is for partners
  const operators = JSON.parse((await text('/api/export?format=json', true)).body) as Array<Record<string, unknown>>
  expect(operators.find((l) => l.slug === 'coop-7')).toEqual(api)
})

test('contact fields kept for partner directories are in the operator\'s export only, in every format', async () => {
  for (const format of ['json', 'csv', 'geojson', 'jsonld', 'murmurations', 'sea-csv']) {
    const open = await text(`/api/export?format=${format}`)
    expect(open.body).toContain('coop2.example')
    expect(open.body).not.toContain('private@coop2.example')
  }
  const forPublic = (JSON.parse((await text('/api/export?format=json')).body) as Array<Record<string, unknown>>).find((l) => l.slug === 'coop-2')
  expect(forPublic?.contact).toEqual({ website: 'https://coop2.example' })
  expect(forPublic?.contactVisibility).toBeUndefined()
  expect((await text('/api/export?format=csv', true)).body).toContain('private@coop2.example')
  const operator = (JSON.parse((await text('/api/export?format=json', true)).body) as Array<Record<string, unknown>>).find((l) => l.slug === 'coop-2')
  expect(operator?.contactVisibility).toMatchObject({ email: 'partners' })
})

test('the operator gets every listing, or one moderation state; the public may not ask for one', async () => {
  expect(JSON.parse((await text('/api/export', true)).body)).toHaveLength(PUBLISHED + 1)
  const pending = JSON.parse((await text('/api/export?moderation=pending', true)).body) as Array<{ slug: string }>
  expect(pending.map((l) => l.slug)).toEqual(['waiting'])
  const refused = await app().get('/api/export?moderation=pending').expect(400)
  expect(refused.body.errors[0].field).toBe('moderation')
})

test('jsonl: one listing a line; geojson: a Feature per place, longitude first, its licence among the properties', async () => {
  const lines = (await text('/api/export?format=jsonl')).body.trimEnd().split('\n')
  expect(lines).toHaveLength(PUBLISHED)
  expect((JSON.parse(lines[0] as string) as { slug: string }).slug).toMatch(/^coop-/)
  const geo = await text('/api/export?format=geojson')
  expect(geo.type).toMatch(/^application\/geo\+json/)
  const collection = JSON.parse(geo.body) as { type: string; features: Array<{ geometry: { coordinates: number[] }; properties: { slug: string; dataLicense: string; place: { name: string } } }> }
  expect(collection.type).toBe('FeatureCollection')
  expect(collection.features).toHaveLength(PUBLISHED + 1) // coop-1 has two places
  const recife = collection.features.find((f) => f.properties.place.name === 'Recife')
  expect(recife?.geometry.coordinates).toEqual([-34.9, -8.05])
  expect(recife?.properties).toMatchObject({ slug: 'coop-1', dataLicense: 'CC0-1.0' })
})

test('murmurations: an array of organizations profiles', async () => {
  const profiles = JSON.parse((await text('/api/export?format=murmurations')).body) as Array<{ linked_schemas: string[]; name: string }>
  expect(profiles).toHaveLength(PUBLISHED)
  expect(profiles[0]?.linked_schemas).toEqual(['organizations_schema-v1.0.0'])
})

test('bad parameters are a 400 naming the field', async () => {
  for (const [query, field] of [['format=xlsx', 'format'], ['origin=not-an-origin', 'origin'], ['origin=https://a.example/path', 'origin']]) {
    const res = await app().get(`/api/export?${query}`).expect(400)
    expect(res.body.errors[0].field).toBe(field)
  }
})
