/**
 * Registration with a Murmurations index (issue 13, Build 3): against a
 * local index that follows the index API (tests/support/murmurations-index),
 * an approved listing is posted by its profile_url, a change posts it
 * again, a delete removes the node once the profile answers 410; the
 * status is kept per listing and shown to the operator. Retries on 429
 * (after its Retry-After) and 503 run on the delivery queue under a clock
 * the test moves; another 4xx is final and kept as the last error.
 */
import type { Server } from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import request from 'supertest'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { startFakeIndex, type FakeIndex } from '../support/murmurations-index'
import { freePort } from '../support/process'
import { waitFor } from '../support/wait'
import { nodeId } from '../../src/exchange/murmurations-index/node-id'
import { NodeStatusStore } from '../../src/exchange/murmurations-index/node-status'
import { IndexRegistration, profileUrlOf, STILL_EXISTS_TRIES, STILL_EXISTS_WAIT_MS } from '../../src/exchange/murmurations-index/registration'
import { DeliveryQueue } from '../../src/federation/delivery/queue'
import { parseAllowList } from '../../src/federation/net/address-policy'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { murmurationsProfile } from '../../src/exchange/murmurations-profile'
import { MemoryListingStore } from '../support/memory-listing-store'
import type { Listing } from '../../src/directory/listing'

describe('an instance with MURMURATIONS_INDEX_URL', () => {
  let index: FakeIndex
  let inst: TestInstance
  let server: Server
  let base: string
  const api = () => request(inst.tejido.app)
  const node = (slug: string) => index.nodes.get(nodeId(profileUrlOf(base, slug)))

  beforeAll(async () => {
    index = await startFakeIndex()
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    inst = await composeInstance({ PUBLIC_URL: base, ALLOW_PRIVATE_ADDRESSES: '127.0.0.1', MURMURATIONS_INDEX_URL: `${index.url}/v2/` })
    // the index fetches each profile from this instance, over HTTP, as the real one does
    server = inst.tejido.app.listen(port, '127.0.0.1')
  })
  afterAll(async () => {
    server.closeAllConnections()
    server.close()
    await inst.close()
    await index.close()
  })

  test('registers an approved listing, posts it again when it changes, and removes it once deleted', async () => {
    await api().post('/api/listings').set(inst.auth).send(sampleListing()).expect(201)
    const posted = await waitFor(() => node('red-tejida')?.status === 'posted' && node('red-tejida'), 'the node posted')
    expect(posted.profile_url).toBe(`${base}/murmurations/red-tejida.json`)
    expect(posted.name).toBe('Red Tejida')
    expect(index.calls).toContain('POST /v2/nodes-sync')
    const first = posted.last_updated

    index.clock.now += 60
    await api().patch('/api/listings/red-tejida').set(inst.auth).send({ name: 'Red Tejida Nueva' }).expect(200)
    const changed = await waitFor(() => node('red-tejida')?.name === 'Red Tejida Nueva' && node('red-tejida'), 'the changed profile posted')
    expect(changed.last_updated).toBe(first + 60)

    await api().delete('/api/listings/red-tejida').set(inst.auth).expect(204)
    await waitFor(() => node('red-tejida')?.status === 'deleted', 'the node deleted')
    expect(index.calls).toContain(`DELETE /v2/nodes/${nodeId(`${base}/murmurations/red-tejida.json`)}`)
  })

  test('a pending listing is not registered; approving it is', async () => {
    await inst.tejido.listings.create(sampleListing({ slug: 'en-espera', contact: { website: 'https://en-espera.example' } }), 'pending')
    await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'marcador' })).expect(201)
    await waitFor(() => node('marcador')?.status === 'posted', 'a later listing posted')
    expect(node('en-espera')).toBeUndefined()
    await api().post('/api/listings/en-espera/approve').set(inst.auth).expect(200)
    await waitFor(() => node('en-espera')?.status === 'posted', 'the approved listing posted')
  })

  test('the operator sees each listing\'s node status', async () => {
    const op = request.agent(inst.tejido.app)
    const signIn = await op.get('/operators').expect(200)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] ?? ''
    await op.post('/operators/sign-in').type('form').send({ _csrf: csrf, token: ADMIN_TOKEN }).expect(303)
    const page = await waitFor(async () => {
      const res = await op.get('/operators/murmurations').expect(200)
      return res.text.includes('data-slug="red-tejida" data-status="deleted"') && res.text
    }, 'the status on the page')
    expect(page).toContain('<a href="/operators/murmurations">Murmurations</a>')
    expect(page).toContain(`<dd>${index.url}</dd>`)
    expect(page).toMatch(/data-slug="marcador" data-status="posted"><td>Red Tejida<br>.*<\/td>\n<td>Posted<\/td><td>—<\/td>/)
    const es = await op.get('/operators/murmurations').set('Accept-Language', 'es').expect(200)
    expect(es.text).toContain('<td>Publicado</td>')
  })
})

