/** Applications waiting for their address: single-use tokens that expire, stored only as hashes. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { JoinConfirmationStore } from '../../src/storage/join-confirmation-store'
import { CONFIRM_WITHIN_MS } from '../../src/directory/join-confirmations'

const prepared = { listing: { slug: 'mare', name: 'Maré' }, email: 'mare@coop.example', passwordHash: 'scrypt$x', applicant: 'a1' }

describe('join confirmations', () => {
  let dir: string
  let client: EmbeddedClient
  let store: JoinConfirmationStore
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-confirm-'))
    client = await new EmbeddedClient(dir).connect()
    store = new JoinConfirmationStore(client.db())
    await store.init()
  })
  afterEach(async () => {
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a token gives its application back once', async () => {
    const token = await store.hold(prepared, 0)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await store.take(token, 1000)).toEqual(prepared)
    expect(await store.take(token, 1000)).toBeNull()
  })

  test('a token past its 48 hours gives nothing', async () => {
    const token = await store.hold(prepared, 0)
    expect(await store.take(token, CONFIRM_WITHIN_MS + 1)).toBeNull()
  })

  test('the token itself is never stored', async () => {
    const token = await store.hold(prepared, 0)
    const docs = await client.db().collection('join_confirmations').find({}).toArray()
    expect(JSON.stringify(docs)).not.toContain(token)
  })
})
