/**
 * Operator sessions and CSRF (issue 9, point 7): sessions are bound to the
 * ADMIN_TOKEN they signed in with, CSRF tokens to the browser's cookies and
 * a server secret, cookies are __Host- and Secure on an https instance
 * behind a proxy, and the sign-in limiter counts each client (IPv6 by /64)
 * without being reset by a flood of other addresses.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import pino from 'pino'
import request from 'supertest'
import { loadConfig } from '../../src/config/config'
import { compose, type Tejido } from '../../src/composition/compose'

const TOKEN_A = 'first-admin-token-0123456789'
const TOKEN_B = 'second-admin-token-0123456789'

async function open(dataDir: string, env: Record<string, string>): Promise<Tejido> {
  return compose(loadConfig({ PUBLIC_URL: 'https://tejido.test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env }), pino({ level: 'silent' }))
}

interface Browser { cookies: Map<string, string>; csrf: string }

/** Keeps the cookies an answer sets, as a browser would. */
function keep(browser: Browser, setCookie: string[] | string | undefined): void {
  for (const line of [setCookie ?? []].flat()) {
    const [pair] = line.split(';')
    const [name, value] = (pair as string).split('=') as [string, string]
    if (value) browser.cookies.set(name, value)
    else browser.cookies.delete(name)
  }
}
const cookieHeader = (b: Browser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

async function visit(app: Tejido['app'], url: string, browser: Browser = { cookies: new Map(), csrf: '' }, xff?: string): Promise<Browser> {
  const res = await request(app).get(url).set('Cookie', cookieHeader(browser)).set(xff ? { 'X-Forwarded-For': xff } : {})
  keep(browser, res.headers['set-cookie'])
  browser.csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? browser.csrf
  return browser
}

async function post(app: Tejido['app'], url: string, browser: Browser, fields: Record<string, string>, xff?: string) {
  const res = await request(app).post(url).type('form').set('Cookie', cookieHeader(browser)).set(xff ? { 'X-Forwarded-For': xff } : {}).send({ _csrf: browser.csrf, ...fields })
  keep(browser, res.headers['set-cookie'])
  return res
}

describe('operator sessions and CSRF', () => {
  let dataDir: string
  let tejido: Tejido | undefined
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-sessions-'))))
  afterEach(async () => {
    await tejido?.close()
    tejido = undefined
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('rotating ADMIN_TOKEN signs every operator out', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const browser = await visit(tejido.app, '/operators')
    expect((await post(tejido.app, '/operators/sign-in', browser, { token: TOKEN_A })).status).toBe(303)
    expect((await request(tejido.app).get('/operators/queue').set('Cookie', cookieHeader(browser))).status).toBe(200)
    await tejido.close()
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_B })
    const after = await request(tejido.app).get('/operators/queue').set('Cookie', cookieHeader(browser))
    expect(after.status).toBe(303)
    expect(after.headers.location).toBe('/operators')
  })

  test('a cookie and field pair chosen by an attacker is refused', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const name = [...(await visit(tejido.app, '/operators')).cookies.keys()].find((n) => n.includes('csrf')) as string
    const forged: Browser = { cookies: new Map([[name, 'attacker-chosen-value']]), csrf: 'attacker-chosen-value' }
    const res = await post(tejido.app, '/operators/sign-in', forged, { token: TOKEN_A })
    expect(res.status).toBe(403)
    // the token of one browser is no good with another browser's cookie
    const mine = await visit(tejido.app, '/operators')
    const theirs = await visit(tejido.app, '/operators')
    expect((await post(tejido.app, '/operators/sign-in', { cookies: theirs.cookies, csrf: mine.csrf }, { token: TOKEN_A })).status).toBe(403)
    expect((await post(tejido.app, '/operators/sign-in', mine, { token: TOKEN_A })).status).toBe(303)
  })

  test('a form token is bound to the session: signing in makes the old token useless', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const browser = await visit(tejido.app, '/operators')
    const before = browser.csrf
    expect((await post(tejido.app, '/operators/sign-in', browser, { token: TOKEN_A })).status).toBe(303)
    await visit(tejido.app, '/operators/queue', browser)
    expect(browser.csrf).not.toBe(before)
    expect((await post(tejido.app, '/operators/sign-out', { ...browser, csrf: before }, {})).status).toBe(403)
  })

  test('https instance behind a proxy: __Host- Secure cookies and HSTS although the request came over http', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const res = await request(tejido.app).get('/operators').set('X-Forwarded-For', '203.0.113.9')
    const cookies = [res.headers['set-cookie'] ?? []].flat()
    expect(cookies.some((c) => /^__Host-tejido_csrf=[^;]+;.*Path=\/.*Secure/i.test(c) && !/Domain=/i.test(c))).toBe(true)
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/)
  })

  test('an http instance (development): plain cookie names and no HSTS', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A, PUBLIC_URL: 'http://localhost:8080' })
    const res = await request(tejido.app).get('/operators')
    expect([res.headers['set-cookie'] ?? []].flat().some((c) => c.startsWith('tejido_csrf=') && !/Secure/i.test(c))).toBe(true)
    expect(res.headers['strict-transport-security']).toBeUndefined()
  })
})