describe('registration jobs on the delivery queue', () => {
  let dir: string
  let client: EmbeddedClient
  let index: FakeIndex
  let queue: DeliveryQueue
  let nodes: NodeStatusStore
  let clock: Date
  const listing = { id: 'https://tejido.test/orgs/red-tejida', slug: 'red-tejida', name: 'Red Tejida', kind: 'worker-coop', origin: 'https://tejido.test', moderation: 'approved', published: new Date(0), updated: new Date(0), version: 1, provenance: { origin: 'https://tejido.test', via: 'local', firstSeen: new Date(0), lastVerified: new Date(0) } } as Listing
  const jobs = () => client.db().collection('deliveries').find({}).toArray()
  let served: Record<string, unknown>
  /** Whether this instance answers 410 for the profile (a cache in between may not yet). */
  let profileGone: boolean
  let store: MemoryListingStore
  let registration: IndexRegistration

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-murm-'))
    client = await new EmbeddedClient(dir).connect()
    // the profile as this instance serves it, without a server in between
    served = { ...murmurationsProfile(listing) }
    profileGone = false
    index = await startFakeIndex({ fetchProfile: async () => (profileGone ? { status: 410, text: '{}', redirected: false } : { status: 200, text: JSON.stringify(served), redirected: false }) })
    clock = new Date('2026-12-04T12:00:00Z')
    const policy = { allow: parseAllowList(['127.0.0.1']), timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 0, userAgent: 'test' }
    queue = new DeliveryQueue({ db: client.db(), policy, signerFor: async () => () => ({}), logger: pino({ level: 'silent' }), now: () => clock })
    await queue.init()
    nodes = new NodeStatusStore(client.db())
    await nodes.init()
    store = new MemoryListingStore()
    await store.insert(listing)
    registration = new IndexRegistration({ indexUrl: index.url, publicUrl: 'https://tejido.test', queue, store, nodes, policy, logger: pino({ level: 'silent' }), now: () => clock })
    registration.enqueue(listing).catch(() => undefined)
  })
  afterEach(async () => {
    await queue.stop()
    await index.close()
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('429 waits for its Retry-After, 503 backs off, then the node is posted', async () => {
    index.failNext('/v2/nodes-sync', { status: 429, retryAfter: '120' }, { status: 503 })
    await waitFor(async () => (await jobs()).length === 1, 'the job queued')
    // the queue has put the job back (attempts counted, lease released): only then may the clock move
    const putBack = (attempts: number) => waitFor(async () => { const [job] = await jobs(); return job?.attempts === attempts && job.leaseUntil.getTime() === 0 ? job : null }, `the job put back after ${attempts} tries`)
    queue.start()
    const throttled = await putBack(1)
    expect((await nodes.byListing(listing.id))?.lastError).toBe('HTTP 429: Too Many Requests: try again later')
    // not before the index said: two minutes, though the backoff's first retry is one second
    expect(throttled.nextAttempt.getTime() - clock.getTime()).toBe(120000)
    clock = new Date(clock.getTime() + 60000)
    queue.wake(true)
    expect(index.calls.filter((c) => c === 'POST /v2/nodes-sync')).toHaveLength(1)
    clock = new Date(clock.getTime() + 61000)
    queue.wake(true)
    await putBack(2)
    expect((await nodes.byListing(listing.id))?.lastError).toBe('HTTP 503: Service Unavailable: try again later')
    clock = new Date(clock.getTime() + 5000)
    queue.wake(true)
    const done = await waitFor(async () => { const n = await nodes.byListing(listing.id); return n?.status === 'posted' && n }, 'posted')
    expect(done.lastError).toBeUndefined()
    expect(index.calls.filter((c) => c === 'POST /v2/nodes-sync')).toHaveLength(3)
    await waitFor(async () => (await jobs()).length === 0, 'the job done')
  })

  test('a 4xx other than 429 is final: no retry, the error kept', async () => {
    index.failNext('/v2/nodes-sync', { status: 403 })
    queue.start()
    const refused = await waitFor(async () => { const n = await nodes.byListing(listing.id); return n?.lastError ? n : null }, 'the refusal kept')
    expect(refused.lastError).toBe('HTTP 403: Refused: try again later')
    await waitFor(async () => (await jobs()).length === 0, 'the job dropped')
    clock = new Date(clock.getTime() + 3600000)
    queue.wake(true)
    expect(index.calls.filter((c) => c === 'POST /v2/nodes-sync')).toHaveLength(1)
  })

  test('a profile the index refuses is validation_failed, with the index\'s words, and not sent again', async () => {
    served = { ...served, geolocation: { lat: 95, lon: 0 } }
    queue.start()
    const refused = await waitFor(async () => { const n = await nodes.byListing(listing.id); return n?.status === 'validation_failed' ? n : null }, 'the refusal kept')
    expect(refused.lastError).toMatch(/^HTTP 400: Invalid Value: must be <= 90/)
    await waitFor(async () => (await jobs()).length === 0, 'the job dropped')
    expect(index.calls.filter((c) => c === 'POST /v2/nodes-sync')).toHaveLength(1)
  })

  /** Posts the listing, then deletes it here while a cache still serves its profile. */
  async function deletedButCached(): Promise<void> {
    queue.start()
    await waitFor(async () => (await nodes.byListing(listing.id))?.status === 'posted', 'posted')
    await waitFor(async () => (await jobs()).length === 0, 'the post done')
    await store.remove(listing.id, clock)
    await registration.enqueue(listing)
  }
  const putBack = (attempts: number) => waitFor(async () => { const [job] = await jobs(); return job?.attempts === attempts && job.leaseUntil.getTime() === 0 ? job : null }, `the job put back after ${attempts} tries`)

  test('"Profile Still Exists" on a DELETE (a cache still serving the profile) is tried again, and the node goes once the 410 shows', async () => {
    await deletedButCached()
    const waiting = await putBack(1)
    expect((await nodes.byListing(listing.id))?.lastError).toMatch(/^HTTP 400: Profile Still Exists: /)
    expect(waiting.nextAttempt.getTime() - clock.getTime()).toBe(STILL_EXISTS_WAIT_MS)
    profileGone = true
    clock = new Date(clock.getTime() + STILL_EXISTS_WAIT_MS + 1000)
    queue.wake(true)
    const done = await waitFor(async () => { const n = await nodes.byListing(listing.id); return n?.status === 'deleted' && n }, 'the node deleted')
    expect(done.lastError).toBeUndefined()
    expect(index.nodes.get(nodeId(profileUrlOf('https://tejido.test', 'red-tejida')))?.status).toBe('deleted')
    await waitFor(async () => (await jobs()).length === 0, 'the job done')
  })

  test('a profile that never stops answering 200 makes the refusal final after STILL_EXISTS_TRIES tries', async () => {
    await deletedButCached()
    const deletes = () => index.calls.filter((c) => c.startsWith('DELETE ')).length
    for (let tries = 1; tries < STILL_EXISTS_TRIES; tries++) {
      await putBack(tries)
      clock = new Date(clock.getTime() + 10 * 60 * 1000) // past these tries' backoff (at most about 5 min)
      queue.wake(true)
    }
    await waitFor(async () => (await jobs()).length === 0, 'the job dropped')
    expect(deletes()).toBe(STILL_EXISTS_TRIES)
    expect((await nodes.byListing(listing.id))?.lastError).toMatch(/^HTTP 400: Profile Still Exists: /)
  })
})
