/**
 * apex's own store class (activitypub-express/store), unchanged, driven
 * through the calls apex makes: setup, objects, streams with $lookup paging,
 * activity meta, the delivery queue and contexts.
 */
import type { ApexDb } from '../../src/storage/apex-db'
// apex ships no types; its store is plain JavaScript.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ApexStore = require('activitypub-express/store') as new () => ApexStoreLike

export interface ApexStoreLike {
  db: ApexDb
  setup(initialUser?: object): Promise<unknown>
  saveObject(o: object): Promise<boolean>
  getObject(id: string, includeMeta?: boolean): Promise<Record<string, unknown> | null>
  updateObject(o: object, actorId: string, fullReplace: boolean): Promise<Record<string, unknown> | undefined>
  saveActivity(a: object): Promise<boolean | undefined>
  getActivity(id: string, includeMeta?: boolean): Promise<Record<string, unknown> | null>
  updateActivityMeta(a: { id: string }, key: string, value: string, remove?: boolean): Promise<Record<string, unknown>>
  getStream(collection: string, limit: number, after?: string | null, blockList?: string[] | null, query?: object[]): Promise<Array<Record<string, unknown>>>
  getStreamCount(collection: string): Promise<number>
  getUserCount(): Promise<number>
  deliveryEnqueue(actorId: string, body: string, addresses: string[], key: string): Promise<boolean | undefined>
  deliveryDequeue(): Promise<Record<string, unknown> | null>
  deliveryRequeue(d: Record<string, unknown>): Promise<boolean>
  saveContext(c: { contextUrl: string; documentUrl: string; document: object }): Promise<unknown>
  getContext(url: string): Promise<{ document: object } | null>
  findActivityByCollectionAndActorId(collection: string, actorId: string, includeMeta?: boolean): Promise<Record<string, unknown> | null>
}

const user = {
  id: 'https://x.test/u/alice', type: 'Person', preferredUsername: ['alice'],
  inbox: ['https://x.test/u/alice/inbox'], outbox: ['https://x.test/u/alice/outbox'],
  _meta: { privateKey: 'PRIVATE' }
}

