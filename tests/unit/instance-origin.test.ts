/** A store is tied to the origin it was made under (DESIGN: Operations). */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openStore } from '../../src/composition/store'
import { OriginMismatchError } from '../../src/composition/instance-origin'
import pino from 'pino'
import { compose } from '../../src/composition/compose'
import { loadConfig } from '../../src/config/config'

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

  /** A store as it was before the record: the record removed, documents written raw. */
  async function olderStore(docs: { listings?: object[]; actorKeys?: object[] }): Promise<void> {
    const store = await open('https://whatever.example')
    await store.db.collection('instance').deleteMany({})
    for (const [name, items] of Object.entries(docs)) for (const doc of items) await store.db.collection(name).insertOne({ ...doc })
    await store.close()
  }

  test('a store from before, whose local listings disagree, adopts the current PUBLIC_URL', async () => {
    await olderStore({ listings: [
      { id: 'https://a.example/orgs/a', origin: 'https://a.example', slug: 'a', provenance: { via: 'local' } },
      { id: 'https://b.example/orgs/b', origin: 'https://b.example', slug: 'b', provenance: { via: 'local' } }
    ] })
    await (await open('https://c.example')).close()
    await expect(open('https://a.example')).rejects.toThrow(/belongs to the instance https:\/\/c\.example/)
  })

  test('a store from before with no local listing adopts the origin of its instance actor\'s key', async () => {
    await olderStore({ actorKeys: [
      { owner: 'http://localhost:8080/actor', publicKeyPem: 'x', privateKeyPem: 'y', created: new Date() },
      { owner: 'https://peer.example/orgs/x', publicKeyPem: 'x', privateKeyPem: 'y', created: new Date() }
    ] })
    await expect(open('http://localhost:18700')).rejects.toThrow(/belongs to the instance http:\/\/localhost:8080, but PUBLIC_URL \(or PORT\) now says http:\/\/localhost:18700/)
  })

  test('compose refuses a DATA_DIR made under another PUBLIC_URL, naming both, and leaves it usable', async () => {
    const env = (publicUrl: string) => loadConfig({ PUBLIC_URL: publicUrl, DATA_DIR: dataDir, LOG_LEVEL: 'silent' })
    const silent = pino({ level: 'silent' })
    await (await compose(env('https://first.example'), silent)).close()
    const refused = await compose(env('https://second.example'), silent).then(async (t) => { await t.close(); return null }, (e: unknown) => e)
    expect(refused).toBeInstanceOf(OriginMismatchError)
    expect((refused as Error).message).toBe(
      'This store belongs to the instance https://first.example, but PUBLIC_URL (or PORT) now says https://second.example. ' +
      'An instance\'s identity is its origin: its listings, keys and peers are all built from it. ' +
      'Start with PUBLIC_URL=https://first.example (and the PORT it used), or use another DATA_DIR (or MONGODB_URL database) for https://second.example.'
    )
    await (await compose(env('https://first.example'), silent)).close()
  })
})
