import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { discoverInstanceActor } from '../../src/federation/peers/discover'
import { parseAllowList } from '../../src/federation/net/address-policy'

type Routes = (base: string) => Record<string, { type: string; body: unknown }>

async function site(routes: Routes): Promise<{ base: string; close: () => void }> {
  let base = ''
  const server = http.createServer((req, res) => {
    const route = routes(base)[req.url ?? '']
    if (!route) return res.writeHead(404).end()
    res.writeHead(200, { 'content-type': route.type }).end(JSON.stringify(route.body))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { base, close: () => { server.closeAllConnections(); server.close() } }
}

const policy = { allow: parseAllowList(['127.0.0.1']), timeoutMs: 2000, maxBytes: 1 << 20, maxRedirects: 3, userAgent: 'test' }
const AP = 'application/activity+json'
const actor = (base: string, path = '/actor') => ({ type: AP, body: { id: `${base}${path}`, type: 'Application', inbox: `${base}${path}/inbox`, endpoints: { sharedInbox: `${base}/inbox` } } })

describe('discovering an instance actor', () => {
  test('from the site URL through NodeInfo (FEP-2677)', async () => {
    const s = await site((base) => ({
      '/.well-known/nodeinfo': { type: 'application/json', body: { links: [{ rel: 'https://www.w3.org/ns/activitystreams#Application', href: `${base}/instance` }] } },
      '/instance': actor(base, '/instance')
    }))
    try {
      expect(await discoverInstanceActor(s.base, policy)).toEqual({ ok: true, value: { origin: s.base, actorId: `${s.base}/instance`, inbox: `${s.base}/instance/inbox`, sharedInbox: `${s.base}/inbox`, type: 'Application' } })
    } finally {
      s.close()
    }
  })

  test('through WebFinger for the site URL (FEP-d556) when NodeInfo has no link', async () => {
    const s = await site((base) => ({
      '/.well-known/nodeinfo': { type: 'application/json', body: { links: [] } },
      [`/.well-known/webfinger?resource=${encodeURIComponent(`${base}/`)}`]: { type: 'application/jrd+json', body: { subject: `${base}/`, links: [{ rel: 'self', type: AP, href: `${base}/actor` }] } },
      '/actor': actor(base)
    }))
    try {
      const found = await discoverInstanceActor(s.base, policy)
      expect(found.ok && found.value.actorId).toBe(`${s.base}/actor`)
    } finally {
      s.close()
    }
  })

  test('from the actor URL itself', async () => {
    const s = await site((base) => ({ '/actor': actor(base) }))
    try {
      const found = await discoverInstanceActor(`${s.base}/actor`, policy)
      expect(found.ok && found.value.actorId).toBe(`${s.base}/actor`)
    } finally {
      s.close()
    }
  })

  test('refuses an actor whose inbox is on another origin, and says what was tried', async () => {
    const s = await site((base) => ({ '/actor': { type: AP, body: { id: `${base}/actor`, type: 'Application', inbox: 'https://elsewhere.example/inbox' } } }))
    try {
      const found = await discoverInstanceActor(`${s.base}/actor`, policy)
      expect(found.ok).toBe(false)
      expect(!found.ok && found.error).toMatch(/another origin/)
      expect(!found.ok && found.error).toMatch(/NodeInfo/)
    } finally {
      s.close()
    }
  })

  test('refuses private addresses that are not allowed', async () => {
    const found = await discoverInstanceActor('http://10.0.0.1/actor', { ...policy, allow: parseAllowList([]) })
    expect(!found.ok && found.error).toMatch(/not a public address/)
  })
})