describe('the sign-in limiter', () => {
  let dataDir: string
  let tejido: Tejido
  beforeEach(() => (dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-limiter-'))))
  afterEach(async () => {
    await tejido.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  async function failures(xff: string, n: number, browser?: Browser): Promise<number[]> {
    const b = browser ?? (await visit(tejido.app, '/operators', undefined, xff))
    const statuses: number[] = []
    for (let i = 0; i < n; i++) statuses.push((await post(tejido.app, '/operators/sign-in', b, { token: `wrong-${i}` }, xff)).status)
    return statuses
  }

  async function editorFailures(xff: string, n: number): Promise<number[]> {
    const b = await visit(tejido.app, '/editors', undefined, xff)
    const statuses: number[] = []
    for (let i = 0; i < n; i++) statuses.push((await post(tejido.app, '/editors/sign-in', b, { email: 'nobody@example.org', password: `wrong-${i}` }, xff)).status)
    return statuses
  }

  test('behind two proxies (TRUST_PROXY=2), each client behind them has its own count', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A, TRUST_PROXY: '2' })
    // the edge proxy (10.0.0.1) forwards to the local one, which connects over loopback
    expect(await failures('203.0.113.7, 10.0.0.1', 6)).toEqual([401, 401, 401, 401, 401, 429])
    expect(await failures('198.51.100.4, 10.0.0.1', 1)).toEqual([401])
  })

  test('the editors\' sign-in counts the same way: per client, IPv6 by /64', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const statuses: number[] = []
    for (let i = 1; i <= 6; i++) statuses.push(...(await editorFailures(`2001:db8:5:6::${i.toString(16)}`, 1)))
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect(await editorFailures('2001:db8:5:7::1', 1)).toEqual([401])
    expect(await editorFailures('203.0.113.8', 1)).toEqual([401])
  })

  test('five failures from one client behind the proxy do not lock out another', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    expect(await failures('203.0.113.7', 6)).toEqual([401, 401, 401, 401, 401, 429])
    expect(await failures('198.51.100.4', 1)).toEqual([401])
  })

  test('IPv6 clients of one /64 share a count', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const statuses: number[] = []
    for (let i = 1; i <= 6; i++) statuses.push(...(await failures(`2001:db8:1:2::${i.toString(16)}`, 1)))
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
    expect(await failures('2001:db8:1:3::1', 1)).toEqual([401])
  })

  test('forwarded addresses from a proxy that is not trusted do not split the count', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A, TRUST_PROXY: 'uniquelocal' })
    const browser = await visit(tejido.app, '/operators')
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await post(tejido.app, '/operators/sign-in', browser, { token: 'wrong' }, `192.0.2.${i + 1}`)).status)
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429])
  })

  test('filling the table with other addresses does not reset a client', async () => {
    tejido = await open(dataDir, { ADMIN_TOKEN: TOKEN_A })
    const server: Server = tejido.app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    try {
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
      const browser = await visit(tejido.app, '/operators', undefined, '203.0.113.50')
      expect(await failures('203.0.113.50', 5, browser)).toEqual([401, 401, 401, 401, 401])
      // 10,050 other clients, one failure each (more than the old table held)
      const body = new URLSearchParams({ _csrf: browser.csrf, token: 'wrong' }).toString()
      let next = 0
      const worker = async () => {
        while (next < 10050) {
          const i = next++
          await fetch(`${base}/operators/sign-in`, {
            method: 'POST', redirect: 'manual', body,
            headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(browser), 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }
          }).then((r) => r.arrayBuffer())
        }
      }
      await Promise.all(Array.from({ length: 16 }, worker))
      expect(await failures('203.0.113.50', 1, browser)).toEqual([429])
    } finally {
      await new Promise((r) => server.close(r))
    }
  }, 120000)
})
