/**
 * Lost updates (issue 9, point 4): GET sends the listing's version as a
 * strong ETag, PATCH and DELETE honour If-Match (412 when stale, `*` for any
 * existing listing, no header as before), and the check is atomic with the
 * write: two concurrent PATCHes with the same If-Match give one 200 and one 412.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)
const create = (slug: string) => api().post('/api/listings').set(inst.auth).send(sampleListing({ slug })).expect(201)
const stored = async (slug: string) => (await api().get(`/api/listings/${slug}`).set(inst.auth).expect(200)).body as { name: string; version: number }

describe('ETag and If-Match on /api/listings/SLUG', () => {
  test('GET, POST and PATCH carry the version as a strong ETag; If-None-Match gives 304', async () => {
    const created = await create('etag-coop')
    expect(created.headers.etag).toBe('"v1"')
    const read = await api().get('/api/listings/etag-coop').set(inst.auth)
    expect(read.headers.etag).toBe('"v1"')
    const patched = await api().patch('/api/listings/etag-coop').set(inst.auth).set('If-Match', '"v1"').send({ name: 'Tagged' })
    expect(patched.status).toBe(200)
    expect(patched.headers.etag).toBe('"v2"')
    expect(patched.body.version).toBe(2)
    expect((await api().get('/api/listings/etag-coop').set(inst.auth).set('If-None-Match', '"v2"')).status).toBe(304)
  })

  test('a stale If-Match is refused with 412 problem+json and nothing is written', async () => {
    await create('stale-coop')
    await api().patch('/api/listings/stale-coop').set(inst.auth).send({ name: 'Second' }).expect(200)
    const res = await api().patch('/api/listings/stale-coop').set(inst.auth).set('If-Match', '"v1"').send({ name: 'Lost update' })
    expect(res.status).toBe(412)
    expect(res.type).toBe('application/problem+json')
    expect(res.body).toMatchObject({ status: 412, title: 'Precondition Failed' })
    expect(res.body.detail).toContain('"v2"')
    expect(res.headers.etag).toBe('"v2"')
    expect(await stored('stale-coop')).toMatchObject({ name: 'Second', version: 2 })
    // a list naming the current version matches; weak tags never do (strong comparison)
    expect((await api().patch('/api/listings/stale-coop').set(inst.auth).set('If-Match', 'W/"v2"').send({ name: 'Weak' })).status).toBe(412)
    expect((await api().patch('/api/listings/stale-coop').set(inst.auth).set('If-Match', '"v1", "v2"').send({ name: 'Third' })).status).toBe(200)
    expect(await stored('stale-coop')).toMatchObject({ name: 'Third', version: 3 })
  })

  test('* matches any existing listing; no If-Match keeps the unconditional write', async () => {
    await create('star-coop')
    expect((await api().patch('/api/listings/star-coop').set(inst.auth).set('If-Match', '*').send({ name: 'Star' })).status).toBe(200)
    expect((await api().patch('/api/listings/star-coop').set(inst.auth).send({ name: 'No header' })).status).toBe(200)
    expect((await api().patch('/api/listings/no-such-coop').set(inst.auth).set('If-Match', '*').send({ name: 'x' })).status).toBe(404)
    expect(await stored('star-coop')).toMatchObject({ name: 'No header', version: 3 })
  })

  test('a malformed If-Match is a 400 naming the expected form', async () => {
    await create('bad-tag-coop')
    const res = await api().patch('/api/listings/bad-tag-coop').set(inst.auth).set('If-Match', 'v1').send({ name: 'x' })
    expect(res.status).toBe(400)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.detail).toContain('If-Match')
    expect(await stored('bad-tag-coop')).toMatchObject({ version: 1 })
  })

  test('two concurrent PATCHes with the same If-Match: one 200, one 412, and the 200 is what is stored', async () => {
    await create('race-coop')
    const statuses = await Promise.all(['A', 'B'].map(async (who) => {
      const res = await api().patch('/api/listings/race-coop').set(inst.auth).set('If-Match', '"v1"').send({ name: `Writer ${who}` })
      return { who, status: res.status }
    }))
    expect(statuses.map((s) => s.status).sort()).toEqual([200, 412])
    const winner = statuses.find((s) => s.status === 200)?.who
    expect(await stored('race-coop')).toMatchObject({ name: `Writer ${winner}`, version: 2 })
  })

  test('DELETE honours If-Match: stale is 412 and the listing stays; current deletes it', async () => {
    await create('delete-coop')
    await api().patch('/api/listings/delete-coop').set(inst.auth).send({ name: 'Changed' }).expect(200)
    const refused = await api().delete('/api/listings/delete-coop').set(inst.auth).set('If-Match', '"v1"')
    expect(refused.status).toBe(412)
    expect(refused.type).toBe('application/problem+json')
    expect(await stored('delete-coop')).toMatchObject({ version: 2 })
    expect((await api().delete('/api/listings/delete-coop').set(inst.auth).set('If-Match', '"v2"')).status).toBe(204)
    expect((await api().get('/api/listings/delete-coop').set(inst.auth)).status).toBe(410)
  })
})
