/** What only the embedded engine has to prove: index use, one owner per DATA_DIR, compaction. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { DataDirLockedError } from '../../src/storage/embedded/lock'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-engine-'))

describe('embedded engine', () => {
  test('an equality lookup on an indexed field examines only the matching documents', async () => {
    const dir = tmp()
    const client = await new EmbeddedClient(dir).connect()
    try {
      const coll = client.db('t').collection('items')
      await coll.createIndex({ id: 1 }, { unique: true, name: 'by-id' })
      await coll.createIndex({ group: 1 }, { name: 'by-group' })
      await coll.insertMany(Array.from({ length: 5000 }, (_, i) => ({ id: `item-${i}`, group: i % 50, n: i })))
      expect(await coll.findOne({ id: 'item-4321' })).toMatchObject({ n: 4321 })
      expect(coll.lastPlan).toEqual({ index: 'by-id', docsExamined: 1 })
      expect(await coll.countDocuments({ group: 7, n: { $gte: 0 } })).toBe(100)
      expect(coll.lastPlan).toEqual({ index: 'by-group', docsExamined: 100 })
      expect(await coll.find({ id: { $in: ['item-1', 'item-2', 'nope'] } }).toArray()).toHaveLength(2)
      expect(coll.lastPlan.docsExamined).toBe(2)
      await coll.createIndex({ group: 1, n: 1 }, { unique: true, name: 'group-n' })
      expect(await coll.findOne({ n: 4321, group: 21 })).toMatchObject({ id: 'item-4321' })
      expect(coll.lastPlan).toEqual({ index: 'group-n', docsExamined: 1 }) // the whole compound key, not just its first field
      await expect(coll.insertOne({ id: 'x', group: 21, n: 4321 })).rejects.toMatchObject({ code: 11000 })
      await coll.find({ n: 3 }).toArray()
      expect(coll.lastPlan).toEqual({ index: null, docsExamined: 5000 }) // no index: a scan, and the plan says so
      // Indexes stay right through updates and deletes.
      await coll.updateOne({ id: 'item-1' }, { $set: { id: 'renamed' } })
      expect(await coll.findOne({ id: 'item-1' })).toBeNull()
      expect(await coll.findOne({ id: 'renamed' })).toMatchObject({ n: 1 })
      await coll.deleteMany({ group: 7 })
      expect(await coll.countDocuments({ group: 7 })).toBe(0)
      expect(coll.lastPlan.docsExamined).toBe(0)
    } finally {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a second client on the same DATA_DIR is refused with a clear message', async () => {
    const dir = tmp()
    const first = await new EmbeddedClient(dir).connect()
    try {
      const error = await new EmbeddedClient(dir).connect().catch((e: unknown) => e)
      expect(error).toBeInstanceOf(DataDirLockedError)
      expect((error as Error).message).toContain(dir)
      expect((error as Error).message).toContain('one process at a time')
    } finally {
      await first.close()
    }
    const again = await new EmbeddedClient(dir).connect()
    await again.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a lock left by a dead process is taken over', async () => {
    const dir = tmp()
    fs.writeFileSync(path.join(dir, 'tejido.lock'), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() }))
    const client = await new EmbeddedClient(dir).connect()
    await client.db().collection('x').insertOne({ ok: true })
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a file bloated by deletes is compacted at the next open, keeping live data', async () => {
    const dir = tmp()
    const opts = { compactAboveBytes: 4 * 1024 * 1024 }
    let client = await new EmbeddedClient(dir, opts).connect()
    const pad = 'x'.repeat(1000)
    await client.db().collection('bulk').insertMany(Array.from({ length: 10000 }, (_, i) => ({ i, pad })))
    await client.db().collection('keep').insertOne({ kept: true })
    await client.db().collection('keep').createIndex({ kept: 1 }, { name: 'kept' })
    await client.db().collection('bulk').deleteMany({})
    const bloated = client.fileSize()
    expect(bloated).toBeGreaterThan(8 * 1024 * 1024)
    await client.close()
    client = await new EmbeddedClient(dir, opts).connect()
    try {
      expect(client.fileSize()).toBeLessThan(bloated / 4)
      expect(await client.db().collection('keep').findOne({ kept: true }, { projection: { _id: 0 } })).toEqual({ kept: true })
      expect(await client.db().collection('keep').indexExists('kept')).toBe(true)
      expect(await client.db().collection('bulk').countDocuments()).toBe(0)
    } finally {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
