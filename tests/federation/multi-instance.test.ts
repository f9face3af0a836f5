/**
 * Federation between real instances: separate processes on loopback ports,
 * real HTTP, real signatures.
 */
import { spawnInstance, stopInstance, restartInstance, removeInstance, follow, waitMirrors, mirrorCount, drained, listing, peerOf, type Instance } from './harness'
import { fakePeer, type FakePeer } from './fake-peer'
import { waitFor } from '../support/wait'

jest.setTimeout(240000)

type ListingJson = { id: string; slug: string; name: string; version: number; pricing?: string; origin: string; provenance: { origin: string; via: string } }

async function allListings(inst: Instance, origin: string): Promise<ListingJson[]> {
  const out: ListingJson[] = []
  for (let page = 1; ; page++) {
    const { body } = await inst.api<{ items: ListingJson[] }>('GET', `/api/listings?origin=${encodeURIComponent(origin)}&perPage=100&page=${page}`)
    out.push(...body.items)
    if (body.items.length < 100) return out
  }
}

/** Runs `n` API calls with a few in flight at once. */
async function inParallel(n: number, task: (i: number) => Promise<unknown>, width = 8): Promise<void> {
  let next = 0
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await task(next++)
  }))
}

describe('two instances', () => {
  let a: Instance
  let b: Instance
  beforeAll(async () => {
    ;[a, b] = await Promise.all([spawnInstance('A', { REPAIR_INTERVAL: '3s' }), spawnInstance('B')])
  })
  afterAll(async () => {
    await Promise.all([a && removeInstance(a), b && removeInstance(b)])
  })

  test('A follows B, B approves: B\'s 1,000 listings are backfilled on A; creates, updates and deletes follow', async () => {
    await inParallel(1000, async (i) => {
      const res = await b.api('POST', '/api/listings', listing(`b-${i}`))
      if (res.status !== 201) throw new Error(`create ${i}: ${res.status}`)
    })
    await follow(a, b)
    await waitMirrors(a, b.url, 1000)
    const mirrors = await allListings(a, b.url)
    expect(new Set(mirrors.map((m) => m.id)).size).toBe(1000)
    expect(mirrors[0]).toMatchObject({ origin: b.url, provenance: { origin: b.url, via: 'backfill' } })

    await b.api('POST', '/api/listings', listing('b-fresh'))
    await b.api('PATCH', '/api/listings/b-7', { name: 'Renamed on B' })
    await b.api('DELETE', '/api/listings/b-8')
    await waitFor(async () => {
      const byId = new Map((await allListings(a, b.url)).map((m) => [m.slug, m]))
      return byId.has('b-fresh') && byId.get('b-7')?.name === 'Renamed on B' && !byId.has('b-8') && byId.size === 1000
    }, 'the create, update and delete to reach A')
    const fresh = (await allListings(a, b.url)).find((m) => m.slug === 'b-fresh')
    expect(fresh?.provenance.via).toBe('delivery')
  })

  test('B changes 1,000 times while A is down; A restarts and converges', async () => {
    await stopInstance(a, 'SIGKILL')
    await inParallel(1000, async (i) => {
      const slot = i % 4
      if (slot === 0) await b.api('POST', '/api/listings', listing(`b-down-${i}`))
      else if (slot === 1) await b.api('PATCH', `/api/listings/b-${i}`, { name: `Changed while A was down ${i}`, pricing: 'Sliding scale' })
      else if (slot === 2) await b.api('DELETE', `/api/listings/b-${i}`)
      else await b.api('PATCH', `/api/listings/b-${i}`, { tags: ['changed'] })
    })
    await waitFor(async () => ((await peerOf(b, a.url))?.deliveries.queued ?? 0) > 0, 'B to hold deliveries for A')
    await restartInstance(a)
    const expected = await allListings(b, b.url)
    await waitFor(async () => {
      const mirrored = new Map((await allListings(a, b.url)).map((m) => [m.id, m]))
      return mirrored.size === expected.length && expected.every((l) => mirrored.get(l.id)?.name === l.name && mirrored.get(l.id)?.pricing === l.pricing)
    }, 'A to converge with B', 180000, 250)
    await drained(b, 180000)
  })
})

describe('three instances A→B→C', () => {
  let a: Instance
  let b: Instance
  let c: Instance
  beforeAll(async () => {
    ;[a, b, c] = await Promise.all([spawnInstance('A'), spawnInstance('B'), spawnInstance('C')])
  })
  afterAll(async () => {
    await Promise.all([a, b, c].map((i) => i && removeInstance(i)))
  })

  test('each mirrors exactly what it follows: no duplicates, no loops', async () => {
    for (let i = 0; i < 5; i++) await b.api('POST', '/api/listings', listing(`b${i}`))
    for (let i = 0; i < 7; i++) await c.api('POST', '/api/listings', listing(`c${i}`))
    await follow(a, b)
    await follow(b, c)
    await waitMirrors(a, b.url, 5)
    await waitMirrors(b, c.url, 7)
    await c.api('POST', '/api/listings', listing('c-late'))
    await b.api('POST', '/api/listings', listing('b-late'))
    await waitMirrors(b, c.url, 8)
    await waitMirrors(a, b.url, 6)
    await Promise.all([drained(a), drained(b), drained(c)])
    expect(await mirrorCount(a, c.url)).toBe(0) // A follows only B; B does not re-announce C's listings
    expect(await mirrorCount(c, b.url)).toBe(0)
    expect(await mirrorCount(c, a.url)).toBe(0)
    const onA = await a.api<{ total: number }>('GET', '/api/listings?perPage=1')
    expect(onA.body.total).toBe(6)
  })
})

