/**
 * The driver calls Tejido and apex's store make, with the results MongoDB
 * gives. Every engine runs this suite: the embedded one always, MongoDB when
 * MONGODB_URL is set.
 */
import { ObjectId } from 'mongodb'
import type { ApexCollection, ApexCursor, ApexDb } from '../../src/storage/apex-db'
import type { DocumentFilter, FindOneAndUpdateOptions, FindOptions, ModifyResult, StoredDocument, UpdateDocument, UpdateResult, UpsertOptions } from '../../src/storage/document-db'

/**
 * What this suite calls: ApexDb (Tejido's calls and apex's), plus the driver
 * behaviour it pins beyond them (no filter, unnamed indexes, upserting
 * find-and-modify, upsertedId, the collection's name). Both engines are
 * handed in uncast, so each is held to this at compile time as well.
 */
interface ContractCollection<T extends StoredDocument> extends ApexCollection<T> {
  readonly collectionName: string
  countDocuments(filter?: DocumentFilter, options?: { hint?: string }): Promise<number>
  find(filter?: DocumentFilter, options?: FindOptions): ApexCursor<T>
  createIndex(keys: Record<string, 1 | -1>, options: { name?: string; unique?: boolean; partialFilterExpression?: DocumentFilter }): Promise<string>
  updateOne(filter: DocumentFilter, update: UpdateDocument, options?: UpsertOptions): Promise<UpdateResult & { upsertedId?: unknown }>
  findOneAndUpdate(filter: DocumentFilter, update: UpdateDocument, options?: FindOneAndUpdateOptions & { upsert?: boolean }): Promise<ModifyResult<T> & { ok: 0 | 1 }>
}

/** The database this suite is handed. */
export interface ContractDb extends ApexDb {
  collection<T extends StoredDocument = StoredDocument>(name: string): ContractCollection<T>
}

/** An engine as this suite drives it. */
export interface StoreUnderTest {
  db: ContractDb
  /** Closes and reopens the engine (for durability); returns the new database. */
  reopen?: () => Promise<ContractDb>
}

