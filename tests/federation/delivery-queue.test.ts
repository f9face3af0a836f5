import crypto from 'node:crypto'
import http from 'node:http'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { DeliveryQueue } from '../../src/federation/delivery/queue'
import { retryDelay, isRetryable, shouldRetry } from '../../src/federation/delivery/backoff'
import { signRequest, digestMatches } from '../../src/federation/signatures/http-signature'
import { parseAllowList } from '../../src/federation/net/address-policy'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { freePort } from '../support/process'
import { waitFor } from '../support/wait'

const key = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })

interface Inbox { url: string; received: Array<{ body: string; signed: boolean; digestOk: boolean }>; close: () => void }

async function inbox(reply: (n: number, req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<Inbox> {
  const received: Inbox['received'] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      received.push({ body: body.toString(), signed: String(req.headers.signature ?? '').includes('keyId="https://tejido.test/actor#main-key"'), digestOk: digestMatches(String(req.headers.digest), body) })
      reply(received.length, req, res)
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/inbox`, received, close: () => { server.closeAllConnections(); server.close() } }
}

describe('delivery backoff', () => {
  test('doubles from 1 s to 12 h with jitter; gives up after three days; retries only what may succeed', () => {
    expect(retryDelay(1, () => 0.5)).toBe(1000)
    expect(retryDelay(2, () => 0.5)).toBe(2000)
    expect(retryDelay(10, () => 0.5)).toBe(512000)
    expect(retryDelay(40, () => 0.5)).toBe(12 * 3600 * 1000)
    expect(retryDelay(3, () => 0)).toBe(3200)
    expect(retryDelay(3, () => 1)).toBe(4800)
    expect(shouldRetry(new Date(0), new Date(2 * 24 * 3600 * 1000))).toBe(true)
    expect(shouldRetry(new Date(0), new Date(4 * 24 * 3600 * 1000))).toBe(false)
    expect([500, 502, 429, 408, null].map(isRetryable)).toEqual([true, true, true, true, true])
    expect([400, 401, 403, 404, 410].map(isRetryable)).toEqual([false, false, false, false, false])
  })
})

describe('delivery queue', () => {
  let dir: string
  let client: EmbeddedClient
  let queue: DeliveryQueue
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-delivery-'))
    client = await new EmbeddedClient(dir).connect()
    queue = new DeliveryQueue({
      db: client.db(),
      policy: { allow: parseAllowList(['127.0.0.1']), timeoutMs: 1500, maxBytes: 1 << 20, maxRedirects: 0, userAgent: 'test' },
      signerFor: async (actor) => (req) => signRequest(req, { keyId: `${actor}#main-key`, privateKeyPem: key.privateKey }),
      logger: pino({ level: 'silent' }),
      perHost: 2
    })
    await queue.init()
    queue.start()
  })
  afterEach(async () => {
    await queue.stop()
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('delivers signed activities; a dead and a slow peer never delay a healthy one', async () => {
    const healthy = await inbox((_n, _req, res) => res.writeHead(202).end())
    const slow = await inbox(() => undefined) // never answers
    const dead = `http://127.0.0.1:${await freePort()}/inbox`
    try {
      await queue.enqueue('https://tejido.test/actor', { id: 'x', type: 'Create' }, [slow.url, dead])
      for (let i = 0; i < 40; i++) await queue.enqueue('https://tejido.test/actor', { id: `a${i}`, type: 'Update' }, [healthy.url])
      await waitFor(() => healthy.received.length === 40, 'the healthy inbox to receive everything', 10000)
      expect(healthy.received.every((r) => r.signed && r.digestOk)).toBe(true)
      const healthyHost = new URL(healthy.url).host
      // The inbox sees a request before the queue has recorded its answer: wait for both.
      const status = await waitFor(async () => {
        const s = (await queue.statusByHost())[healthyHost]
        return s?.delivered === 40 && s
      }, 'the queue to record 40 deliveries')
      expect(status).toMatchObject({ queued: 0, delivered: 40 })
      // The dead peer's delivery is kept for a retry, not lost.
      const deadStatus = await waitFor(async () => (await queue.statusByHost())[new URL(dead).host]?.failing === 1 && (await queue.statusByHost())[new URL(dead).host], 'the dead peer to be marked failing')
      expect(deadStatus.queued).toBe(1)
      expect(deadStatus.lastError).toMatch(/ECONNREFUSED/)
    } finally {
      healthy.close()
      slow.close()
    }
  })

  test('a 5xx is retried until it succeeds; a 4xx is dropped', async () => {
    const flaky = await inbox((n, _req, res) => res.writeHead(n < 3 ? 503 : 202).end())
    const gone = await inbox((_n, _req, res) => res.writeHead(410).end())
    try {
      await queue.enqueue('https://tejido.test/actor', { id: 'f', type: 'Update' }, [flaky.url, gone.url])
      await waitFor(async () => (await queue.pending()) === 0, 'the queue to drain', 15000)
      expect(flaky.received).toHaveLength(3)
      expect(gone.received).toHaveLength(1)
      const status = await queue.statusByHost()
      expect(status[new URL(flaky.url).host]).toMatchObject({ delivered: 1, dropped: 0 })
      expect(status[new URL(gone.url).host]).toMatchObject({ delivered: 0, dropped: 1, lastError: 'HTTP 410' })
    } finally {
      flaky.close()
      gone.close()
    }
  })

  test('a delivery leased by a process that died is delivered once its lease expires', async () => {
    const target = await inbox((_n, _req, res) => res.writeHead(202).end())
    try {
      const jobs = client.db().collection('deliveries')
      const now = Date.now()
      await jobs.insertOne({ id: 'orphan', inbox: target.url, host: new URL(target.url).host, signer: 'https://tejido.test/actor', body: '{"id":"o"}', attempts: 0, created: new Date(now), nextAttempt: new Date(now), leaseUntil: new Date(now + 300) })
      queue.wake()
      await waitFor(() => target.received.length === 1, 'the orphaned delivery', 10000)
      await waitFor(async () => (await queue.pending()) === 0, 'the orphan to be removed')
    } finally {
      target.close()
    }
  })

  test('refused addresses are dropped, never sent', async () => {
    await queue.enqueue('https://tejido.test/actor', { id: 'r' }, ['http://169.254.169.254/inbox', 'not a url'])
    await waitFor(async () => (await queue.pending()) === 0, 'refused deliveries to be dropped')
    expect((await queue.statusByHost())['169.254.169.254']).toMatchObject({ dropped: 1 })
  })
})
