/**
 * Every published listing is a Murmurations organizations profile at
 * /murmurations/SLUG.json (issue 13, point 3), valid against the schema in
 * ../shared/vocab/murmurations (Ajv, draft-07, with its field files as the
 * index resolves them); only what the public may see; 410 once withdrawn or
 * deleted, 404 while pending.
 */
import fs from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json'
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

const VOCAB = path.join(__dirname, '..', '..', '..', 'shared', 'vocab', 'murmurations')
const LIBRARY = 'https://test-library.murmurations.network/v2'

/** The organizations schema with every field file under the id its relative $refs resolve to. */
function organizationsValidator() {
  // strict off: the library's files carry a `metadata` keyword of their own
  const ajv = new Ajv({ strict: false, allErrors: true })
  // the library names draft-07 by its https address; it is the same meta-schema Ajv has under http
  ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' })
  for (const file of fs.readdirSync(path.join(VOCAB, 'fields'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(VOCAB, 'fields', file), 'utf8')), `${LIBRARY}/fields/${file}`)
  }
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(VOCAB, 'schemas', 'organizations_schema-v1.0.0.json'), 'utf8')))
}

let inst: TestInstance
const app = () => request(inst.tejido.app)
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst?.close())

test('a published listing\'s profile validates against organizations_schema-v1.0.0 and says what the public sees', async () => {
  const made = await app().post('/api/listings').set(inst.auth).send(sampleListing({ contactVisibility: { phone: 'partners', email: 'partners' }, icon: 'https://red-tejida.example/logo.png' })).expect(201)
  const res = await app().get('/murmurations/red-tejida.json').expect(200)
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  // a cache must ask again: the index checks the profile is gone before it deletes the node
  expect(res.headers['cache-control']).toBe('no-cache')
  const validate = organizationsValidator()
  expect(validate(res.body) ? [] : validate.errors).toEqual([])
  // the validator does refuse what the schema refuses: no name, a latitude off the globe, an empty tag list
  for (const broken of [{ name: undefined }, { geolocation: { lat: 200, lon: 0 } }, { tags: [] }]) expect(validate({ ...res.body, ...broken })).toBe(false)
  expect(res.body).toEqual({
    linked_schemas: ['organizations_schema-v1.0.0'],
    name: 'Red Tejida',
    primary_url: 'https://red-tejida.example',
    description: 'Worker-owned hosting and secure email.',
    tags: ['Web hosting', 'Encrypted email', 'solidarity'],
    urls: [{ name: 'Tejido', url: made.body.id }, { name: 'Website', url: 'https://red-tejida.example' }],
    geolocation: { lat: 17.0732, lon: -96.7266 },
    country_iso_3166: 'MX',
    full_address: 'Calle Falsa 123, Oaxaca, Oaxaca office',
    image: 'https://red-tejida.example/logo.png',
    unique_id: made.body.id,
    starts_at: Date.UTC(2015, 0, 1) / 1000
  }) // the email and phone are for partner directories only: not in a public profile
  // the public profile links it, for people and for machines
  const page = await app().get('/orgs/red-tejida').set('Accept', 'text/html').expect(200)
  expect(page.text).toContain('<link rel="alternate" type="application/json" title="Murmurations" href="/murmurations/red-tejida.json">')
  expect(page.text).toContain('<a href="/murmurations/red-tejida.json" type="application/json">This listing as a Murmurations profile (open data)</a>')
})

test('a listing with no website of its own points at its profile here; the least listing is still a valid profile', async () => {
  const made = await app().post('/api/listings').set(inst.auth).send({ slug: 'minima', name: 'Mínima', kind: 'collective' }).expect(201)
  const res = await app().get('/murmurations/minima.json').expect(200)
  const validate = organizationsValidator()
  expect(validate(res.body) ? [] : validate.errors).toEqual([])
  expect(res.body).toEqual({ linked_schemas: ['organizations_schema-v1.0.0'], name: 'Mínima', primary_url: made.body.id, urls: [{ name: 'Tejido', url: made.body.id }], unique_id: made.body.id })
})

test('pending: 404; withdrawn or deleted: 410, so the index drops the node', async () => {
  await inst.tejido.listings.create(sampleListing({ slug: 'waiting' }), 'pending')
  await app().get('/murmurations/waiting.json').expect(404)
  await app().get('/murmurations/nobody.json').expect(404)
  await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'withdrawn' })).expect(201)
  await app().post('/api/listings/withdrawn/reject').set(inst.auth).expect(200)
  await app().get('/murmurations/withdrawn.json').expect(410)
  await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'deleted' })).expect(201)
  await app().delete('/api/listings/deleted').set(inst.auth).expect(204)
  await app().get('/murmurations/deleted.json').expect(410)
})
