/** Editor links (password reset, change of address): single use, expiring on the caller's clock, stored only as hashes. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { EditorTokenStore } from '../../src/storage/editor-token-store'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { TOKEN_LIFETIME_MS } from '../../src/directory/editor-tokens'

const reset = { purpose: 'password-reset' as const, email: 'ana@coop.example', listingId: 'https://tejido.test/orgs/ana' }
const change = { purpose: 'email-change' as const, email: 'ana@coop.example', listingId: 'https://tejido.test/orgs/ana', newEmail: 'nueva@coop.example' }
const HOUR = 3_600_000

describe('editor tokens', () => {
  let dir: string
  let client: EmbeddedClient
  let store: EditorTokenStore
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-editor-tokens-'))
    client = await new EmbeddedClient(dir).connect()
    store = new EditorTokenStore(client.db())
    await store.init()
  })
  afterEach(async () => {
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a token can be looked at any number of times, and taken once', async () => {
    const token = await store.issue(reset, 0)
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(await store.peek(token, 'password-reset', 1000)).toEqual(reset)
    expect(await store.peek(token, 'password-reset', 2000)).toEqual(reset)
    expect(await store.take(token, 'password-reset', 3000)).toEqual(reset)
    expect(await store.take(token, 'password-reset', 3000)).toBeNull()
    expect(await store.peek(token, 'password-reset', 3000)).toBeNull()
  })

  test('a reset link works for an hour, a change of address for a day, on the injected clock', async () => {
    expect(TOKEN_LIFETIME_MS['password-reset']).toBe(HOUR)
    const a = await store.issue(reset, 0)
    expect(await store.peek(a, 'password-reset', HOUR - 1)).toEqual(reset)
    expect(await store.peek(a, 'password-reset', HOUR)).toBeNull()
    expect(await store.take(a, 'password-reset', HOUR + 1)).toBeNull()
    const b = await store.issue(change, 0)
    expect(await store.take(b, 'email-change', 23 * HOUR)).toEqual(change)
    const c = await store.issue(change, 0)
    expect(await store.take(c, 'email-change', 24 * HOUR)).toBeNull()
  })

  test('a token is good only for its purpose', async () => {
    const token = await store.issue(reset, 0)
    expect(await store.take(token, 'email-change', 1)).toBeNull()
    expect(await store.take(token, 'password-reset', 1)).toEqual(reset)
  })

  test('only the SHA-256 of the token is stored, never the token', async () => {
    const token = await store.issue(reset, 0)
    const docs = await client.db().collection('editor_tokens').find({}).toArray()
    expect(docs).toHaveLength(1)
    expect(JSON.stringify(docs)).not.toContain(token)
    expect(docs[0]?.tokenHash).toBe(crypto.createHash('sha256').update(token).digest('hex'))
  })

  test('malformed and unknown tokens give nothing', async () => {
    await store.issue(reset, 0)
    for (const bad of ['', 'short', '<script>', 'A'.repeat(43), 'A'.repeat(44)]) expect(await store.take(bad, 'password-reset', 1)).toBeNull()
  })

  test('live counts the unexpired links of an address; revoking burns all of an account, or of a listing', async () => {
    const t1 = await store.issue(reset, 0)
    await store.issue({ ...reset, email: 'ANA@coop.example' }, 10)
    const other = await store.issue({ ...reset, email: 'otra@coop.example', listingId: 'https://tejido.test/orgs/otra' }, 10)
    expect(await store.live('ana@coop.example', 'password-reset', 20)).toBe(2)
    expect(await store.live('ana@coop.example', 'password-reset', HOUR + 5)).toBe(1)
    await store.revokeFor('Ana@Coop.example')
    expect(await store.peek(t1, 'password-reset', 20)).toBeNull()
    expect(await store.live('ana@coop.example', 'password-reset', 20)).toBe(0)
    expect(await store.peek(other, 'password-reset', 20)).not.toBeNull()
    await store.revokeForListing('https://tejido.test/orgs/otra')
    expect(await store.peek(other, 'password-reset', 20)).toBeNull()
  })
})

describe('editor accounts: password and address changes', () => {
  let dir: string
  let client: EmbeddedClient
  let accounts: EditorAccountStore
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-editor-accounts-'))
    client = await new EmbeddedClient(dir).connect()
    accounts = new EditorAccountStore(client.db())
    await accounts.init()
  })
  afterEach(async () => {
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a new password replaces the old one; an unknown address changes nothing', async () => {
    await accounts.create('ana@coop.example', 'the-first-password', 'L1')
    expect(await accounts.setPassword('ANA@coop.example', 'the-second-password')).toBe(true)
    expect(await accounts.check('ana@coop.example', 'the-first-password')).toBeNull()
    expect((await accounts.check('ana@coop.example', 'the-second-password'))?.listingId).toBe('L1')
    expect(await accounts.setPassword('nobody@coop.example', 'whatever-password')).toBe(false)
  })

  test('an address moves once; a taken address or a stale one changes nothing', async () => {
    await accounts.create('ana@coop.example', 'the-first-password', 'L1')
    await accounts.create('bea@coop.example', 'the-other-password', 'L2')
    expect(await accounts.changeEmail('ana@coop.example', 'bea@coop.example', 'L1')).toBe('taken')
    expect(await accounts.changeEmail('ana@coop.example', 'ana@new.example', 'L2')).toBe('gone')
    expect(await accounts.changeEmail('ana@coop.example', 'Ana@New.example', 'L1')).toBe('changed')
    expect(await accounts.listingOf('ana@new.example')).toBe('L1')
    expect(await accounts.listingOf('ana@coop.example')).toBeNull()
    expect((await accounts.ofListing('L1'))?.email).toBe('ana@new.example')
    expect(await accounts.changeEmail('ana@coop.example', 'x@new.example', 'L1')).toBe('gone')
    expect(await accounts.ofListing('L3')).toBeNull()
  })
})
