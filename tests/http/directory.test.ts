import request from 'supertest'
import { composeInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())

const AP = 'application/activity+json'
const app = () => request(inst.tejido.app)

type Item = { id: string; type: string; deleted?: string; updated?: string }

async function walk(firstUrl: string): Promise<Item[]> {
  const items: Item[] = []
  let next: string | undefined = firstUrl
  while (next) {
    const url: URL = new URL(next)
    const res = await app().get(`${url.pathname}${url.search}`).set('Accept', AP)
    expect(res.status).toBe(200)
    const page = JSON.parse(res.text) as { type: string; orderedItems: Item[]; next?: string }
    expect(page.type).toBe('OrderedCollectionPage')
    items.push(...page.orderedItems)
    next = page.next
  }
  return items
}

describe('/directory', () => {
  test('walks every published listing once, newest change first, with tombstones', async () => {
    for (let i = 0; i < 120; i++) {
      await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: `dir-${i}`, location: [] })).expect(201)
    }
    await app().delete('/api/listings/dir-3').set(inst.auth).expect(204)
    await app().delete('/api/listings/dir-77').set(inst.auth).expect(204)
    await inst.tejido.listings.setModeration('dir-5', 'rejected')
    await inst.tejido.listings.create(sampleListing({ slug: 'dir-pending' }), 'pending')
    await app().patch('/api/listings/dir-0').set(inst.auth).send({ name: 'Changed last' }).expect(200)

    const collection = JSON.parse((await app().get('/directory').set('Accept', AP)).text)
    expect(collection).toMatchObject({ id: `${PUBLIC_URL}/directory`, type: 'OrderedCollection', totalItems: 119 })
    const items = await walk(collection.first)
    const ids = items.map((i) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(items).toHaveLength(120) // 117 published + 2 deleted + 1 rejected
    expect(items[0]).toMatchObject({ id: `${PUBLIC_URL}/orgs/dir-0`, type: 'Organization', name: 'Changed last' })
    expect(items.filter((i) => i.type === 'Tombstone').map((i) => i.id).sort()).toEqual([3, 5, 77].map((n) => `${PUBLIC_URL}/orgs/dir-${n}`).sort())
    expect(ids).not.toContain(`${PUBLIC_URL}/orgs/dir-pending`)
    const times = items.map((i) => Date.parse(i.type === 'Tombstone' ? (i.deleted as string) : (i.updated as string)))
    expect(times).toEqual([...times].sort((a, b) => b - a))
  })

  test('since keeps only later changes', async () => {
    const mark = new Date()
    await app().patch('/api/listings/dir-10').set(inst.auth).send({ pricing: 'Free for unions' }).expect(200)
    await app().delete('/api/listings/dir-11').set(inst.auth).expect(204)
    const first = JSON.parse((await app().get(`/directory?since=${encodeURIComponent(mark.toISOString())}`).set('Accept', AP)).text).first
    const items = await walk(first)
    expect(items.map((i) => `${i.type}:${i.id}`)).toEqual([`Tombstone:${PUBLIC_URL}/orgs/dir-11`, `Organization:${PUBLIC_URL}/orgs/dir-10`])
  })

  test.each([['since=yesterday', 'since'], ['page=true&before=garbage', 'before']])('bad parameter %s is a 400 naming %s', async (query, field) => {
    const res = await app().get(`/directory?${query}`)
    expect(res.status).toBe(400)
    expect(res.body.errors[0].field).toBe(field)
  })
})
