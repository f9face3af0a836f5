/**
 * A logo is checked as an image of bounded size (federation/net/fetch-image.ts)
 * against a real local HTTP server, fetched through the guarded path:
 * loopback only because the policy allows it here, a PNG kept, a body past
 * 512 KB, an HTML page, an SVG, bytes that lie about their type and a 404 refused.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { checkLogo, MAX_LOGO_BYTES } from '../../src/federation/net/fetch-image'
import { parseAllowList } from '../../src/federation/net/address-policy'
import type { FetchPolicy } from '../../src/federation/net/safe-fetch'
import { logoChecker } from '../../src/http/site/form/logo'
import { formErrors } from '../../src/http/site/form/errors'

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)])
let server: http.Server
let base = ''
let bytesSentForBig = 0
/** What the endless logo would send if it were read to its end. */
const ENDLESS = 256 * 1024 * 1024

beforeAll(async () => {
  server = http.createServer((req, res) => {
    switch (req.url) {
      case '/logo.png': return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
      case '/moved.png': return res.writeHead(302, { location: '/logo.png' }).end()
      case '/broken-redirect.png': return res.writeHead(302, { location: 'http://[' }).end()
      case '/big.png': {
        // streamed, as an endless logo would be: the check stops reading past the cap, and the server sees the connection close
        res.writeHead(200, { 'content-type': 'image/png' })
        const chunk = Buffer.concat([PNG, Buffer.alloc(64 * 1024)])
        let sent = 0
        let closed = false
        res.on('close', () => {
          closed = true
          bytesSentForBig = sent
        })
        const more = (): void => {
          if (closed) return
          if (sent >= ENDLESS) return void res.end()
          sent += chunk.length
          if (res.write(chunk)) setImmediate(more)
          else res.once('drain', more)
        }
        return more()
      }
      case '/page.html': return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<html>not a logo</html>')
      case '/logo.svg': return res.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')
      case '/fake.png': return res.writeHead(200, { 'content-type': 'image/png' }).end('<html>a page that says it is a PNG</html>')
      default: return res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((done) => server.close(done))
})

const policy = (allow: string[] = ['127.0.0.1']): FetchPolicy => ({ allow: parseAllowList(allow), timeoutMs: 5000, maxBytes: 1024 * 1024, maxRedirects: 3, userAgent: 'tejido-test' })

test('a PNG is kept, after a redirect too', async () => {
  expect(await checkLogo(`${base}/logo.png`, policy())).toEqual({ ok: true, value: { url: `${base}/logo.png`, type: 'image/png' } })
  expect(await checkLogo(`${base}/moved.png`, policy())).toMatchObject({ ok: true, value: { url: `${base}/logo.png` } })
})

test('a redirect to no URL at all is refused as unreachable, not a crash', async () => {
  expect(await checkLogo(`${base}/broken-redirect.png`, policy())).toMatchObject({ ok: false, error: { kind: 'unreachable' } })
})

test('a logo past 512 KB is refused, and reading stops near the cap', async () => {
  expect(await checkLogo(`${base}/big.png`, policy())).toEqual({ ok: false, error: { kind: 'too-big' } })
  while (bytesSentForBig === 0) await new Promise((r) => setTimeout(r, 5)) // until the server sees the connection close
  expect(bytesSentForBig).toBeGreaterThan(MAX_LOGO_BYTES)
  expect(bytesSentForBig).toBeLessThan(ENDLESS / 8) // the server was not read to its end
})

test.each([
  ['an HTML page', '/page.html', 'not-image'],
  ['an SVG (it can carry script)', '/logo.svg', 'not-image'],
  ['bytes that are not the type they claim', '/fake.png', 'not-image'],
  ['a 404', '/missing.png', 'unreachable']
])('%s is refused', async (_label, path, kind) => {
  expect(await checkLogo(`${base}${path}`, policy())).toMatchObject({ ok: false, error: { kind } })
})

test('loopback is refused unless the policy allows it', async () => {
  expect(await checkLogo(`${base}/logo.png`, policy([]))).toMatchObject({ ok: false, error: { kind: 'unreachable' } })
})

test('the form says why, in the reader\'s words, at the logo field', async () => {
  const check = logoChecker(policy())
  expect(await check(`${base}/logo.png`)).toBeNull()
  const errors = await Promise.all(['/big.png', '/page.html', '/missing.png'].map((p) => check(`${base}${p}`)))
  expect(errors.map((e) => formErrors(e ? [e] : []))).toEqual([{ icon: 'join.logoTooBig' }, { icon: 'join.logoNotImage' }, { icon: 'join.logoUnreachable' }])
})
