/**
 * The ListingStore port (src/directory/listing-store.ts), method by method:
 * what every implementation must answer. Run against the embedded engine
 * always, MongoDB when MONGODB_URL is set, and the in-memory double the unit
 * tests use. Each test gets an empty store of its own.
 */
import type { Listing } from '../../src/directory/listing'
import type { ListingStore, DirectoryChange } from '../../src/directory/listing-store'

export interface ListingStoresUnderTest {
  /** A new, empty store (its own database); init() is called by the suite. */
  fresh(): Promise<ListingStore>
  close(): Promise<void>
}

const A = 'https://a.example'
const B = 'https://b.example'
const at = (ms: number) => new Date(Date.UTC(2024, 0, 1) + ms)

/** A full stored listing of `origin`, changed at `updated` ms after the epoch of these tests. */
function listing(slug: string, { origin = A, updated = 0, ...rest }: Partial<Omit<Listing, 'updated'>> & { updated?: number } = {}): Listing {
  return {
    id: `${origin}/orgs/${slug}`, origin, slug, name: `Co-op ${slug}`, kind: 'worker-coop',
    services: ['web-hosting'], languages: ['es'], location: [{ name: 'Office', latitude: 17.07, longitude: -96.72 }],
    published: at(0), updated: at(updated), moderation: 'approved', version: 1,
    provenance: { origin, via: origin === A ? 'local' : 'delivery', firstSeen: at(0), lastVerified: at(updated) },
    ...rest
  }
}

/** A change as /directory reads it: its kind, id and instant. */
const summary = (c: DirectoryChange) => `${c.kind}:${c.id}@${c.at.getTime() - at(0).getTime()}`

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = []
  for await (const item of items) out.push(item)
  return out
}

