import request from 'supertest'
import { composeInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)

describe('operator listings API', () => {
  test('refuses requests without the bearer token', async () => {
    const res = await api().get('/api/listings')
    expect(res.status).toBe(401)
    expect(res.type).toBe('application/problem+json')
    expect((await api().get('/api/listings').set('Authorization', 'Bearer wrong')).status).toBe(401)
  })

  test('create, read, list, patch, delete; a listing reads and writes as the same JSON', async () => {
    const created = await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'crud-coop' }))
    expect(created.status).toBe(201)
    expect(created.headers.location).toBe(`${PUBLIC_URL}/orgs/crud-coop`)
    expect(created.body).toMatchObject({ slug: 'crud-coop', id: `${PUBLIC_URL}/orgs/crud-coop`, origin: PUBLIC_URL, moderation: 'approved', version: 1 })
    expect(created.body.summary).toBe('<p>Worker-owned hosting and <strong>secure email</strong>.</p>')

    const read = await api().get('/api/listings/crud-coop').set(inst.auth)
    expect(read.status).toBe(200)
    // Writing back what was read (with its read-only fields) is accepted and changes nothing, not even updated/version (issue 9).
    const roundTrip = await api().patch('/api/listings/crud-coop').set(inst.auth).send(read.body)
    expect(roundTrip.status).toBe(200)
    expect(roundTrip.body.version).toBe(1)
    expect(roundTrip.body.published).toBe(read.body.published)
    expect(roundTrip.body.updated).toBe(read.body.updated)

    const patched = await api().patch('/api/listings/crud-coop').set(inst.auth).send({ name: 'Renamed', pricing: null, contact: { website: 'https://new.example' } })
    expect(patched.status).toBe(200)
    expect(patched.body.name).toBe('Renamed')
    expect(patched.body.pricing).toBeUndefined()
    expect(patched.body.contact).toEqual({ website: 'https://new.example', email: 'hola@red-tejida.example', phone: '+52 951 000 0000' })

    const list = await api().get(`/api/listings?origin=${encodeURIComponent(PUBLIC_URL)}&perPage=5`).set(inst.auth)
    expect(list.status).toBe(200)
    expect(list.body).toMatchObject({ page: 1, perPage: 5 })
    expect(list.body.items.map((i: { slug: string }) => i.slug)).toContain('crud-coop')
    const other = await api().get('/api/listings?origin=https://elsewhere.test').set(inst.auth)
    expect(other.body).toEqual({ items: [], total: 0, page: 1, perPage: 20 })

    expect((await api().delete('/api/listings/crud-coop').set(inst.auth)).status).toBe(204)
    const gone = await api().get('/api/listings/crud-coop').set(inst.auth)
    expect(gone.status).toBe(410)
    expect((await api().delete('/api/listings/crud-coop').set(inst.auth)).status).toBe(410)
    const reuse = await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'crud-coop' }))
    expect(reuse.status).toBe(409)
    expect(reuse.body.errors[0].field).toBe('slug')
  })

  test('a duplicate slug is a 409 naming the field', async () => {
    expect((await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'dupe' }))).status).toBe(201)
    const again = await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'dupe' }))
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ status: 409, errors: [{ field: 'slug' }] })
  })

  test('paging counts and bounds', async () => {
    for (let i = 0; i < 7; i++) {
      await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: `page-${i}` })).expect(201)
    }
    const first = await api().get('/api/listings?perPage=3&page=1').set(inst.auth)
    const second = await api().get('/api/listings?perPage=3&page=2').set(inst.auth)
    expect(first.body.items).toHaveLength(3)
    expect(second.body.items).toHaveLength(3)
    expect(first.body.total).toBeGreaterThanOrEqual(7)
    const overlap = first.body.items.filter((a: { id: string }) => second.body.items.some((b: { id: string }) => b.id === a.id))
    expect(overlap).toEqual([])
    const bad = await api().get('/api/listings?perPage=1000').set(inst.auth)
    expect(bad.status).toBe(400)
    expect(bad.body.errors[0].field).toBe('perPage')
    expect((await api().get('/api/listings?origin=not-a-url').set(inst.auth)).status).toBe(400)
    expect((await api().get('/api/listings?moderation=maybe').set(inst.auth)).status).toBe(400)
  })

  test('patching the slug or a missing listing is refused', async () => {
    await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'fixed-slug' })).expect(201)
    const res = await api().patch('/api/listings/fixed-slug').set(inst.auth).send({ slug: 'other' })
    expect(res.status).toBe(422)
    expect(res.body.errors[0].field).toBe('slug')
    expect((await api().patch('/api/listings/nope').set(inst.auth).send({ name: 'x' })).status).toBe(404)
  })

  test('every change raises a domain event', async () => {
    const seen: string[] = []
    const offs = [
      inst.tejido.events.on('listing.created', ({ listing }) => seen.push(`created:${listing.slug}`)),
      inst.tejido.events.on('listing.updated', ({ listing, previous }) => seen.push(`updated:${listing.slug}:${previous.version}->${listing.version}`)),
      inst.tejido.events.on('listing.deleted', ({ listing }) => seen.push(`deleted:${listing.slug}`))
    ]
    await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'evented' })).expect(201)
    await api().patch('/api/listings/evented').set(inst.auth).send({ name: 'Evented' }).expect(200)
    await api().delete('/api/listings/evented').set(inst.auth).expect(204)
    await api().patch('/api/listings/evented').set(inst.auth).send({ name: 'x' }).expect(410)
    offs.forEach((off) => off())
    expect(seen).toEqual(['created:evented', 'updated:evented:1->2', 'deleted:evented'])
  })
})
