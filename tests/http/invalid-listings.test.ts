import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
  await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'existing' })).expect(201)
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)

/** Everything the store holds, to prove a refused write left it unchanged. */
async function snapshot(): Promise<unknown> {
  const res = await api().get('/api/listings?perPage=100').set(inst.auth)
  return res.body
}

const WRONG_TYPES: Record<string, unknown> = {
  slug: 42, name: ['x'], nameMap: 'x', summary: { html: 1 }, summaryMap: ['x'], defaultLanguage: 7,
  kind: 3, services: 'web-hosting', tags: 'x', languages: 'es', regionsServed: 'MX',
  location: { latitude: 1, longitude: 2 }, contact: 'mail me', contactVisibility: 'public',
  founded: '2015', size: 'twelve', acceptingClients: 'yes', pricing: 5, networks: 'CoTech',
  dataLicense: true, icon: 12, example: 'no'
}

describe('invalid listings get 4xx problem+json naming the field, and nothing is written', () => {
  const cases: Array<[string, () => request.Test, string | null, number]> = [
    ['no name', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n1', name: undefined })), 'name', 422],
    ['empty name', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n2', name: '' })), 'name', 422],
    ['latitude 200', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n3', location: [{ latitude: 200, longitude: 0 }] })), 'location.0.latitude', 422],
    ['longitude -181', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n4', location: [{ latitude: 0, longitude: -181 }] })), 'location.0.longitude', 422],
    ['unknown service id', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n5', services: ['web-hosting', 'teleportation'] })), 'services.1', 422],
    ['unknown field', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n6', colour: 'red' })), 'colour', 422],
    ['bad slug', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'Bad Slug!' })), 'slug', 422],
    ['bad kind', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n7', kind: 'corporation' })), 'kind', 422],
    ['javascript: website', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n8', contact: { website: 'javascript:alert(1)' } })), 'contact.website', 422],
    ['a 2 MB summary', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n9', summary: 'x'.repeat(2 * 1024 * 1024) })), null, 413],
    ['a 6k summary', () => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'n10', summary: 'x'.repeat(6000) })), 'summary', 422],
    ['malformed JSON', () => api().post('/api/listings').set(inst.auth).set('Content-Type', 'application/json').send('{"slug": "n11",'), null, 400],
    ['JSON nested 10,000 deep', () => api().post('/api/listings').set(inst.auth).set('Content-Type', 'application/json').send(`{"slug":"n12","name":"x","kind":"other","nameMap":${'['.repeat(10000)}${']'.repeat(10000)}}`), 'nameMap', 422],
    ['an array body', () => api().post('/api/listings').set(inst.auth).send([sampleListing({ slug: 'n13' })]), '(listing)', 422],
    ['patch with latitude 200', () => api().patch('/api/listings/existing').set(inst.auth).send({ location: [{ latitude: 200, longitude: 0 }] }), 'location.0.latitude', 422],
    ['patch with unknown service', () => api().patch('/api/listings/existing').set(inst.auth).send({ services: ['nope'] }), 'services.0', 422],
    ['patch removing the name', () => api().patch('/api/listings/existing').set(inst.auth).send({ name: null }), 'name', 422]
  ]

  test.each(cases)('%s', async (_label, send, field, status) => {
    const before = await snapshot()
    const res = await send()
    expect(res.status).toBe(status)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.status).toBe(status)
    expect(typeof res.body.detail).toBe('string')
    if (field) expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field)
    expect(await snapshot()).toEqual(before)
  })

  test.each(Object.entries(WRONG_TYPES))('a wrong type for %s', async (field, value) => {
    const before = await snapshot()
    const created = await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'typed', [field]: value }))
    expect(created.status).toBe(422)
    expect(created.body.errors.map((e: { field: string }) => e.field)).toContain(field)
    const patched = await api().patch('/api/listings/existing').set(inst.auth).send({ [field]: value })
    expect(patched.status).toBe(422)
    expect(await snapshot()).toEqual(before)
  })

  test('summaries are sanitised, names kept as text', async () => {
    const res = await api().post('/api/listings').set(inst.auth).send(sampleListing({
      slug: 'xss', name: '<img src=x onerror=alert(1)>',
      summary: '<p onclick="x()">Hi<script>alert(1)</script> <a href="javascript:alert(1)">bad</a> <a href="https://ok.example">ok</a></p>'
    }))
    expect(res.status).toBe(201)
    expect(res.body.name).toBe('<img src=x onerror=alert(1)>')
    expect(res.body.summary).toBe('<p>Hi <a rel="nofollow noopener noreferrer">bad</a> <a href="https://ok.example" rel="nofollow noopener noreferrer">ok</a></p>')
  })
})
