import crypto from 'node:crypto'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { signRequest, signRequestOffThread, signingString, parseSignatureHeader, digestOf } from '../../src/federation/signatures/http-signature'
import { verifyRequest, type SignedRequest } from '../../src/federation/signatures/verify-request'
import { keyFromDocument, RemoteKeyResolver, type KeyResolver, type PublicKeyInfo } from '../../src/federation/signatures/key-resolver'
import { parseAllowList } from '../../src/federation/net/address-policy'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { ok, err } from '../../src/directory/result'

const pair = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
const alice = pair()
const mallory = pair()
const ACTOR = 'https://a.example/users/alice'
const KEY_ID = `${ACTOR}#main-key`
const INBOX = new URL('https://b.example/actor/inbox')

function resolverOf(keys: Record<string, PublicKeyInfo>, refreshed: Record<string, PublicKeyInfo> = {}): KeyResolver {
  return {
    resolve: async (keyId, options) => {
      const found = (options?.refresh ? refreshed[keyId] : undefined) ?? keys[keyId]
      return found ? ok(found) : err(`unknown key ${keyId}`)
    }
  }
}
const aliceKey: PublicKeyInfo = { keyId: KEY_ID, owner: ACTOR, publicKeyPem: alice.publicKey }

function asRequest(headers: Record<string, string>, body: string, target = '/actor/inbox'): SignedRequest {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]))
  return { method: 'POST', target, header: (n) => lower[n], body: Buffer.from(body) }
}

function signed(body: string, opts: { privateKeyPem?: string; now?: Date; keyId?: string } = {}) {
  return signRequest({ method: 'POST', url: INBOX, headers: { 'content-type': 'application/activity+json' }, body },
    { keyId: opts.keyId ?? KEY_ID, privateKeyPem: opts.privateKeyPem ?? alice.privateKey }, opts.now)
}

/** Signs with an explicit header order, as other servers do. */
function signedWithOrder(body: string, names: string[]): Record<string, string> {
  const headers: Record<string, string> = { host: INBOX.host, date: new Date().toUTCString(), digest: digestOf(body), 'content-type': 'application/activity+json' }
  const data = signingString('POST', INBOX.pathname, names, (n) => headers[n])
  if (!data.ok) throw new Error(data.error)
  const sig = crypto.sign('sha256', Buffer.from(data.value), alice.privateKey).toString('base64')
  return { ...headers, signature: `keyId="${KEY_ID}",algorithm="hs2019",headers="${names.join(' ')}",signature="${sig}"` }
}

const BODY = JSON.stringify({ id: 'https://a.example/activities/1', type: 'Follow', actor: ACTOR, object: 'https://b.example/actor' })

describe('HTTP signature verification', () => {
  test('a request signed by our signer verifies and names the owner', async () => {
    const r = await verifyRequest(asRequest(signed(BODY), BODY), resolverOf({ [KEY_ID]: aliceKey }))
    expect(r).toEqual({ ok: true, value: { keyId: KEY_ID, owner: ACTOR } })
  })

  test.each([
    ['Mastodon', ['(request-target)', 'host', 'date', 'digest', 'content-type']],
    ['Fedify', ['(request-target)', 'content-type', 'date', 'digest', 'host']]
  ])('the header set %s signs verifies', async (_name, order) => {
    expect((await verifyRequest(asRequest(signedWithOrder(BODY, order), BODY), resolverOf({ [KEY_ID]: aliceKey }))).ok).toBe(true)
  })

  test('the off-thread signer makes the same signature, and it verifies', async () => {
    const now = new Date()
    const key = { keyId: KEY_ID, privateKeyPem: crypto.createPrivateKey(alice.privateKey) }
    const req = { method: 'POST', url: INBOX, headers: { 'content-type': 'application/activity+json' }, body: BODY }
    const offThread = await signRequestOffThread(req, key, now)
    expect(offThread).toEqual(signRequest(req, key, now)) // RSA PKCS#1 v1.5 signatures are deterministic
    expect(await verifyRequest(asRequest(offThread, BODY), resolverOf({ [KEY_ID]: aliceKey }))).toEqual({ ok: true, value: { keyId: KEY_ID, owner: ACTOR } })
  })

  test('Authorization: Signature is accepted too', async () => {
    const headers = signed(BODY)
    const { signature, ...rest } = headers
    expect((await verifyRequest(asRequest({ ...rest, authorization: `Signature ${signature}` }, BODY), resolverOf({ [KEY_ID]: aliceKey }))).ok).toBe(true)
  })

  const hourAndMore = 60 * 60 * 1000 + 60 * 1000
  test.each<[string, () => SignedRequest, RegExp, number]>([
    ['no signature', () => asRequest({ date: new Date().toUTCString(), digest: digestOf(BODY), host: INBOX.host }, BODY), /signature is required/, 401],
    ['a signature that omits digest', () => asRequest(signedWithOrder(BODY, ['(request-target)', 'host', 'date']), BODY), /must cover digest/, 401],
    ['a Digest that does not match', () => asRequest(signed(BODY), BODY.replace('Follow', 'Delete')), /Digest/, 401],
    ['a Date 2 h old', () => asRequest(signed(BODY, { now: new Date(Date.now() - 2 * hourAndMore) }), BODY), /Date/, 401],
    ['a Date 2 h ahead', () => asRequest(signed(BODY, { now: new Date(Date.now() + 2 * hourAndMore) }), BODY), /Date/, 401],
    ['an unparseable Date', () => asRequest({ ...signed(BODY), date: 'yesterday-ish' }, BODY), /Date/, 401],
    ['a signature by another key', () => asRequest(signed(BODY, { privateKeyPem: mallory.privateKey }), BODY), /does not verify/, 403],
    ['a path other than the one signed', () => asRequest(signed(BODY), BODY, '/orgs/x/inbox'), /does not verify/, 403],
    ['an unknown key', () => asRequest(signed(BODY, { keyId: 'https://a.example/users/nobody#main-key' }), BODY), /could not be used/, 401],
    ['a malformed Signature header', () => asRequest({ ...signed(BODY), signature: 'keyId=nope' }, BODY), /malformed|needs keyId/, 401]
  ])('refuses %s', async (_label, make, reason, status) => {
    const r = await verifyRequest(make(), resolverOf({ [KEY_ID]: aliceKey }))
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.reason).toMatch(reason)
    expect(!r.ok && r.error.status).toBe(status)
  })

  test('a rotated key is fetched again once', async () => {
    const rotated = pair()
    const stale = resolverOf({ [KEY_ID]: aliceKey }, { [KEY_ID]: { ...aliceKey, publicKeyPem: rotated.publicKey } })
    expect((await verifyRequest(asRequest(signed(BODY, { privateKeyPem: rotated.privateKey }), BODY), stale)).ok).toBe(true)
  })

  test('parses the signature parameters', () => {
    expect(parseSignatureHeader('keyId="k",algorithm="rsa-sha256",headers="(request-target) host",signature="YWJj"')).toEqual({
      ok: true, value: { keyId: 'k', algorithm: 'rsa-sha256', headers: ['(request-target)', 'host'], signature: Buffer.from('abc') }
    })
  })
})

