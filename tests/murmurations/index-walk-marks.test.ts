/**
 * What an index walk leaves behind (issue 13, review 9 and 10), under a
 * clock the test holds: the mark the next walk asks from never passes a
 * node whose profile could not be fetched (its host down), so it is
 * mirrored once its host is back; a full walk removes the mirrors this
 * source holds that the index no longer lists (purged, or out of the tags
 * asked for), and never a federation mirror, another source's mirror or
 * anything when the walk failed.
 */
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import { startFakeIndex, type FakeIndex } from '../support/murmurations-index'
import { importFromIndex, type IndexImportDeps } from '../../src/exchange/murmurations-index/index-import'
import { ImportStateStore, sourceKey } from '../../src/exchange/murmurations-index/import-state'
import { nodeId } from '../../src/exchange/murmurations-index/node-id'
import { MirrorService } from '../../src/directory/mirror-service'
import { DirectoryEvents } from '../../src/directory/events'
import { parseAllowList } from '../../src/federation/net/address-policy'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import type { ListingInput } from '../../src/directory/listing'

const SCHEMA = 'organizations_schema-v1.0.0'
const HOUR = 3600 * 1000

let dir: string
let client: EmbeddedClient
let index: FakeIndex
let hostServer: http.Server
let hostUrl: string
const profiles = new Map<string, { status: number; body: unknown }>()
let clock: Date
let deps: IndexImportDeps
let store: DocumentListingStore
let state: ImportStateStore
const options = () => ({ indexUrl: index.url, schema: SCHEMA, tags: ['coop'] })
const walk = () => importFromIndex(deps, options())
const later = (ms: number) => (clock = new Date(clock.getTime() + ms))
const url = (p: string) => `${hostUrl}${p}`
const listNode = (p: string, lastUpdated: number, tags = ['coop']) => index.nodes.set(nodeId(url(p)), { node_id: nodeId(url(p)), profile_url: url(p), status: 'posted', last_updated: lastUpdated, linked_schemas: [SCHEMA], tags })
const serve = (p: string, name: string) => profiles.set(p, { status: 200, body: { linked_schemas: [SCHEMA], name, primary_url: `https://${name.toLowerCase()}.example` } })

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-walk-'))
  client = await new EmbeddedClient(dir).connect()
  store = new DocumentListingStore(client.db())
  await store.init()
  state = new ImportStateStore(client.db())
  await state.init()
  index = await startFakeIndex()
  hostServer = http.createServer((req, res) => {
    const found = profiles.get(req.url ?? '')
    res.writeHead(found?.status ?? 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(found?.body ?? { error: 'not here' }))
  })
  await new Promise<void>((r) => hostServer.listen(0, '127.0.0.1', r))
  hostUrl = `http://127.0.0.1:${(hostServer.address() as AddressInfo).port}`
  clock = new Date('2026-12-04T12:00:00Z')
  const policy = { allow: parseAllowList(['127.0.0.1']), timeoutMs: 5000, maxBytes: 1 << 20, maxRedirects: 0, userAgent: 'test' }
  deps = { mirrors: new MirrorService(store, new DirectoryEvents(() => undefined), () => clock), store, state, policy, localOrigin: 'https://tejido.test', now: () => clock }
})
afterAll(async () => {
  hostServer.closeAllConnections()
  hostServer.close()
  await index.close()
  await client.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('a node whose host is down holds the mark back; the next walk mirrors it', async () => {
  serve('/b.json', 'Beta')
  profiles.set('/a.json', { status: 503, body: { error: 'down' } })
  listNode('/a.json', 1000)
  listNode('/b.json', 1001)
  const first = await walk()
  expect(first).toMatchObject({ created: 1, refused: 1 })
  expect(first.refusals).toEqual([{ profileUrl: url('/a.json'), message: expect.stringMatching(/^the profile could not be fetched/) }])
  // B (1001) was mirrored, but the next walk asks from A's 1000
  expect((await state.get(sourceKey(index.url, SCHEMA, ['coop'])))?.since).toBe(1000)
  serve('/a.json', 'Alfa')
  later(HOUR)
  const second = await walk()
  expect(second).toMatchObject({ created: 1, unchanged: 1, refused: 0 })
  expect(await store.byId(url('/a.json'))).toMatchObject({ name: 'Alfa', externalIds: { murmurations: 'https://alfa.example' } })
  expect((await state.get(sourceKey(index.url, SCHEMA, ['coop'])))?.since).toBe(1001)
})

test('a full walk removes this source\'s mirrors the index no longer lists, and nothing else', async () => {
  const listing = (slug: string): ListingInput => ({ slug, name: slug, kind: 'other' }) as ListingInput
  // a federation mirror, and a mirror another source of the same index holds
  expect((await deps.mirrors.apply({ origin: 'https://peer.example', id: 'https://peer.example/orgs/fed', listing: listing('fed'), via: 'delivery', moderation: 'approved' })).ok).toBe(true)
  expect((await deps.mirrors.apply({ origin: 'https://other.example', id: 'https://other.example/c.json', listing: listing('other-c'), via: 'import', moderation: 'approved' })).ok).toBe(true)
  await state.own(sourceKey(index.url, SCHEMA, ['other']), 'https://other.example/c.json')
  // B is purged from the index; A leaves the tags asked for
  index.nodes.delete(nodeId(url('/b.json')))
  listNode('/a.json', 1000, ['elsewhere'])
  later(HOUR)
  expect(await walk()).toMatchObject({ removed: 0 }) // not a full walk: nothing swept
  expect(await store.byId(url('/b.json'))).not.toBeNull()
  // a full walk that fails sweeps nothing
  later(25 * HOUR)
  index.failNext('/v2/nodes', { status: 503 })
  expect(await walk()).toMatchObject({ removed: 0, error: expect.stringMatching(/HTTP 503/) })
  expect(await store.byId(url('/a.json'))).not.toBeNull()
  // the next is still full, and sweeps
  const full = await walk()
  expect(full).toMatchObject({ removed: 2 })
  expect(await store.byId(url('/a.json'))).toBeNull()
  expect(await store.byId(url('/b.json'))).toBeNull()
  expect(await store.byId('https://peer.example/orgs/fed')).not.toBeNull()
  expect(await store.byId('https://other.example/c.json')).not.toBeNull()
  expect(await state.ownedBy(sourceKey(index.url, SCHEMA, ['coop']))).toEqual([])
})
