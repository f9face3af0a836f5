/**
 * Import from a Murmurations index (issue 13, Build 3): against a local
 * index that follows the index API and co-ops' hosts serving their
 * profiles, one walk mirrors each posted profile (id = its profile_url,
 * origin = its host, via 'import'); a second walk, after a profile changed
 * and its last_updated moved, refreshes it and asks only for what changed;
 * a deleted node's mirror goes; a profile failing the schema is reported
 * and not stored; one whose primary_url is a held listing's website is not
 * mirrored twice. Past 10,000 results the walk goes through /v2/export.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import request from 'supertest'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { startFakeIndex, type FakeIndex } from '../support/murmurations-index'
import { walkNodes } from '../../src/exchange/murmurations-index/nodes-walk'
import { parseAllowList } from '../../src/federation/net/address-policy'
import { nodeId } from '../../src/exchange/murmurations-index/node-id'
import { DocumentListingStore } from '../../src/storage/document-listing-store'

interface Host { url: string; profiles: Map<string, { status: number; body: unknown }>; close(): void }

/** Co-ops' own sites, each serving its profile as plain JSON. */
async function profileHost(): Promise<Host> {
  const profiles = new Map<string, { status: number; body: unknown }>()
  const server = http.createServer((req, res) => {
    const found = profiles.get(req.url ?? '')
    res.writeHead(found?.status ?? 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(found?.body ?? { error: 'not here' }))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, profiles, close: () => { server.closeAllConnections(); server.close() } }
}

const profile = (name: string, extra: Record<string, unknown> = {}) => ({ linked_schemas: ['organizations_schema-v1.0.0'], name, ...extra })

let index: FakeIndex
let host: Host
let inst: TestInstance
const walk = () => {
  const schedule = inst.tejido.murmurations.importing
  if (!schedule) throw new Error('no index walk composed')
  return schedule.runOnce()
}
const post = async (path: string) => (await fetch(`${index.url}/v2/nodes-sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile_url: `${host.url}${path}` }) })).json()
const mirrored = (path: string) => new DocumentListingStore(inst.tejido.store.db).byId(`${host.url}${path}`)

beforeAll(async () => {
  ;[index, host] = await Promise.all([startFakeIndex(), profileHost()])
  // plain http: supertest's agent keeps no Secure cookie (the operator page)
  inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test', ALLOW_PRIVATE_ADDRESSES: '127.0.0.1', MURMURATIONS_IMPORT_URL: index.url, MURMURATIONS_IMPORT_INTERVAL: '1h' })
  // the walks run when the tests say, not on the schedule's timers
  await inst.tejido.murmurations.importing?.stop()
  expect((await inst.tejido.listings.create(sampleListing({ slug: 'held', name: 'Held Here', contact: { website: 'https://held.example' } }))).ok).toBe(true)
  host.profiles.set('/a.json', { status: 200, body: profile('Cooperativa A', { primary_url: 'https://coop-a.example', description: 'Hosting <b>and</b> mail.', tags: ['Web hosting', 'solidarity'], geolocation: { lat: 40.4, lon: -3.7 }, country_iso_3166: 'ES' }) })
  host.profiles.set('/b.json', { status: 200, body: profile('Colectivo B', { primary_url: 'https://b.example' }) })
  host.profiles.set('/bad.json', { status: 200, body: profile('Soon Broken', { primary_url: 'https://bad.example' }) })
  host.profiles.set('/dup.json', { status: 200, body: profile('Held Elsewhere', { primary_url: 'https://www.held.example/' }) })
  for (const p of ['/a.json', '/b.json', '/bad.json', '/dup.json']) expect(await post(p)).toMatchObject({ data: { status: 'posted' } })
  // changed at its host after the index validated it: the walk fetches it fresh and refuses it
  host.profiles.set('/bad.json', { status: 200, body: profile('Soon Broken', { geolocation: { lat: 91, lon: 0 } }) })
})
afterAll(async () => {
  await inst.close()
  await index.close()
  host.close()
})

test('a walk mirrors each valid profile with its provenance, refuses an invalid one and skips a co-op held already', async () => {
  const report = await walk()
  expect(report).toMatchObject({ created: 2, updated: 0, removed: 0, refused: 1, duplicates: 1 })
  expect(report.refusals).toEqual([{ profileUrl: `${host.url}/bad.json`, message: expect.stringMatching(/^not a valid organizations profile: \/geolocation\/lat must be <= 90/) }])
  expect(report.duplicateOf).toEqual([{ profileUrl: `${host.url}/dup.json`, listing: 'http://tejido.test/orgs/held' }])
  expect(await mirrored('/bad.json')).toBeNull()
  expect(await mirrored('/dup.json')).toBeNull()
  const a = await mirrored('/a.json')
  expect(a).toMatchObject({
    id: `${host.url}/a.json`, origin: host.url, moderation: 'approved', slug: `cooperativa-a-${nodeId(`${host.url}/a.json`).slice(0, 6)}`,
    name: 'Cooperativa A', summary: '<p>Hosting &lt;b&gt;and&lt;/b&gt; mail.</p>', services: ['web-hosting'], tags: ['solidarity'],
    location: [{ country: 'ES', latitude: 40.4, longitude: -3.7 }], contact: { website: 'https://coop-a.example' },
    externalIds: { murmurations: 'https://coop-a.example' }, // the profile's own identifier, as a file's (its id is the profile_url)
    provenance: { origin: host.url, via: 'import' }
  })
  // a mirror whose origin is no ActivityPub peer still shows: its profile, the search, the operator's list
  const page = await request(inst.tejido.app).get(`/profile?id=${encodeURIComponent(`${host.url}/a.json`)}`).expect(200)
  expect(page.text).toContain('Cooperativa A')
  const found = await request(inst.tejido.app).get('/api/search?q=Cooperativa').expect(200)
  expect(found.body.hits).toEqual(expect.arrayContaining([expect.objectContaining({ origin: host.url, name: 'Cooperativa A', stale: false })]))
  await request(inst.tejido.app).get(`/api/listings?origin=${encodeURIComponent(host.url)}`).set(inst.auth).expect(200).expect((res) => expect(res.body.total).toBe(2))
})

test('a second walk asks from the last last_updated, refreshes what moved and removes a deleted node', async () => {
  index.clock.now += 100
  host.profiles.set('/a.json', { status: 200, body: profile('Cooperativa A Renovada', { primary_url: 'https://coop-a.example' }) })
  await post('/a.json')
  host.profiles.delete('/b.json')
  expect((await fetch(`${index.url}/v2/nodes/${nodeId(`${host.url}/b.json`)}`, { method: 'DELETE' })).status).toBe(200)
  const before = index.calls.length
  const report = await walk()
  expect(report).toMatchObject({ created: 0, updated: 1, removed: 1 })
  expect(index.calls.slice(before)[0]).toMatch(/^GET \/v2\/nodes\?schema=organizations_schema-v1\.0\.0&page_size=500&page=1&last_updated=1700000000$/)
  const a = await mirrored('/a.json')
  expect(a).toMatchObject({ name: 'Cooperativa A Renovada', updated: new Date(1_700_000_100 * 1000) })
  expect(a?.location).toBeUndefined() // the profile's fields replace the mirror's whole
  expect(await mirrored('/b.json')).toBeNull()
  // nothing moved since: only A (at the boundary, asked "at or after") comes again, unchanged and not fetched
  const again = await walk()
  expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1, removed: 0, refused: 0 })
  // the operator sees the last walk
  const op = request.agent(inst.tejido.app)
  const signIn = await op.get('/operators').expect(200)
  await op.post('/operators/sign-in').type('form').send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] ?? '', token: ADMIN_TOKEN }).expect(303)
  const page = await op.get('/operators/murmurations').expect(200)
  expect(page.text).toContain(`Mirrored from ${index.url}, every 60 min`)
  expect(page.text).toContain('<p class="murmurations-import">Last run: 0 new, 0 refreshed, 0 removed, 0 refused, 0 already held.</p>')
  expect(page.text).toContain('No index is set: MURMURATIONS_INDEX_URL is empty')
  // the mirror on the operator's listings: its origin's host, its origin's to change
  const mine = await op.get('/operators/listings?scope=mirrored').expect(200)
  expect(mine.text).toMatch(new RegExp(`Cooperativa A Renovada</a>.*\n<td>[^<]+</td><td>${new URL(host.url).host}</td>`))
  expect(mine.text).toContain(`href="/profile?id=${encodeURIComponent(`${host.url}/a.json`)}"`)
})

test('past 10,000 results the walk goes through /v2/export and still sees every node once', async () => {
  const big = await startFakeIndex()
  try {
    for (let i = 0; i < 10_050; i++) {
      const url = `https://n${i}.example/profile.json`
      big.nodes.set(nodeId(url), { node_id: nodeId(url), profile_url: url, status: 'posted', last_updated: 1000 + i, linked_schemas: ['organizations_schema-v1.0.0'], tags: i % 2 ? ['odd'] : ['even'] })
    }
    const policy = { allow: parseAllowList(['127.0.0.1']), timeoutMs: 5000, maxBytes: 4 << 20, maxRedirects: 0, userAgent: 'test' }
    const seen: string[] = []
    for await (const node of walkNodes({ indexUrl: big.url, schema: 'organizations_schema-v1.0.0', tags: [] }, policy)) seen.push(node.profile_url)
    expect(new Set(seen).size).toBe(10_050)
    expect(big.calls.filter((c) => c === 'POST /v2/export').length).toBe(22) // 21 pages of 500 or fewer, then the empty one
  } finally {
    await big.close()
  }
})