describe('keys from documents', () => {
  const pem = alice.publicKey
  test.each<[string, Record<string, unknown>, string, string | null]>([
    ['a fragment of the actor (Mastodon, apex)', { id: ACTOR, publicKey: { id: KEY_ID, owner: ACTOR, publicKeyPem: pem } }, KEY_ID, ACTOR],
    ['a key document with an owner', { id: 'https://a.example/keys/1', owner: ACTOR, publicKeyPem: pem }, 'https://a.example/keys/1', ACTOR],
    ['GoToSocial\'s /main-key stub actor', { id: ACTOR, publicKey: { id: `${ACTOR}/main-key`, owner: ACTOR, publicKeyPem: pem } }, `${ACTOR}/main-key`, ACTOR],
    ['an array of keys', { id: ACTOR, publicKey: [{ id: 'other', publicKeyPem: 'x' }, { id: KEY_ID, owner: ACTOR, publicKeyPem: pem }] }, KEY_ID, ACTOR],
    ['a key document claiming another actor\'s id', { id: ACTOR, publicKey: { id: KEY_ID, owner: 'https://a.example/users/bob', publicKeyPem: pem } }, KEY_ID, null],
    ['an owner on another origin', { id: 'https://a.example/keys/1', owner: 'https://c.example/users/carol', publicKeyPem: pem }, 'https://a.example/keys/1', null],
    ['a document without that key', { id: ACTOR, publicKey: { id: 'https://a.example/other#k', owner: ACTOR, publicKeyPem: pem } }, KEY_ID, null]
  ])('%s', (_label, document, keyId, owner) => {
    const r = keyFromDocument(document, keyId)
    expect(r.ok ? r.value.owner : null).toBe(owner)
  })
})

describe('remote key resolver', () => {
  test('fetches a key over HTTP (fragment and GoToSocial shapes), caches it, refreshes on request', async () => {
    let hits = 0
    let pem = alice.publicKey
    const server = http.createServer((req, res) => {
      hits++
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const actor = `${base}/users/alice`
      const body = req.url === '/users/alice' || req.url === '/users/alice/main-key'
        ? { id: actor, publicKey: { id: req.url === '/users/alice' ? `${actor}#main-key` : `${actor}/main-key`, owner: actor, publicKeyPem: pem } }
        : null
      if (!body) return res.writeHead(404).end()
      res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify(body))
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-keys-'))
    const client = await new EmbeddedClient(dir).connect()
    try {
      const keys = new RemoteKeyResolver(client.db(), {
        allow: parseAllowList(['127.0.0.1']), timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3, userAgent: 'test'
      })
      await keys.init()
      const fragment = await keys.resolve(`${base}/users/alice#main-key`)
      expect(fragment).toEqual({ ok: true, value: { keyId: `${base}/users/alice#main-key`, owner: `${base}/users/alice`, publicKeyPem: alice.publicKey } })
      const gts = await keys.resolve(`${base}/users/alice/main-key`)
      expect(gts.ok && gts.value.owner).toBe(`${base}/users/alice`)
      const before = hits
      await keys.resolve(`${base}/users/alice#main-key`)
      expect(hits).toBe(before) // cached
      pem = mallory.publicKey
      const refreshed = await keys.resolve(`${base}/users/alice#main-key`, { refresh: true })
      expect(refreshed.ok && refreshed.value.publicKeyPem).toBe(mallory.publicKey)
      expect((await keys.resolve('http://127.0.0.1:1/nope#k')).ok).toBe(false)
    } finally {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
      server.closeAllConnections()
      server.close()
    }
  })

  test('refuses key URLs on private addresses unless allowed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-keys-'))
    const client = await new EmbeddedClient(dir).connect()
    try {
      const keys = new RemoteKeyResolver(client.db(), { allow: parseAllowList([]), timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3, userAgent: 'test' })
      for (const keyId of ['http://127.0.0.1:27017/actor#k', 'http://localhost/actor#k', 'http://[::1]/a#k', 'http://169.254.169.254/a#k', 'http://10.0.0.1/a#k', 'http://2130706433/a#k']) {
        const r = await keys.resolve(keyId)
        expect(r.ok).toBe(false)
        expect(!r.ok && r.error).toMatch(/not a public address|plain http/)
      }
    } finally {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