describe('forged activities from a peer', () => {
  let a: Instance
  let b: Instance
  let x: FakePeer
  beforeAll(async () => {
    ;[a, b] = await Promise.all([spawnInstance('A'), spawnInstance('B')])
    x = await fakePeer()
    await b.api('POST', '/api/listings', listing('victim', { pricing: 'Original' }))
    await follow(a, b)
    await waitMirrors(a, b.url, 1)
    // A follows X too; X accepts, so X is a trusted peer — for its own origin only.
    await a.api('POST', '/api/peers', { url: x.actorId })
    const followOfX = await waitFor(() => x.received.find((act) => act.type === 'Follow'), 'A\'s follow to reach X')
    const accept = await x.send(`${a.url}/actor/inbox`, { id: `${x.url}/accept/1`, type: 'Accept', actor: x.actorId, object: followOfX })
    expect(accept.status).toBe(202)
    await waitFor(async () => (await peerOf(a, x.url))?.outbound.state === 'accepted', 'A to follow X')
  })
  afterAll(async () => {
    x?.close()
    await Promise.all([a, b].map((i) => i && removeInstance(i)))
  })

  const victimId = () => `${b.url}/orgs/victim`
  async function snapshot(): Promise<string> {
    return JSON.stringify(await allListings(a, b.url)) + JSON.stringify(await allListings(a, x.url))
  }

  test.each([
    ['an Update of B\'s listing signed by X', () => ({ type: 'Update', object: { id: victimId(), type: 'Organization', preferredUsername: 'victim', name: 'Hijacked', kind: 'other', updated: new Date(Date.now() + 60000).toISOString() } })],
    ['a Delete of B\'s listing signed by X', () => ({ type: 'Delete', object: victimId() })],
    ['a Create embedding an object of B\'s origin', () => ({ type: 'Create', object: { id: victimId(), type: 'Organization', preferredUsername: 'victim', name: 'Forged copy', kind: 'other' } })]
  ])('refuses %s and changes nothing', async (_label, make) => {
    const before = await snapshot()
    const res = await x.send(`${a.url}/actor/inbox`, { id: `${x.url}/activities/${Math.random()}`, actor: x.actorId, ...make() })
    expect(res.status).toBe(403)
    expect(await snapshot()).toEqual(before)
    expect((await allListings(a, b.url))[0]).toMatchObject({ id: victimId(), pricing: 'Original' })
  })

  test('X may announce its own listings', async () => {
    const res = await x.send(`${a.url}/actor/inbox`, {
      id: `${x.url}/activities/own`, type: 'Create', actor: x.actorId,
      object: { id: `${x.url}/orgs/x-coop`, type: 'Organization', preferredUsername: 'x-coop', name: 'X Co-op', kind: 'collective', updated: new Date().toISOString() }
    })
    expect(res.status).toBe(202)
    expect(await mirrorCount(a, x.url)).toBe(1)
  })

  test('an unsigned POST to a real instance is refused', async () => {
    const res = await fetch(`${a.url}/actor/inbox`, { method: 'POST', headers: { 'content-type': 'application/activity+json' }, body: JSON.stringify({ id: `${x.url}/a/1`, type: 'Delete', actor: x.actorId, object: `${x.url}/orgs/x-coop` }) })
    expect(res.status).toBe(401)
    expect(await mirrorCount(a, x.url)).toBe(1)
  })

  test('blocking a peer removes its mirrors and refuses its deliveries', async () => {
    const peer = await peerOf(a, x.url)
    const blocked = await a.api('POST', `/api/peers/${peer?.id}/block`)
    expect(blocked.status).toBe(200)
    expect(await mirrorCount(a, x.url)).toBe(0)
    const res = await x.send(`${a.url}/actor/inbox`, {
      id: `${x.url}/activities/after-block`, type: 'Create', actor: x.actorId,
      object: { id: `${x.url}/orgs/x-two`, type: 'Organization', preferredUsername: 'x-two', name: 'X Two', kind: 'collective' }
    })
    expect(res.status).toBe(403)
    expect(await mirrorCount(a, x.url)).toBe(0)
  })
})

describe('people following a listing (as from Mastodon)', () => {
  let a: Instance
  let person: FakePeer
  beforeAll(async () => {
    a = await spawnInstance('A')
    person = await fakePeer()
    await a.api('POST', '/api/listings', listing('followed-coop'))
  })
  afterAll(async () => {
    person?.close()
    if (a) await removeInstance(a)
  })

  test('a follow is accepted by the listing itself, which then sends its own Update and Delete', async () => {
    const listingId = `${a.url}/orgs/followed-coop`
    const res = await person.send(`${listingId}/inbox`, { id: `${person.url}/follows/1`, type: 'Follow', actor: person.actorId, object: listingId })
    expect(res.status).toBe(202)
    const accept = await waitFor(() => person.received.find((act) => act.type === 'Accept'), 'the Accept')
    expect(accept.actor).toBe(listingId)
    expect(person.signers[person.received.indexOf(accept)]).toBe(`${listingId}#main-key`)
    const followers = await (await fetch(`${listingId}/followers`, { headers: { accept: 'application/activity+json' } })).json() as { totalItems: number }
    expect(followers.totalItems).toBe(1)

    await a.api('PATCH', '/api/listings/followed-coop', { name: 'Followed and renamed' })
    const update = await waitFor(() => person.received.find((act) => act.type === 'Update'), 'the Update')
    expect(update).toMatchObject({ actor: listingId, object: { id: listingId, type: 'Organization', name: 'Followed and renamed' } })

    await a.api('DELETE', '/api/listings/followed-coop')
    const del = await waitFor(() => person.received.find((act) => act.type === 'Delete'), 'the Delete')
    expect(del).toMatchObject({ actor: listingId, object: { id: listingId, type: 'Tombstone' } })
  })
})
