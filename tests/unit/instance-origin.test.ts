/** A store is tied to the origin it was made under (DESIGN: Operations). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/composition/store'
import { OriginMismatchError } from '../../src/composition/instance-origin'

describe('instance origin', () => {
  let dataDir: string
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-origin-'))))
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  const open = (publicUrl: string) => openStore({ mongodbUrl: undefined, dataDir, publicUrl })

  test('the first open records the origin; the same origin opens again; another is refused naming both', async () => {
    await (await open('http://localhost:8080')).close()
    await (await open('http://localhost:8080')).close()
    const refused = await open('http://localhost:18700').then(() => null, (e: unknown) => e)
    expect(refused).toBeInstanceOf(OriginMismatchError)
    expect((refused as Error).message).toContain('http://localhost:8080')
    expect((refused as Error).message).toContain('http://localhost:18700')
    expect((refused as Error).message).toMatch(/DATA_DIR/)
    // the refusal released the store: the recorded origin still opens it
    await (await open('http://localhost:8080')).close()
  })

  test('a store from before the record adopts the origin of its local listings', async () => {
    const store = await open('https://old.example')
    await store.db.collection('instance').deleteMany({})
    await store.db.collection('listings').insertOne({ id: 'https://old.example/orgs/a', origin: 'https://old.example', slug: 'a', provenance: { via: 'local' } })
    await store.db.collection('listings').insertOne({ id: 'https://peer.example/orgs/b', origin: 'https://peer.example', slug: 'b', provenance: { via: 'delivery' } })
    await store.close()
    await expect(open('https://new.example')).rejects.toThrow(/belongs to the instance https:\/\/old\.example/)
    await (await open('https://old.example')).close()
  })
})