export function listingStoreContract(open: () => Promise<ListingStoresUnderTest>): void {
  let engines: ListingStoresUnderTest
  let store: ListingStore

  beforeAll(async () => {
    engines = await open()
  })
  afterAll(() => engines.close())
  beforeEach(async () => {
    store = await engines.fresh()
    await store.init()
  })

  describe('insert and read', () => {
    test('byId and bySlug answer the listing as inserted; unknown ones are null', async () => {
      const a = listing('one', { summary: '<p>Hi</p>', nameMap: { es: 'Uno' } })
      expect(await store.insert(a)).toBe(true)
      expect(await store.byId(a.id)).toEqual(a)
      expect(await store.bySlug(A, 'one')).toEqual(a)
      expect(await store.byId(`${A}/orgs/none`)).toBeNull()
      expect(await store.bySlug(B, 'one')).toBeNull()
    })

    test('what is answered is a copy: changing it changes nothing stored', async () => {
      const a = listing('one')
      await store.insert(a)
      a.name = 'changed after insert'
      const read = await store.byId(a.id)
      expect(read?.name).toBe('Co-op one')
      if (read) read.name = 'changed after read'
      expect((await store.byId(a.id))?.name).toBe('Co-op one')
    })

    test('insert refuses a taken id and a taken (origin, slug), and writes nothing', async () => {
      expect(await store.insert(listing('one'))).toBe(true)
      expect(await store.insert({ ...listing('one'), slug: 'other', name: 'Same id' })).toBe(false)
      expect(await store.insert({ ...listing('one'), id: `${A}/orgs/renamed`, name: 'Same slug' })).toBe(false)
      expect(await store.count({})).toBe(1)
      expect((await store.byId(`${A}/orgs/one`))?.name).toBe('Co-op one')
      expect(await store.byId(`${A}/orgs/renamed`)).toBeNull()
    })

    test('the same slug at another origin is another listing', async () => {
      expect(await store.insert(listing('one'))).toBe(true)
      expect(await store.insert(listing('one', { origin: B }))).toBe(true)
      expect((await store.bySlug(B, 'one'))?.origin).toBe(B)
      expect(await store.count({})).toBe(2)
    })

    test('a listing inserted again after its removal is no longer a tombstone', async () => {
      const a = listing('one')
      await store.insert(a)
      await store.remove(a.id, at(10))
      expect(await store.tombstone(a.id)).not.toBeNull()
      expect(await store.insert({ ...a, updated: at(20) })).toBe(true)
      expect(await store.tombstone(a.id)).toBeNull()
      expect(await store.countTombstones(A)).toBe(0)
    })
  })

  describe('replace', () => {
    test('replaces at the expected version, refuses a stale one and an unknown id', async () => {
      const a = listing('one', { version: 3 })
      await store.insert(a)
      const next = { ...a, name: 'Renamed', version: 4, updated: at(5) }
      expect(await store.replace(next, 3)).toBe(true)
      expect(await store.byId(a.id)).toEqual(next)
      expect(await store.replace({ ...a, name: 'Lost update', version: 4 }, 3)).toBe(false)
      expect((await store.byId(a.id))?.name).toBe('Renamed')
      expect(await store.replace(listing('ghost'), 1)).toBe(false)
      expect(await store.byId(`${A}/orgs/ghost`)).toBeNull()
    })
  })

  describe('remove and discard', () => {
    test('remove without a version answers the listing and leaves its tombstone', async () => {
      const a = listing('one', { version: 2 })
      await store.insert(a)
      expect(await store.remove(a.id, at(30))).toEqual(a)
      expect(await store.byId(a.id)).toBeNull()
      expect(await store.tombstone(a.id)).toEqual({ id: a.id, slug: 'one', origin: A, deleted: at(30) })
      expect(await store.remove(a.id, at(40))).toBeNull()
      expect((await store.tombstone(a.id))?.deleted).toEqual(at(30))
    })

    test('remove at a stale version removes nothing; at the current one it removes', async () => {
      const a = listing('one', { version: 2 })
      await store.insert(a)
      expect(await store.remove(a.id, at(30), 1)).toBeNull()
      expect(await store.byId(a.id)).toEqual(a)
      expect(await store.tombstone(a.id)).toBeNull()
      expect(await store.remove(a.id, at(31), 2)).toEqual(a)
      expect(await store.tombstone(a.id)).toEqual({ id: a.id, slug: 'one', origin: A, deleted: at(31) })
    })

    test('remove of an unknown id answers null and leaves no tombstone', async () => {
      expect(await store.remove(`${A}/orgs/ghost`, at(1))).toBeNull()
      expect(await store.tombstone(`${A}/orgs/ghost`)).toBeNull()
      expect(await store.countTombstones(A)).toBe(0)
    })

    test('discard at the current version removes without a tombstone and frees the slug', async () => {
      const a = listing('one', { version: 2, moderation: 'pending' })
      await store.insert(a)
      expect(await store.discard(a.id, 1)).toBeNull()
      expect(await store.byId(a.id)).toEqual(a)
      expect(await store.discard(a.id, 2)).toEqual(a)
      expect(await store.byId(a.id)).toBeNull()
      expect(await store.tombstone(a.id)).toBeNull()
      expect(await store.insert({ ...a, id: `${A}/orgs/one-again` })).toBe(true)
    })
  })

  describe('list, count, all, stamps, idsOf', () => {
    beforeEach(async () => {
      // updated: a3 newest; a1 and a2 tie, so id breaks it; b1 at the other origin
      for (const l of [
        listing('a1', { updated: 10 }), listing('a2', { updated: 10, moderation: 'pending' }),
        listing('a3', { updated: 30 }), listing('a4', { updated: 5, moderation: 'rejected' }),
        listing('b1', { origin: B, updated: 20 })
      ]) expect(await store.insert(l)).toBe(true)
    })

    test('list pages newest change first, ties by id, with the total', async () => {
      const first = await store.list({ page: 1, perPage: 3 })
      expect(first.items.map((l) => l.slug)).toEqual(['a3', 'b1', 'a1'])
      expect([first.total, first.page, first.perPage]).toEqual([5, 1, 3])
      const second = await store.list({ page: 2, perPage: 3 })
      expect(second.items.map((l) => l.slug)).toEqual(['a2', 'a4'])
      expect(second.total).toBe(5)
      expect((await store.list({ page: 3, perPage: 3 })).items).toEqual([])
    })

    test('list filters by origin and by moderation state', async () => {
      const ofA = await store.list({ origin: A, page: 1, perPage: 10 })
      expect(ofA.items.map((l) => l.slug)).toEqual(['a3', 'a1', 'a2', 'a4'])
      expect(ofA.total).toBe(4)
      const approvedOfA = await store.list({ origin: A, moderation: 'approved', page: 1, perPage: 10 })
      expect(approvedOfA.items.map((l) => l.slug)).toEqual(['a3', 'a1'])
      expect(approvedOfA.total).toBe(2)
      expect((await store.list({ moderation: 'pending', page: 1, perPage: 10 })).items.map((l) => l.slug)).toEqual(['a2'])
      expect(await store.list({ origin: 'https://nobody.example', page: 1, perPage: 10 })).toEqual({ items: [], total: 0, page: 1, perPage: 10 })
    })

    test('list answers whole listings', async () => {
      const [newest] = (await store.list({ origin: A, page: 1, perPage: 1 })).items
      expect(newest).toEqual(listing('a3', { updated: 30 }))
    })

    test('count by origin, by moderation, both and neither', async () => {
      expect(await store.count({})).toBe(5)
      expect(await store.count({ origin: A })).toBe(4)
      expect(await store.count({ origin: B })).toBe(1)
      expect(await store.count({ moderation: 'approved' })).toBe(3)
      expect(await store.count({ origin: A, moderation: 'rejected' })).toBe(1)
      expect(await store.count({ origin: B, moderation: 'pending' })).toBe(0)
    })

    test('all streams every listing once', async () => {
      const every = await collect(store.all())
      expect(every.map((l) => l.id).sort()).toEqual(['a1', 'a2', 'a3', 'a4'].map((s) => `${A}/orgs/${s}`).concat(`${B}/orgs/b1`).sort())
      expect(every.find((l) => l.slug === 'b1')).toEqual(listing('b1', { origin: B, updated: 20 }))
    })

    test('all takes a filter by origin and moderation state, as count does', async () => {
      for (const filter of [{ origin: A }, { origin: B }, { moderation: 'approved' as const }, { origin: A, moderation: 'rejected' as const }]) {
        const some = await collect(store.all(filter))
        expect(some.length).toBe(await store.count(filter))
        expect(some.every((l) => (!filter.origin || l.origin === filter.origin) && (!('moderation' in filter) || l.moderation === filter.moderation))).toBe(true)
      }
    })

    test('stamps carry exactly id, version, updated, moderation and provenance.lastVerified', async () => {
      await store.replace({ ...listing('a1', { updated: 11 }), version: 2 }, 1)
      const stamps = await store.stamps()
      expect(stamps).toHaveLength(5)
      const a1 = stamps.find((s) => s.id === `${A}/orgs/a1`)
      expect(a1).toEqual({ id: `${A}/orgs/a1`, version: 2, updated: at(11), moderation: 'approved', provenance: { lastVerified: at(11) } })
      expect(stamps.find((s) => s.id === `${A}/orgs/a2`)?.moderation).toBe('pending')
    })

    test('idsOf answers the ids of one origin only', async () => {
      expect((await store.idsOf(A)).sort()).toEqual(['a1', 'a2', 'a3', 'a4'].map((s) => `${A}/orgs/${s}`))
      expect(await store.idsOf(B)).toEqual([`${B}/orgs/b1`])
      expect(await store.idsOf('https://nobody.example')).toEqual([])
    })
  })

  describe('changes and tombstones', () => {
    beforeEach(async () => {
      // listings of A at 10, 20, 20 (tie), 40; tombstones of A at 30 and 20 (a tie with listings); B's are never A's changes
      for (const l of [
        listing('l10', { updated: 10 }), listing('l20b', { updated: 20 }), listing('l20a', { updated: 20 }),
        listing('l40', { updated: 40 }), listing('gone30'), listing('gone20'), listing('b', { origin: B, updated: 50 })
      ]) await store.insert(l)
      await store.remove(`${A}/orgs/gone30`, at(30))
      await store.remove(`${A}/orgs/gone20`, at(20))
      await store.remove(`${B}/orgs/b`, at(60))
    })

    const ALL_OF_A = [
      `listing:${A}/orgs/l40@40`, `tombstone:${A}/orgs/gone30@30`,
      `tombstone:${A}/orgs/gone20@20`, `listing:${A}/orgs/l20a@20`, `listing:${A}/orgs/l20b@20`,
      `listing:${A}/orgs/l10@10`
    ]

    test('one origin, listings and tombstones merged newest first, ties by id', async () => {
      expect((await store.changes({ origin: A, limit: 100 })).map(summary)).toEqual(ALL_OF_A)
      expect((await store.changes({ origin: B, limit: 100 })).map(summary)).toEqual([`tombstone:${B}/orgs/b@60`])
    })

    test('each change carries its listing or its tombstone', async () => {
      const [newest, tomb] = await store.changes({ origin: A, limit: 2 })
      expect(newest).toEqual({ kind: 'listing', at: at(40), id: `${A}/orgs/l40`, listing: listing('l40', { updated: 40 }) })
      expect(tomb).toEqual({ kind: 'tombstone', at: at(30), id: `${A}/orgs/gone30`, tombstone: { id: `${A}/orgs/gone30`, slug: 'gone30', origin: A, deleted: at(30) } })
    })

    test('limit cuts the merged list', async () => {
      expect((await store.changes({ origin: A, limit: 3 })).map(summary)).toEqual(ALL_OF_A.slice(0, 3))
    })

    test('since keeps only changes strictly after it', async () => {
      expect((await store.changes({ origin: A, since: at(20), limit: 100 })).map(summary)).toEqual(ALL_OF_A.slice(0, 2))
      expect(await store.changes({ origin: A, since: at(40), limit: 100 })).toEqual([])
    })

    test('the before cursor pages through every change exactly once, ties included', async () => {
      const seen: string[] = []
      let before: { at: Date; id: string } | undefined
      for (let pages = 0; pages < 10; pages++) {
        const page = await store.changes({ origin: A, limit: 2, ...(before ? { before } : {}) })
        if (page.length === 0) break
        seen.push(...page.map(summary))
        const last = page[page.length - 1] as DirectoryChange
        before = { at: last.at, id: last.id }
      }
      expect(seen).toEqual(ALL_OF_A)
    })

    test('since and before together give the window between them', async () => {
      const window = await store.changes({ origin: A, since: at(10), before: { at: at(30), id: `${A}/orgs/gone30` }, limit: 100 })
      expect(window.map(summary)).toEqual(ALL_OF_A.slice(2, 5))
    })

    test('countTombstones counts one origin', async () => {
      expect(await store.countTombstones(A)).toBe(2)
      expect(await store.countTombstones(B)).toBe(1)
      expect(await store.countTombstones('https://nobody.example')).toBe(0)
    })
  })

  test('ping answers while the store can serve', async () => {
    await expect(store.ping()).resolves.toBeUndefined()
  })
}
