/** A listing that was never approved leaves no public trace, before or after it is rejected. */
import request from 'supertest'
import { startInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await startInstance()
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
})
