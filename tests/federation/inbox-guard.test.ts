/**
 * The inbox guard against real keys served over HTTP by a "remote" actor
 * server on loopback (allowed explicitly), with real signatures. Every refused
 * request leaves the handler uncalled.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import express from 'express'
import request from 'supertest'
import pino from 'pino'
import { inboxGuard, type VerifiedInbound } from '../../src/federation/inbox/guard'
import { ReplayGuard } from '../../src/federation/inbox/replay-guard'
import { RateLimiter } from '../../src/federation/inbox/rate-limiter'
import { RemoteKeyResolver } from '../../src/federation/signatures/key-resolver'
import { signRequest, signingString, digestOf } from '../../src/federation/signatures/http-signature'
import { parseAllowList } from '../../src/federation/net/address-policy'
import { problemHandler } from '../../src/http/problem'
import { inboxRoute } from '../../src/http/activitypub/inboxes'
import { EmbeddedClient } from '../../src/storage/embedded/client'

const pair = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
const alice = pair()
const eve = pair()

let remote: http.Server
let base = ''
let dataDir = ''
let client: EmbeddedClient
let handled: VerifiedInbound[] = []
let app: express.Express
let limiter: RateLimiter

const aliceId = () => `${base}/users/alice`

beforeAll(async () => {
  remote = http.createServer((req, res) => {
    // Documents name themselves by the host they were asked for (127.0.0.1 or localhost).
    const here = `http://${req.headers.host}`
    const docs: Record<string, unknown> = {
      '/users/alice': { id: `${here}/users/alice`, type: 'Person', inbox: `${here}/users/alice/inbox`, publicKey: { id: `${here}/users/alice#main-key`, owner: `${here}/users/alice`, publicKeyPem: alice.publicKey } },
      // A key document that claims to belong to alice but is eve's key.
      '/keys/eve': { id: `${base}/keys/eve`, owner: `${base}/users/eve`, publicKeyPem: eve.publicKey },
      '/users/eve': { id: `${base}/users/eve`, type: 'Person', publicKey: { id: `${base}/users/eve#main-key`, owner: aliceId(), publicKeyPem: eve.publicKey } }
    }
    const doc = docs[req.url ?? '']
    if (!doc) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify(doc))
  })
  await new Promise<void>((r) => remote.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(remote.address() as AddressInfo).port}`
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-inbox-'))
  client = await new EmbeddedClient(dataDir).connect()
  const db = client.db()
  const keys = new RemoteKeyResolver(db, { allow: parseAllowList(['127.0.0.1', 'localhost']), timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3, userAgent: 'test' })
  await keys.init()
  const replay = new ReplayGuard(db)
  await replay.init()
  limiter = new RateLimiter(6000, 1000)
  app = express()
  app.post('/actor/inbox', ...inboxRoute(inboxGuard({ keys, replay, limiter: { take: (k: string) => limiter.take(k) } as RateLimiter }, async (inbound) => { handled.push(inbound); return undefined })))
  app.use(problemHandler(pino({ level: 'silent' })))
})

afterAll(async () => {
  await client.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
  remote.closeAllConnections()
  remote.close()
})

beforeEach(() => {
  handled = []
})

let n = 0
const activity = (extra: Record<string, unknown> = {}) => JSON.stringify({ id: `${aliceId()}/activities/${++n}`, type: 'Follow', actor: aliceId(), object: 'https://b.example/actor', ...extra })

function signedHeaders(body: string, opts: { keyId?: string; key?: string; now?: Date } = {}) {
  return signRequest({ method: 'POST', url: new URL('https://tejido.test/actor/inbox'), headers: { 'content-type': 'application/activity+json' }, body },
    { keyId: opts.keyId ?? `${aliceId()}#main-key`, privateKeyPem: opts.key ?? alice.privateKey }, opts.now)
}

function post(body: string | Buffer, headers: Record<string, string>) {
  let req = request(app).post('/actor/inbox')
  for (const [k, v] of Object.entries(headers)) if (k !== 'host') req = req.set(k, v)
  return req.set('host', 'tejido.test').send(body)
}

describe('inbox guard', () => {
  test('a signed activity from its actor reaches the handler once', async () => {
    const body = activity()
    const headers = signedHeaders(body)
    const res = await post(body, headers)
    expect(res.status).toBe(202)
    expect(handled).toHaveLength(1)
    expect(handled[0]?.sender).toEqual({ keyId: `${aliceId()}#main-key`, owner: aliceId() })
    expect(handled[0]?.activity.type).toBe('Follow')
    // The same activity again (a replay, even re-signed): accepted, no second effect.
    expect((await post(body, signedHeaders(body))).status).toBe(202)
    expect(handled).toHaveLength(1)
  })

  test.each(['unset', 'development', 'production', 'test'])('an unsigned POST is refused with NODE_ENV %s', async (env) => {
    const saved = process.env.NODE_ENV
    if (env === 'unset') delete process.env.NODE_ENV
    else process.env.NODE_ENV = env
    try {
      const res = await post(activity(), { 'content-type': 'application/activity+json', date: new Date().toUTCString() })
      expect(res.status).toBe(401)
      expect(res.type).toBe('application/problem+json')
    } finally {
      process.env.NODE_ENV = saved
    }
    expect(handled).toEqual([])
  })

  const hours = (h: number) => new Date(Date.now() + h * 3600 * 1000)
  test.each<[string, () => [string | Buffer, Record<string, string>], number]>([
    ['a signature that omits digest', () => {
      const body = activity()
      const headers: Record<string, string> = { host: 'tejido.test', date: new Date().toUTCString(), digest: digestOf(body), 'content-type': 'application/activity+json' }
      const data = signingString('POST', '/actor/inbox', ['(request-target)', 'host', 'date'], (k) => headers[k])
      const sig = crypto.sign('sha256', Buffer.from(data.ok ? data.value : ''), alice.privateKey).toString('base64')
      return [body, { ...headers, signature: `keyId="${aliceId()}#main-key",algorithm="rsa-sha256",headers="(request-target) host date",signature="${sig}"` }]
    }, 401],
    ['a Digest that does not match', () => { const body = activity(); return [body.replace('Follow', 'Block'), signedHeaders(body)] }, 401],
    ['a Date 2 h old', () => { const body = activity(); return [body, signedHeaders(body, { now: hours(-2) })] }, 401],
    ['a Date 2 h ahead', () => { const body = activity(); return [body, signedHeaders(body, { now: hours(2) })] }, 401],
    ['an unparseable Date', () => { const body = activity(); return [body, { ...signedHeaders(body), date: 'not a date' }] }, 401],
    // The key resolves (localhost is allowed here) but belongs to another origin than the actor.
    ['a keyId on a different host from the actor', () => { const body = activity(); return [body, signedHeaders(body, { keyId: `http://localhost:${new URL(base).port}/users/alice#main-key` })] }, 403],
    ['a key document claiming another actor\'s id', () => { const body = activity(); return [body, signedHeaders(body, { keyId: `${base}/users/eve#main-key`, key: eve.privateKey })] }, 401],
    ['a key owned by someone else than the actor', () => { const body = activity(); return [body, signedHeaders(body, { keyId: `${base}/keys/eve`, key: eve.privateKey })] }, 403],
    ['a 2 MB body', () => { const body = activity({ pad: 'x'.repeat(2 * 1024 * 1024) }); return [body, signedHeaders(body)] }, 413],
    ['JSON nested 10,000 deep', () => { const body = `{"id":"${aliceId()}/activities/deep","type":"Create","actor":"${aliceId()}","object":${'['.repeat(10000)}${']'.repeat(10000)}}`; return [body, signedHeaders(body)] }, 400],
    ['type missing', () => { const body = activity({ type: undefined }); return [body, signedHeaders(body)] }, 400],
    ['type as an array', () => { const body = activity({ type: ['Follow', 'Create'] }); return [body, signedHeaders(body)] }, 400],
    ['a body that is not JSON', () => { const body = '{"type":'; return [body, signedHeaders(body)] }, 400]
  ])('refuses %s', async (_label, make, status) => {
    const [body, headers] = make()
    const res = await post(body, headers)
    expect(res.status).toBe(status)
    expect(res.type).toBe('application/problem+json')
    expect(handled).toEqual([])
  })

  test('a flood from one host gets 429, other hosts are still served', async () => {
    const original = limiter
    limiter = new RateLimiter(60, 3)
    try {
      const statuses: number[] = []
      for (let i = 0; i < 5; i++) {
        const body = activity()
        statuses.push((await post(body, signedHeaders(body))).status)
      }
      expect(statuses.slice(0, 3)).toEqual([202, 202, 202])
      expect(statuses.slice(3)).toEqual([429, 429])
      expect(limiter.take('other.example')).toBe(0)
    } finally {
      limiter = original
    }
  })
})
