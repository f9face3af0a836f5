/** A listing that was never approved leaves no public trace, before or after it is rejected. */
import request from 'supertest'
import { composeInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { waitFor } from '../support/wait'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import { ListingService } from '../../src/directory/listing-service'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())

const AP = 'application/activity+json'
const app = () => request(inst.tejido.app)
const HOST = new URL(PUBLIC_URL).host

async function directoryIds(): Promise<string[]> {
  const res = await app().get('/directory?page=true').set('Accept', AP).expect(200)
  return (JSON.parse(res.text) as { orderedItems: Array<{ id: string }> }).orderedItems.map((i) => i.id)
}

async function expectNoTrace(slug: string): Promise<void> {
  for (const path of [`/orgs/${slug}`, `/orgs/${slug}/outbox`, `/orgs/${slug}/following`, `/orgs/${slug}/followers`]) {
    const res = await app().get(path).set('Accept', AP)
    expect({ path, status: res.status }).toEqual({ path, status: 404 })
  }
  expect((await app().get(`/orgs/${slug}`).set('Accept', 'text/html')).status).toBe(404)
  expect((await app().get(`/.well-known/webfinger?resource=acct:${slug}@${HOST}`)).status).toBe(404)
  expect(await directoryIds()).not.toContain(`${PUBLIC_URL}/orgs/${slug}`)
  const search = (await app().get(`/api/search?q=${slug}`).expect(200)).body as { hits: Array<{ id: string }> }
  expect(search.hits.map((h) => h.id)).not.toContain(`${PUBLIC_URL}/orgs/${slug}`)
  expect((await app().get(`/profile?id=${encodeURIComponent(`${PUBLIC_URL}/orgs/${slug}`)}`)).status).toBe(404)
}

describe('never-published listings', () => {
  test('a pending application answers 404 everywhere, like an unknown slug', async () => {
    expect((await inst.tejido.listings.create(sampleListing({ slug: 'waiting' }), 'pending')).ok).toBe(true)
    await expectNoTrace('waiting')
  })

  test('rejecting it removes it without a tombstone, frees the slug and announces nothing', async () => {
    expect((await inst.tejido.listings.create(sampleListing({ slug: 'refused' }), 'pending')).ok).toBe(true)
    const deleted: string[] = []
    inst.tejido.events.on('listing.deleted', ({ listing }) => deleted.push(listing.id))
    await app().post('/api/listings/refused/reject').set(inst.auth).expect(200)
    await expectNoTrace('refused')
    const walk = await app().get('/directory?page=true').set('Accept', AP).expect(200)
    expect(walk.text).not.toContain('refused')
    // gone for the operator too (a 404, not 410), and the slug can be used again
    expect((await app().get('/api/listings/refused').set(inst.auth)).status).toBe(404)
    await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'refused' })).expect(201)
    expect(deleted).toEqual([`${PUBLIC_URL}/orgs/refused`])
  })

  test('rejecting an application queues no delivery to followers and removes its editor account; approving one does federate', async () => {
    const peer = await inst.tejido.federation.peers.upsert({ origin: 'https://peer.example', actorId: 'https://peer.example/actor', inbox: 'https://peer.example/inbox' })
    await inst.tejido.federation.peers.update(peer.id, { inbound: { state: 'approved', since: new Date() } })
    const enqueued: string[] = []
    const enqueue = jest.spyOn(inst.tejido.federation.queue, 'enqueue').mockImplementation(async (_signer, activity) => {
      enqueued.push(`${String(activity.type)} ${JSON.stringify(activity.object).slice(0, 200)}`)
      return 0
    })
    try {
      const accounts = new EditorAccountStore(inst.tejido.store.db)
      const applied = await inst.tejido.listings.create(sampleListing({ slug: 'applicant' }), 'pending') // what POST /join does
      expect(applied.ok && (await accounts.create('applicant@example.org', 'a-long-password', applied.value.id))).toBe(true)
      await app().post('/api/listings/applicant/reject').set(inst.auth).expect(200)
      await inst.tejido.bridge.idle()
      await expectNoTrace('applicant')
      expect(await accounts.listingOf('applicant@example.org')).toBeNull()
      expect(enqueued).toEqual([])

      await inst.tejido.listings.create(sampleListing({ slug: 'accepted' }), 'pending')
      await app().post('/api/listings/accepted/approve').set(inst.auth).expect(200)
      await waitFor(() => enqueued.length > 0, 'the approval to be queued for the follower')
      expect(enqueued[0]).toMatch(/^Create .*orgs\/accepted/)
    } finally {
      enqueue.mockRestore()
    }
  })

  test('NodeInfo counts published listings only', async () => {
    const count = async () => ((await app().get('/nodeinfo/2.1').expect(200)).body as { usage: { users: { total: number } } }).usage.users.total
    const before = await count()
    await inst.tejido.listings.create(sampleListing({ slug: 'not-counted' }), 'pending')
    expect(await count()).toBe(before)
  })

  test('deleting a pending listing leaves no tombstone either; a published one still does', async () => {
    expect((await inst.tejido.listings.create(sampleListing({ slug: 'withdrawn' }), 'pending')).ok).toBe(true)
    await app().delete('/api/listings/withdrawn').set(inst.auth).expect(204)
    expect((await app().get('/api/listings/withdrawn').set(inst.auth)).status).toBe(404)
    expect(await directoryIds()).not.toContain(`${PUBLIC_URL}/orgs/withdrawn`)

    await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'was-public' })).expect(201)
    await app().delete('/api/listings/was-public').set(inst.auth).expect(204)
    expect((await app().get('/orgs/was-public').set('Accept', AP)).status).toBe(410)
    expect(await directoryIds()).toContain(`${PUBLIC_URL}/orgs/was-public`)
  })

  test('a listing approved while it is being deleted is deleted as a published one (tombstone)', async () => {
    await inst.tejido.listings.create(sampleListing({ slug: 'racing' }), 'pending')
    const store = new DocumentListingStore(inst.tejido.store.db)
    const stale = await store.bySlug(PUBLIC_URL, 'racing')
    await app().post('/api/listings/racing/approve').set(inst.auth).expect(200)
    // The deleting service read the listing before the approval landed.
    store.bySlug = async () => stale
    const service = new ListingService({ store, events: inst.tejido.events, origin: PUBLIC_URL })
    expect((await service.delete('racing')).ok).toBe(true)
    expect(await store.tombstone(`${PUBLIC_URL}/orgs/racing`)).toMatchObject({ slug: 'racing' })
    expect((await app().get('/orgs/racing').set('Accept', AP)).status).toBe(410)
  })
})
