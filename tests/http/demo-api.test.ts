/** POST/DELETE /api/demo: operator only, a bounded count, idempotent, through the service (searchable, then gone with tombstones). */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { demoListings } from '../../src/directory/demo/demo-data'
import { waitFor } from '../support/wait'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)
const searchTotal = async () => ((await api().get('/api/search?perPage=1')).body as { total: number }).total

describe('demo data API', () => {
  test('needs the operator token', async () => {
    for (const call of [api().post('/api/demo'), api().delete('/api/demo'), api().post('/api/demo').set('Authorization', 'Bearer not-the-token-at-all')]) {
      const res = await call
      expect(res.status).toBe(401)
      expect(res.type).toBe('application/problem+json')
    }
    expect(await searchTotal()).toBe(0)
  })

  test.each([[0], [1001], ['ten'], [2.5], [null]])('refuses count %p with a 400 naming the field', async (count) => {
    const res = await api().post('/api/demo').set(inst.auth).send({ count })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ field: 'count', message: 'count must be a whole number from 1 to 1000' }])
  })

  test('refuses a body that is not JSON', async () => {
    const res = await api().post('/api/demo').set(inst.auth).set('Content-Type', 'text/plain').send('count=5')
    expect(res.status).toBe(415)
  })

  test('loads demo listings idempotently, marked as examples and searchable; DELETE removes only them, in one step', async () => {
    expect((await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'real-coop' }))).status).toBe(201)
    const first = await api().post('/api/demo').set(inst.auth).send({ count: 5 })
    expect(first.status).toBe(200)
    expect(first.body).toEqual({ created: 5, existing: 0, failed: [] })
    const again = await api().post('/api/demo').set(inst.auth).send({ count: 7 })
    expect(again.body).toEqual({ created: 2, existing: 5, failed: [] })

    const slugs = demoListings(7).map((l) => l.slug)
    const one = await api().get(`/api/listings/${slugs[0]}`).set(inst.auth)
    expect(one.body).toMatchObject({ example: true, moderation: 'approved' })
    await waitFor(async () => (await searchTotal()) === 8, 'the demo listings in the search index')

    const removed = await api().delete('/api/demo').set(inst.auth)
    expect(removed.status).toBe(200)
    expect(removed.body).toEqual({ removed: 7 })
    for (const slug of slugs) expect((await api().get(`/api/listings/${slug}`).set(inst.auth)).status).toBe(410) // published, so a tombstone
    expect((await api().get('/api/listings/real-coop').set(inst.auth)).status).toBe(200)
    await waitFor(async () => (await searchTotal()) === 1, 'only the real listing left in the search index')
    const directory = await api().get('/directory?page=true').set('Accept', 'application/activity+json')
    const tombstones = (directory.body.orderedItems as Array<{ type: string }>).filter((i) => i.type === 'Tombstone')
    expect(tombstones).toHaveLength(7) // what peers walk: the Delete reaches them

    expect((await api().delete('/api/demo').set(inst.auth)).body).toEqual({ removed: 0 })
  })

  test('with no body, loads the default 320, the removed ones again under new slugs (theirs keep their tombstones)', async () => {
    const res = await api().post('/api/demo').set(inst.auth)
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ created: 320, existing: 0, failed: [] })
    const first = demoListings(1)[0]?.slug as string
    expect((await api().get(`/api/listings/${first}`).set(inst.auth)).status).toBe(410)
    expect((await api().get(`/api/listings/${first}-again-2`).set(inst.auth)).body).toMatchObject({ example: true, name: demoListings(1)[0]?.name })
    expect((await api().post('/api/demo').set(inst.auth)).body).toEqual({ created: 0, existing: 320, failed: [] })
    expect((await api().delete('/api/demo').set(inst.auth)).body).toEqual({ removed: 320 })
  }, 60000)
})