export function apexStoreContract(openDb: () => Promise<ApexDb>, close: () => Promise<void>): void {
  let store: ApexStoreLike
  beforeAll(async () => {
    store = new ApexStore()
    store.db = await openDb()
    await store.setup(user)
  })
  afterAll(close)

  test('objects: save, duplicate, read without and with meta, update, count local users', async () => {
    expect(await store.getObject(user.id)).toMatchObject({ id: user.id, type: 'Person' })
    expect((await store.getObject(user.id))?._meta).toBeUndefined()
    expect((await store.getObject(user.id, true))?._meta).toEqual({ privateKey: 'PRIVATE' })
    const bob = { id: 'https://y.test/u/bob', type: 'Person', name: ['Bob'] }
    expect(await store.saveObject(bob)).toBe(true)
    expect(await store.saveObject(bob)).toBe(false)
    const updated = await store.updateObject({ id: bob.id, name: ['Robert'] }, bob.id, false)
    expect(updated).toMatchObject({ id: bob.id, name: ['Robert'] })
    expect(await store.getUserCount()).toBe(1)
  })

  test('streams: save, duplicate, page with $lookup of actors, meta add/remove', async () => {
    const inbox = user.inbox[0] as string
    for (let i = 0; i < 3; i++) {
      const activity = {
        id: `https://y.test/s/${i}`, type: 'Create', actor: ['https://y.test/u/bob'],
        object: [{ id: `https://y.test/o/${i}`, type: 'Note' }], _meta: { collection: [inbox] }
      }
      expect(await store.saveActivity(activity)).toBe(true)
    }
    expect(await store.saveActivity({ id: 'https://y.test/s/0', _meta: { collection: [inbox] } })).toBeUndefined()
    await store.saveActivity({ id: 'https://z.test/s/x', type: 'Create', actor: ['https://z.test/u/unknown'], _meta: { collection: [inbox] } })
    // The newest activity's actor is unknown: $lookup drops it after the limit, as on MongoDB.
    expect((await store.getStream(inbox, 2)).map((a) => a.id)).toEqual(['https://y.test/s/2'])
    const page = await store.getStream(inbox, 3)
    expect(page.map((a) => a.id)).toEqual(['https://y.test/s/2', 'https://y.test/s/1'])
    expect(page[0]?.actor).toEqual([{ id: 'https://y.test/u/bob', type: 'Person', name: ['Robert'] }])
    expect(page[0]?._meta).toBeUndefined()
    expect(await store.getStreamCount(inbox)).toBe(4)
    const withMeta = await store.updateActivityMeta({ id: 'https://y.test/s/1' }, 'collection', 'https://x.test/extra')
    expect(withMeta._meta).toEqual({ collection: [inbox, 'https://x.test/extra'] })
    const removed = await store.updateActivityMeta({ id: 'https://y.test/s/1' }, 'collection', 'https://x.test/extra', true)
    expect(removed._meta).toEqual({ collection: [inbox] })
    await expect(store.updateActivityMeta({ id: 'https://nope' }, 'collection', 'x')).rejects.toThrow('not found')
    expect(await store.findActivityByCollectionAndActorId(inbox, 'https://y.test/u/bob')).toMatchObject({ type: 'Create' })
  })

  test('object updates propagate to copies embedded in streams', async () => {
    await store.updateObject({ id: 'https://y.test/o/1', type: 'Note', content: ['edited'] }, 'https://y.test/u/bob', false)
      .catch(() => undefined) // the object itself is not stored; copies still update below
    await store.saveObject({ id: 'https://y.test/o/2', type: 'Note' })
    await store.updateObject({ id: 'https://y.test/o/2', type: 'Note', content: ['edited'] }, 'https://y.test/u/bob', false)
    const act = await store.getActivity('https://y.test/s/2')
    expect(act?.object).toEqual([{ id: 'https://y.test/o/2', type: 'Note', content: ['edited'] }])
  })

  test('delivery queue: enqueue, dequeue in order, requeue for later', async () => {
    await store.deliveryEnqueue(user.id, '{"a":1}', ['https://y.test/inbox', 'https://z.test/inbox'], 'KEY')
    const first = await store.deliveryDequeue()
    expect(first).toMatchObject({ address: 'https://y.test/inbox', body: '{"a":1}', attempt: 0, signingKey: 'KEY' })
    const second = await store.deliveryDequeue()
    expect(second?.address).toBe('https://z.test/inbox')
    expect(await store.deliveryDequeue()).toBeNull()
    expect(await store.deliveryRequeue(first as Record<string, unknown>)).toBe(true)
    // attempt 0 waits 10^0 ms: due again almost at once, with the attempt counted
    const retried = await store.deliveryDequeue()
    expect(retried).toMatchObject({ address: 'https://y.test/inbox', attempt: 1 })
    await store.deliveryEnqueue(user.id, '{}', ['https://later.test/inbox'], 'KEY')
    const later = await store.deliveryDequeue()
    await store.deliveryRequeue({ ...later, attempt: 6 })
    const waiting = await store.deliveryDequeue()
    expect(waiting?.waitUntil).toBeInstanceOf(Date)
  })

  test('contexts are cached by document URL', async () => {
    await store.saveContext({ contextUrl: 'https://c.test/ctx', documentUrl: 'https://c.test/ctx', document: { '@context': { a: 'b' } } })
    await store.saveContext({ contextUrl: 'https://c.test/ctx', documentUrl: 'https://c.test/ctx', document: { '@context': { a: 'c' } } })
    expect((await store.getContext('https://c.test/ctx'))?.document).toEqual({ '@context': { a: 'c' } })
  })
}
