/**
 * Bodies of the wrong type (issue 9, point 6): PATCH and POST with a body
 * that is not JSON get 415 naming the accepted types, not a 200 that drops
 * the change (or a "slug is required"); a patch that changes nothing changes
 * neither version nor updated and raises no event, so nothing goes to peers.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { waitFor } from '../support/wait'
import type { DirectoryEventName } from '../../src/directory/events'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
  await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'typed-body' })).expect(201)
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)
const stored = async () => (await api().get('/api/listings/typed-body').set(inst.auth).expect(200)).body as Record<string, unknown>

/**
 * Every domain event raised while `work` runs, and every delivery queued
 * (once `deliveriesExpected` have been, when it is given). Outbound
 * federation only ever reacts to these events: no event, nothing sent.
 */
async function recorded(work: () => Promise<unknown>, deliveriesExpected = 0): Promise<{ events: string[]; deliveries: number }> {
  const events: string[] = []
  const names: DirectoryEventName[] = ['listing.created', 'listing.updated', 'listing.deleted']
  const offs = names.map((name) => inst.tejido.events.on(name, () => events.push(name)))
  // A peer follows this instance, so any Create/Update would be queued for it.
  const inboxes = jest.spyOn(inst.tejido.federation.peers, 'followerInboxes').mockResolvedValue(['https://peer.test/actor/inbox'])
  const enqueue = jest.spyOn(inst.tejido.federation.queue, 'enqueue').mockResolvedValue(1)
  try {
    await work()
    if (deliveriesExpected) await waitFor(() => enqueue.mock.calls.length >= deliveriesExpected, 'the Update to be queued')
    return { events, deliveries: enqueue.mock.calls.length }
  } finally {
    offs.forEach((off) => off())
    inboxes.mockRestore()
    enqueue.mockRestore()
  }
}

const WRONG_BODIES: Array<[string, string, string]> = [
  ['text/plain', 'text/plain', '{"name":"Plain text"}'],
  ['JSON Patch', 'application/json-patch+json', '[{"op":"replace","path":"/name","value":"JSON Patch"}]'],
  ['a form body', 'application/x-www-form-urlencoded', 'name=Form+body']
]

describe('PATCH /api/listings/SLUG with a body that is not JSON', () => {
  test.each(WRONG_BODIES)('%s gets 415 naming the accepted types; nothing changes, nothing is sent', async (_label, type, body) => {
    const before = await stored()
    const { events, deliveries } = await recorded(async () => {
      const res = await api().patch('/api/listings/typed-body').set(inst.auth).set('Content-Type', type).send(body)
      expect(res.status).toBe(415)
      expect(res.type).toBe('application/problem+json')
      expect(res.body.status).toBe(415)
      expect(res.body.detail).toContain('application/merge-patch+json')
      expect(res.body.detail).toContain('application/json')
      expect(res.headers['accept-patch']).toBe('application/merge-patch+json, application/json')
    })
    expect(events).toEqual([])
    expect(deliveries).toBe(0)
    expect(await stored()).toEqual(before)
  })

  test('a body without Content-Type is 415; no body at all is 400', async () => {
    const before = await stored()
    const untyped = await api().patch('/api/listings/typed-body').set(inst.auth).set('Content-Type', '').send(Buffer.from('{"name":"x"}'))
    expect(untyped.status).toBe(415)
    const empty = await api().patch('/api/listings/typed-body').set(inst.auth)
    expect(empty.status).toBe(400)
    expect(empty.type).toBe('application/problem+json')
    expect(await stored()).toEqual(before)
  })

  test('merge-patch+json and application/json are both applied', async () => {
    const merged = await api().patch('/api/listings/typed-body').set(inst.auth).set('Content-Type', 'application/merge-patch+json').send('{"pricing":"Pay what you can"}')
    expect(merged.status).toBe(200)
    expect(merged.body.pricing).toBe('Pay what you can')
    const plain = await api().patch('/api/listings/typed-body').set(inst.auth).set('Content-Type', 'application/json; charset=utf-8').send('{"pricing":"Sliding scale"}')
    expect(plain.status).toBe(200)
    expect(plain.body.pricing).toBe('Sliding scale')
  })
})

describe('a patch that changes nothing', () => {
  test.each([
    ['an empty object', () => ({})],
    ['a field set to its current value', () => ({ name: 'Red Tejida', services: ['web-hosting', 'encrypted-email'] })],
    ['removing a field that is not there', () => ({ icon: null })]
  ])('%s keeps version and updated, raises no event, sends nothing', async (_label, patch) => {
    const before = await stored()
    const { events, deliveries } = await recorded(async () => {
      const res = await api().patch('/api/listings/typed-body').set(inst.auth).send(patch())
      expect(res.status).toBe(200)
      expect(res.body.version).toBe(before.version)
      expect(res.headers.etag).toBe(`"v${String(before.version)}"`)
    })
    expect(events).toEqual([])
    expect(deliveries).toBe(0)
    expect(await stored()).toEqual(before)
  })

  test('a real change still raises its event and queues the Update for the following peer', async () => {
    const { events, deliveries } = await recorded(async () => {
      await api().patch('/api/listings/typed-body').set(inst.auth).send({ pricing: 'Free for unions' }).expect(200)
    }, 1)
    expect(events).toEqual(['listing.updated'])
    expect(deliveries).toBeGreaterThan(0)
  })
})

describe('POST /api/listings with a body that is not JSON', () => {
  test.each(WRONG_BODIES)('%s gets 415, not "slug is required"', async (_label, type, body) => {
    const res = await api().post('/api/listings').set(inst.auth).set('Content-Type', type).send(body)
    expect(res.status).toBe(415)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.detail).toContain('application/json')
    expect(res.headers['accept-post']).toBe('application/merge-patch+json, application/json')
  })

  test('no body is 400, not a validation error', async () => {
    const res = await api().post('/api/listings').set(inst.auth)
    expect(res.status).toBe(400)
    expect(res.body.title).toBe('Missing body')
  })
})
