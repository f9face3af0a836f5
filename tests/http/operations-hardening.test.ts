/**
 * Issue 9, point 10: an absolute-form request target with a bad port is no
 * 500; /metrics needs METRICS_TOKEN, or a client on this machine; the GeoJSON
 * of a search comes in pages with a `next` link, so no call is unbounded.
 */
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

const METRICS_TOKEN = 'metrics-token-0123456789abcdef'

/** Sends one raw request line (fetch cannot send an absolute-form target) and reads the status. */
async function rawStatus(server: Server, target: string): Promise<number> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAccept: text/html\r\n\r\n`))
    let head = ''
    socket.on('data', (d: Buffer) => (head += d.toString('latin1')))
    socket.on('end', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)))
    socket.on('error', reject)
  })
}

describe('absolute-form request targets', () => {
  let inst: TestInstance
  let server: Server
  beforeAll(async () => {
    inst = await composeInstance()
    server = inst.tejido.app.listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
  })
  afterAll(async () => {
    await new Promise((r) => server.close(r))
    await inst.close()
  })

  test.each(['http://x:99999/', 'http://x:99999/join', 'http://x:99999/operators', 'http://x:99999/editors', 'http://[::1/?lang=es'])('%s is answered without a server error', async (target) => {
    const status = await rawStatus(server, target)
    expect(status).toBeGreaterThanOrEqual(200)
    expect(status).toBeLessThan(500)
  })
})

describe('/metrics', () => {
  test('without METRICS_TOKEN: a client on this machine gets them, one forwarded by a proxy does not', async () => {
    const inst = await composeInstance()
    try {
      expect((await request(inst.tejido.app).get('/metrics')).status).toBe(200)
      const forwarded = await request(inst.tejido.app).get('/metrics').set('X-Forwarded-For', '203.0.113.5')
      expect(forwarded.status).toBe(403)
      expect(forwarded.text).not.toContain('tejido_http_requests_total')
    } finally {
      await inst.close()
    }
  })

  test('with METRICS_TOKEN: the bearer token is required, from anywhere', async () => {
    const inst = await composeInstance({ METRICS_TOKEN })
    try {
      expect((await request(inst.tejido.app).get('/metrics')).status).toBe(401)
      expect((await request(inst.tejido.app).get('/metrics').set('Authorization', 'Bearer wrong-token-0123456789')).status).toBe(401)
      const ok = await request(inst.tejido.app).get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).set('X-Forwarded-For', '203.0.113.5')
      expect(ok.status).toBe(200)
      expect(ok.text).toContain('tejido_http_requests_total')
    } finally {
      await inst.close()
    }
  })
})

describe('/api/search.geojson pages', () => {
  let inst: TestInstance
  beforeAll(async () => {
    inst = await composeInstance()
    for (let i = 0; i < 30; i++) {
      const places = [{ name: `A${i}`, latitude: 10 + i * 0.1, longitude: 20 }, { name: `B${i}`, latitude: -10 - i * 0.1, longitude: -20 }]
      expect((await inst.tejido.listings.create(sampleListing({ slug: `geo-${i}`, location: places }))).ok).toBe(true)
    }
  })
  afterAll(() => inst.close())

  test('at most a page of features per call, and `next` walks every one exactly once', async () => {
    const seen: string[] = []
    let url: string | undefined = '/api/search.geojson?limit=7&service[]=web-hosting'
    let calls = 0
    while (url && calls++ < 20) {
      const res = await request(inst.tejido.app).get(url).expect(200)
      const page = JSON.parse(res.text) as { features: Array<{ properties: { slug: string; place: string } }>; links?: Array<{ rel: string; href: string }> }
      expect(page.features.length).toBeLessThanOrEqual(7)
      seen.push(...page.features.map((f) => `${f.properties.slug}/${f.properties.place}`))
      const next = page.links?.find((l) => l.rel === 'next')?.href
      if (next) expect(res.headers.link).toBe(`<${next}>; rel="next"`)
      url = next
    }
    expect(seen).toHaveLength(60)
    expect(new Set(seen).size).toBe(60)
  })

  test('a call cannot ask for more than a page (1,000 features)', async () => {
    const res = await request(inst.tejido.app).get('/api/search.geojson?limit=20000')
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('limit')
  })
})
