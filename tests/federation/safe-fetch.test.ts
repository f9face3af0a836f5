import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fetchActivityJson, type FetchPolicy } from '../../src/federation/net/safe-fetch'
import { parseAllowList, isPublicAddress, mayConnect } from '../../src/federation/net/address-policy'

type Handler = (req: http.IncomingMessage, res: http.ServerResponse, base: string) => void

async function serve(handler: Handler): Promise<{ base: string; port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => handler(req, res, base))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  const base = `http://127.0.0.1:${port}`
  return { base, port, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()) }) }
}

const policy = (allow: string[], extra: Partial<FetchPolicy> = {}): FetchPolicy => ({
  allow: parseAllowList(allow), timeoutMs: 2000, maxBytes: 1024 * 1024, maxRedirects: 3, userAgent: 'tejido-test', ...extra
})

const AP = 'application/activity+json'

describe('address policy', () => {
  test.each([
    ['8.8.8.8', true], ['2606:4700:4700::1111', true],
    ['127.0.0.1', false], ['::1', false], ['10.0.0.1', false], ['172.16.5.4', false], ['192.168.1.1', false],
    ['169.254.169.254', false], ['100.64.0.1', false], ['0.0.0.0', false], ['::ffff:127.0.0.1', false],
    ['fd00::1', false], ['fe80::1', false], ['224.0.0.1', false], ['not-an-ip', false]
  ])('%s is public: %s', (ip, expected) => {
    expect(isPublicAddress(ip)).toBe(expected)
  })

  test('the allow-list admits hosts, host:port and CIDRs, nothing else', () => {
    const allow = parseAllowList(['localhost:8081', '10.1.0.0/16', 'peer.internal'])
    expect(mayConnect('127.0.0.1', 'localhost', 8081, allow)).toBe(true)
    expect(mayConnect('127.0.0.1', 'localhost', 8082, allow)).toBe(false)
    expect(mayConnect('10.1.2.3', 'x', 80, allow)).toBe(true)
    expect(mayConnect('10.2.0.1', 'x', 80, allow)).toBe(false)
    expect(mayConnect('192.168.0.9', 'peer.internal', 443, allow)).toBe(true)
  })
})

describe('safe fetch', () => {
  test('fetches an ActivityPub document from an allowed host', async () => {
    const srv = await serve((req, res, base) => res.writeHead(200, { 'content-type': AP }).end(JSON.stringify({ id: `${base}${req.url}`, type: 'Note' })))
    try {
      const r = await fetchActivityJson(`${srv.base}/o/1`, policy(['127.0.0.1']))
      expect(r).toEqual({ ok: true, value: { url: `${srv.base}/o/1`, document: { id: `${srv.base}/o/1`, type: 'Note' } } })
    } finally {
      await srv.close()
    }
  })

  // None of these is ever connected to: the address is refused before any packet is sent.
  test.each([
    'http://127.0.0.1:27017/actor', 'http://localhost/actor', 'http://[::1]/actor', 'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.1/actor', 'http://2130706433/actor', 'https://127.0.0.1/actor', 'http://0x7f.1/actor', 'http://[::ffff:127.0.0.1]/actor'
  ])('refuses %s when it is not allowed', async (url) => {
    const r = await fetchActivityJson(url, policy([]))
    expect(r.ok).toBe(false)
    expect(!r.ok && r.error.kind).toBe('refused')
  })

  test.each(['ftp://example.com/x', 'https://user:pw@example.com/x', 'not a url'])('refuses %s', async (url) => {
    expect((await fetchActivityJson(url, policy([]))).ok).toBe(false)
  })

  test('a redirect to loopback is refused when loopback is not allowed', async () => {
    const target = await serve((req, res, base) => res.writeHead(200, { 'content-type': AP }).end(JSON.stringify({ id: `${base}${req.url}` })))
    const redirector = await serve((_req, res) => res.writeHead(302, { location: `http://localhost:${target.port}/o/1` }).end())
    try {
      const r = await fetchActivityJson(`${redirector.base}/o/1`, policy([`127.0.0.1:${redirector.port}`]))
      expect(!r.ok && r.error).toMatchObject({ kind: 'refused', url: `http://localhost:${target.port}/o/1` })
    } finally {
      await redirector.close()
      await target.close()
    }
  })

  test('follows at most three redirects', async () => {
    const srv = await serve((req, res, base) => {
      const n = Number(req.url?.slice(1))
      if (n < 10) res.writeHead(301, { location: `${base}/${n + 1}` }).end()
      else res.writeHead(200, { 'content-type': AP }).end(JSON.stringify({ id: `${base}${req.url}` }))
    })
    try {
      expect((await fetchActivityJson(`${srv.base}/7`, policy(['127.0.0.1']))).ok).toBe(true) // 7→8→9→10
      const r = await fetchActivityJson(`${srv.base}/1`, policy(['127.0.0.1']))
      expect(!r.ok && 'reason' in r.error && r.error.reason).toMatch(/more than 3 redirects/)
    } finally {
      await srv.close()
    }
  })

  test.each([
    ['a wrong content type', (res: http.ServerResponse, base: string) => res.writeHead(200, { 'content-type': 'text/html' }).end(JSON.stringify({ id: `${base}/o/1` })), /content type/],
    ['an id that differs from the URL', (res: http.ServerResponse) => res.writeHead(200, { 'content-type': AP }).end(JSON.stringify({ id: 'https://victim.example/users/alice' })), /differs from its URL/],
    ['a body that is not JSON', (res: http.ServerResponse) => res.writeHead(200, { 'content-type': AP }).end('{'), /not JSON/],
    ['a JSON array', (res: http.ServerResponse) => res.writeHead(200, { 'content-type': AP }).end('[]'), /not a JSON object/],
    ['a body over the cap', (res: http.ServerResponse, base: string) => res.writeHead(200, { 'content-type': AP }).end(JSON.stringify({ id: `${base}/o/1`, pad: 'x'.repeat(5000) })), /larger than/]
  ])('refuses %s', async (_label, reply, reason) => {
    const srv = await serve((_req, res, base) => reply(res, base))
    try {
      const r = await fetchActivityJson(`${srv.base}/o/1`, policy(['127.0.0.1'], { maxBytes: 4096 }))
      expect(r.ok).toBe(false)
      expect(!r.ok && 'reason' in r.error && r.error.reason).toMatch(reason)
    } finally {
      await srv.close()
    }
  })

  test('gives up on a peer that does not answer in time', async () => {
    const srv = await serve(() => undefined) // accepts, never answers
    try {
      const r = await fetchActivityJson(`${srv.base}/o/1`, policy(['127.0.0.1'], { timeoutMs: 200 }))
      expect(!r.ok && r.error.kind).toBe('unreachable')
    } finally {
      await srv.close()
    }
  })

  test('HTTP errors are reported with their status', async () => {
    const srv = await serve((_req, res) => res.writeHead(410).end())
    try {
      expect(await fetchActivityJson(`${srv.base}/o/1`, policy(['127.0.0.1']))).toMatchObject({ ok: false, error: { kind: 'http', status: 410 } })
    } finally {
      await srv.close()
    }
  })
})