export function documentStoreContract(open: () => Promise<StoreUnderTest>, close: () => Promise<void>): void {
  let store: StoreUnderTest
  let db: ContractDb
  let n = 0
  const fresh = () => db.collection(`c${++n}_${Date.now()}`)

  beforeAll(async () => {
    store = await open()
    db = store.db
  })
  afterAll(close)

  describe('insert and find', () => {
    test('insertOne adds _id to the caller document; forceServerObjectId does not', async () => {
      const c = fresh()
      const a: Record<string, unknown> = { x: 1 }
      const r = await c.insertOne(a)
      expect(r.acknowledged).toBe(true)
      expect(a._id).toBeInstanceOf(ObjectId)
      const b: Record<string, unknown> = { x: 2 }
      await c.insertOne(b, { forceServerObjectId: true })
      expect(b._id).toBeUndefined()
      const all = await c.find({}).sort({ x: 1 }).toArray()
      expect(all.map((d) => d.x)).toEqual([1, 2])
      expect(all[1]?._id).toBeInstanceOf(ObjectId)
    })

    test('a sorted page of many documents equals the same slice of the whole sorted set', async () => {
      const c = fresh()
      // few distinct values, so ties decide a lot; the second key breaks them
      await c.insertMany(Array.from({ length: 300 }, (_, i) => ({ i, a: (i * 7919) % 13, b: (i * 104729) % 301 })))
      const all = (await c.find({}).sort({ a: -1, b: 1 }).toArray()).map((d) => d.i)
      expect(all).toHaveLength(300)
      for (const [skip, limit] of [[0, 1], [0, 20], [40, 20], [290, 20]] as const) {
        const page = (await c.find({}).sort({ a: -1, b: 1 }).skip(skip).limit(limit).toArray()).map((d) => d.i)
        expect(page).toEqual(all.slice(skip, skip + limit))
      }
    })

    test('insertMany, filters, sort, skip, limit, projection', async () => {
      const c = fresh()
      const r = await c.insertMany([
        { n: 3, tags: ['a', 'b'], meta: { k: 'x' }, when: new Date(3000) },
        { n: 1, tags: ['b'], meta: { k: 'y' }, when: new Date(1000) },
        { n: 2, tags: [], meta: { k: 'x' }, when: new Date(2000) }
      ], { ordered: false, forceServerObjectId: true })
      expect(r.insertedCount).toBe(3)
      expect((await c.find({ tags: 'b' }).sort({ n: 1 }).toArray()).map((d) => d.n)).toEqual([1, 3])
      expect((await c.find({ 'meta.k': 'x' }).sort({ n: -1 }).toArray()).map((d) => d.n)).toEqual([3, 2])
      expect((await c.find({ when: { $lte: new Date(2000) } }).sort({ when: 1 }).toArray()).map((d) => d.n)).toEqual([1, 2])
      expect((await c.find({}).sort({ n: 1 }).skip(1).limit(1).toArray()).map((d) => d.n)).toEqual([2])
      const projected = await c.find({ n: 3 }).project({ _id: 0, meta: 0 }).next()
      expect(projected).toEqual({ n: 3, tags: ['a', 'b'], when: new Date(3000) })
      const included = await c.findOne({ n: 1 }, { projection: { _id: 0, 'meta.k': 1 } })
      expect(included).toEqual({ meta: { k: 'y' } })
      expect(await c.findOne({ n: 99 })).toBeNull()
      expect(await c.find({ n: { $in: [1, 2] } }).limit(1).project({ _id: 0, n: 1 }).next()).toEqual({ n: 1 })
    })

    test('nested exclusion does not touch the stored document', async () => {
      const c = fresh()
      await c.insertOne({ id: 'a', object: [{ id: 'o', _meta: { s: 1 }, v: 1 }], _meta: { p: 1 } })
      const first = await c.find({ id: 'a' }).project({ _id: 0, _meta: 0, 'object._meta': 0 }).next()
      expect(first).toEqual({ id: 'a', object: [{ id: 'o', v: 1 }] })
      const again = await c.findOne({ id: 'a' }, { projection: { _id: 0 } })
      expect(again).toEqual({ id: 'a', object: [{ id: 'o', _meta: { s: 1 }, v: 1 }], _meta: { p: 1 } })
    })

    test('returned documents are copies', async () => {
      const c = fresh()
      await c.insertOne({ k: 1, list: [1] })
      const d = await c.findOne({ k: 1 })
      ;(d?.list as number[]).push(2)
      expect((await c.findOne({ k: 1 }))?.list).toEqual([1])
    })

    test('sorting on ObjectId _id and $lt paging by ObjectId', async () => {
      const c = fresh()
      for (let i = 0; i < 5; i++) await c.insertOne({ i }, { forceServerObjectId: true })
      const desc = await c.find({}).sort({ _id: -1 }).toArray()
      expect(desc.map((d) => d.i)).toEqual([4, 3, 2, 1, 0])
      const page = await c.find({ _id: { $lt: desc[1]?._id } }).sort({ _id: -1 }).toArray()
      expect(page.map((d) => d.i)).toEqual([2, 1, 0])
    })

    test('cursor iteration and countDocuments', async () => {
      const c = fresh()
      await c.insertMany([{ t: 'Person', p: 1 }, { t: 'Person' }, { t: 'Group', p: 1 }])
      const seen: unknown[] = []
      for await (const d of c.find({ t: 'Person' })) seen.push(d.t)
      expect(seen).toEqual(['Person', 'Person'])
      expect(await c.countDocuments({ t: 'Person' })).toBe(2)
      expect(await c.countDocuments({ p: { $exists: true } })).toBe(2)
      expect(await c.countDocuments()).toBe(3)
    })
  })

  describe('unique and partial indexes', () => {
    test('duplicate keys raise MongoServerError 11000 and write nothing', async () => {
      const c = fresh()
      await c.createIndex({ id: 1 }, { unique: true, name: 'primary' })
      await c.insertOne({ id: 'x', v: 1 })
      const err = await c.insertOne({ id: 'x', v: 2 }).catch((e: unknown) => e as { name: string; code: number })
      expect(err).toMatchObject({ name: 'MongoServerError', code: 11000 })
      expect(await c.countDocuments({ id: 'x' })).toBe(1)
      const upd = await c.insertOne({ id: 'y' }).then(() => c.updateOne({ id: 'y' }, { $set: { id: 'x' } })).catch((e: unknown) => e as { code: number })
      expect(upd).toMatchObject({ code: 11000 })
      expect(await c.countDocuments({ id: 'y' })).toBe(1)
    })

    test('duplicate _id is refused', async () => {
      const c = fresh()
      await c.insertOne({ _id: 'same' })
      await expect(c.insertOne({ _id: 'same' })).rejects.toMatchObject({ code: 11000 })
    })

    test('ordered insertMany stops at a duplicate, unordered goes on', async () => {
      const c = fresh()
      await c.createIndex({ k: 1 }, { unique: true })
      await expect(c.insertMany([{ k: 1 }, { k: 1 }, { k: 2 }])).rejects.toMatchObject({ code: 11000 })
      expect(await c.countDocuments()).toBe(1)
      await expect(c.insertMany([{ k: 3 }, { k: 1 }, { k: 4 }], { ordered: false })).rejects.toMatchObject({ code: 11000 })
      expect((await c.find({}).sort({ k: 1 }).toArray()).map((d) => d.k)).toEqual([1, 3, 4])
    })

    test('a partial unique index only constrains what it covers; hint by name', async () => {
      const c = fresh()
      await c.createIndex({ id: 1, type: 1 }, { name: 'local', partialFilterExpression: { type: 'Person', '_meta.privateKey': { $exists: true } } })
      await c.createIndex({ email: 1 }, { unique: true, partialFilterExpression: { email: { $exists: true } } })
      await c.insertMany([{ id: 1, type: 'Person', _meta: { privateKey: 'k' } }, { id: 2, type: 'Person' }, { id: 3 }, { id: 4 }])
      expect(await c.countDocuments({ type: 'Person', '_meta.privateKey': { $exists: true } }, { hint: 'local' })).toBe(1)
      await c.insertOne({ email: 'a@b' })
      await expect(c.insertOne({ email: 'a@b' })).rejects.toMatchObject({ code: 11000 })
    })

    test('createIndex with the same name and spec is idempotent', async () => {
      const c = fresh()
      const name = await c.createIndex({ a: 1 }, { name: 'a' })
      expect(await c.createIndex({ a: 1 }, { name: 'a' })).toBe(name)
    })
  })

  describe('updates', () => {
    test('operators and matched/modified counts true to MongoDB', async () => {
      const c = fresh()
      await c.insertMany([{ k: 1, n: 1, list: ['a'] }, { k: 2, n: 1, list: [] }])
      let r: StoredDocument = await c.updateOne({ k: 1 }, { $set: { n: 1 } })
      expect([r.matchedCount, r.modifiedCount]).toEqual([1, 0])
      r = await c.updateMany({}, { $inc: { n: 2 } })
      expect([r.matchedCount, r.modifiedCount]).toEqual([2, 2])
      r = await c.updateOne({ k: 1 }, { $addToSet: { list: 'a' } })
      expect(r.modifiedCount).toBe(0)
      await c.updateOne({ k: 1 }, { $push: { list: 'b' }, $unset: { n: '' } })
      await c.updateOne({ k: 2 }, { $pull: { list: 'zz' }, $set: { 'deep.x': 1 } })
      expect(await c.findOne({ k: 1 }, { projection: { _id: 0 } })).toEqual({ k: 1, list: ['a', 'b'] })
      expect(await c.findOne({ k: 2 }, { projection: { _id: 0 } })).toEqual({ k: 2, n: 3, list: [], deep: { x: 1 } })
      r = await c.updateMany({ k: 99 }, { $set: { z: 1 } })
      expect([r.matchedCount, r.modifiedCount, r.upsertedCount]).toEqual([0, 0, 0])
    })

    test('arrayFilters replace matching elements', async () => {
      const c = fresh()
      await c.insertOne({ k: 1, object: [{ id: 'a', v: 1 }, { id: 'b', v: 1 }] })
      const r = await c.updateMany({ 'object.id': 'b' }, { $set: { 'object.$[element]': { id: 'b', v: 2 } } }, { arrayFilters: [{ 'element.id': 'b' }] })
      expect(r.modifiedCount).toBe(1)
      expect((await c.findOne({ k: 1 }))?.object).toEqual([{ id: 'a', v: 1 }, { id: 'b', v: 2 }])
    })

    test('upsert seeds from the filter and applies $setOnInsert', async () => {
      const c = fresh()
      const r = await c.updateOne({ slug: 's', kind: { $eq: 'x' } }, { $set: { v: 1 }, $setOnInsert: { created: true } }, { upsert: true })
      expect(r.upsertedCount).toBe(1)
      expect(r.upsertedId).toBeTruthy()
      expect(await c.findOne({ slug: 's' }, { projection: { _id: 0 } })).toEqual({ slug: 's', kind: 'x', created: true, v: 1 })
      const again = await c.updateOne({ slug: 's' }, { $set: { v: 2 }, $setOnInsert: { created: false } }, { upsert: true })
      expect([again.matchedCount, again.modifiedCount, again.upsertedCount]).toEqual([1, 1, 0])
      expect((await c.findOne({ slug: 's' }))?.created).toBe(true)
    })

    test('replaceOne keeps _id, reports no change for an identical document, upserts', async () => {
      const c = fresh()
      await c.insertOne({ documentUrl: 'u', v: 1 })
      let r: StoredDocument = await c.replaceOne({ documentUrl: 'u' }, { documentUrl: 'u', v: 1 })
      expect([r.matchedCount, r.modifiedCount]).toEqual([1, 0])
      r = await c.replaceOne({ documentUrl: 'u' }, { documentUrl: 'u', v: 2 })
      expect([r.matchedCount, r.modifiedCount]).toEqual([1, 1])
      r = await c.replaceOne({ documentUrl: 'w' }, { documentUrl: 'w', v: 3 }, { upsert: true })
      expect(r.upsertedCount).toBe(1)
      expect(await c.countDocuments()).toBe(2)
      expect((await c.findOne({ documentUrl: 'u' }))?.v).toBe(2)
    })

    test('updates that are not operator documents are refused', async () => {
      const c = fresh()
      await c.insertOne({ k: 1 })
      await expect(c.updateOne({ k: 1 }, { k: 2 } as never)).rejects.toThrow()
      await expect(c.updateOne({ k: 1 }, { $set: { _id: 'other' } })).rejects.toMatchObject({ code: 66 })
      expect((await c.findOne({ k: 1 }))?.k).toBe(1)
    })
  })

  describe('find-and-modify (driver v4 ModifyResult)', () => {
    // Driver v4's types reject dotted paths in $addToSet/$pull on Document, hence the casts.
    test('findOneAndUpdate returns { value } before or after, with projection', async () => {
      const c = fresh()
      await c.insertOne({ id: 'a', _meta: { col: ['x'] } })
      const before = await c.findOneAndUpdate({ id: 'a' }, { $addToSet: { '_meta.col': 'y' } }, { projection: { _id: 0 } })
      expect(before.ok).toBe(1)
      expect(before.value).toEqual({ id: 'a', _meta: { col: ['x'] } })
      const after = await c.findOneAndUpdate({ id: 'a' }, { $pull: { '_meta.col': 'x' } }, { returnDocument: 'after', projection: { _id: 0 } })
      expect(after.value).toEqual({ id: 'a', _meta: { col: ['y'] } })
      const none = await c.findOneAndUpdate({ id: 'zz' }, { $set: { q: 1 } })
      expect(none.value).toBeNull()
      const up = await c.findOneAndUpdate({ id: 'b' }, { $set: { q: 1 } }, { upsert: true, returnDocument: 'after', projection: { _id: 0 } })
      expect(up.value).toEqual({ id: 'b', q: 1 })
    })

    test('findOneAndReplace upserts and returns the new document', async () => {
      const c = fresh()
      const r = await c.findOneAndReplace({ id: 'u' }, { id: 'u', name: 'n' }, { upsert: true, returnDocument: 'after' })
      expect(r.value).toMatchObject({ id: 'u', name: 'n' })
      const r2 = await c.findOneAndReplace({ id: 'u' }, { id: 'u', name: 'm' }, { returnDocument: 'before' })
      expect(r2.value).toMatchObject({ name: 'n' })
      expect(await c.countDocuments()).toBe(1)
    })

    test('findOneAndDelete takes the first in sort order (a queue)', async () => {
      const c = fresh()
      const now = Date.now()
      await c.insertMany([{ a: 2, after: new Date(now - 10) }, { a: 1, after: new Date(now - 20) }, { a: 3, after: new Date(now + 60000) }], { forceServerObjectId: true })
      const q = { after: { $lte: new Date() } }
      const opts = { sort: { after: 1, _id: 1 }, projection: { _id: 0 } } as const
      expect((await c.findOneAndDelete(q, opts)).value?.a).toBe(1)
      expect((await c.findOneAndDelete(q, opts)).value?.a).toBe(2)
      expect((await c.findOneAndDelete(q, opts)).value).toBeNull()
      expect(await c.countDocuments()).toBe(1)
    })
  })

  describe('delete', () => {
    test('deleteOne and deleteMany report counts', async () => {
      const c = fresh()
      await c.insertMany([{ g: 1 }, { g: 1 }, { g: 2 }])
      expect((await c.deleteOne({ g: 1 })).deletedCount).toBe(1)
      expect((await c.deleteMany({ g: { $gte: 1 } })).deletedCount).toBe(2)
      expect((await c.deleteMany({})).deletedCount).toBe(0)
    })
  })

  describe('aggregate', () => {
    test('$match, $sort, $limit, $lookup and nested $project', async () => {
      const streams = fresh()
      const objects = fresh()
      await objects.insertMany([{ id: 'alice', name: 'A', _meta: { privateKey: 'k' } }, { id: 'bob', name: 'B' }])
      await streams.insertMany([
        { id: 's1', _meta: { collection: ['inbox'] }, actor: ['alice'], object: [{ id: 'o1', _meta: {} }] },
        { id: 's2', _meta: { collection: ['inbox'] }, actor: ['carol'], object: [{ id: 'o2' }] },
        { id: 's3', _meta: { collection: ['inbox'] }, actor: ['bob'], object: [{ id: 'o3' }] },
        { id: 's4', _meta: { collection: ['outbox'] }, actor: ['bob'], object: [] }
      ], { forceServerObjectId: true })
      const out = await streams.aggregate([
        { $match: { '_meta.collection': 'inbox', actor: { $nin: ['nobody'] } } },
        { $sort: { _id: -1 } },
        { $limit: 3 },
        { $lookup: { from: objects.collectionName, localField: 'actor', foreignField: 'id', as: 'actor' } },
        { $match: { actor: { $ne: [] } } },
        { $project: { _id: 0, _meta: 0, 'object._id': 0, 'object._meta': 0, 'actor._meta': 0, 'actor._id': 0 } }
      ]).toArray()
      expect(out).toEqual([
        { id: 's3', actor: [{ id: 'bob', name: 'B' }], object: [{ id: 'o3' }] },
        { id: 's1', actor: [{ id: 'alice', name: 'A' }], object: [{ id: 'o1' }] }
      ])
    })
  })

  describe('bad input', () => {
    test('an unknown query operator is an error, not a crash', async () => {
      const c = fresh()
      await expect(c.find({ a: { $nope: 1 } }).toArray()).rejects.toThrow()
    })
  })

  describe('durability', () => {
    test('acknowledged writes and indexes survive a reopen', async () => {
      if (!store.reopen) return expect(store.reopen).toBeUndefined()
      const name = `durable_${Date.now()}`
      await db.collection(name).createIndex({ slug: 1 }, { unique: true, name: 'slug' })
      await db.collection(name).insertMany([{ slug: 'a', when: new Date(5), oid: new ObjectId('0123456789abcdef01234567') }, { slug: 'b' }])
      await db.collection(name).updateOne({ slug: 'b' }, { $set: { v: 2 } })
      await db.collection(name).deleteOne({ slug: 'a' })
      await db.collection(name).insertOne({ slug: 'a', when: new Date(5), oid: new ObjectId('0123456789abcdef01234567') })
      db = await store.reopen()
      const docs = await db.collection(name).find({}, { projection: { _id: 0 } }).sort({ slug: 1 }).toArray()
      expect(docs).toEqual([{ slug: 'a', when: new Date(5), oid: new ObjectId('0123456789abcdef01234567') }, { slug: 'b', v: 2 }])
      await expect(db.collection(name).insertOne({ slug: 'b' })).rejects.toMatchObject({ code: 11000 })
    })
  })
}
