/**
 * The embedded search engine's parts against simple models: selection,
 * regions, the tokenizer, and the whole engine after a random history of
 * upserts, changes and removals (slots and regions reused, compacted).
 */
import { kthLargest } from '../../src/search/embedded/ranking'
import { Regions } from '../../src/search/embedded/regions'
import { tokenize, TermTable } from '../../src/search/embedded/term-table'
import { EmbeddedSearchIndex } from '../../src/search/embedded/engine'
import { DEFAULT_QUERY, type SearchQuery } from '../../src/search/query'
import { inBox } from '../../src/search/geo'
import type { Listing } from '../../src/directory/listing'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { SearchIndexer } from '../../src/search/indexer'
import { rng } from '../support/random'


test('kthLargest equals the k-th of a full sort, with and without duplicates', () => {
  const r = rng(1)
  for (let round = 0; round < 200; round++) {
    const n = 1 + Math.floor(r() * 300)
    const distinct = 1 + Math.floor(r() * (round % 2 ? 5 : 1000))
    const values = Float64Array.from({ length: n }, () => Math.floor(r() * distinct))
    const sorted = [...values].sort((a, b) => b - a)
    const k = 1 + Math.floor(r() * n)
    expect(kthLargest(values.slice(), k)).toBe(sorted[k - 1])
  }
})

test('regions keep each slot’s values through frees, reuse and compaction', () => {
  const r = rng(2)
  const regions = new Regions(['a', 'b'])
  const model = new Map<number, number[]>()
  for (let op = 0; op < 5000; op++) {
    const slot = Math.floor(r() * 200)
    if (r() < 0.3) {
      regions.free(slot)
      model.delete(slot)
    } else {
      const values = Array.from({ length: Math.floor(r() * 8) }, () => Math.floor(r() * 1e6))
      regions.set(slot, { a: values, b: values.map((v) => -v) })
      model.set(slot, values)
    }
  }
  let live = 0
  for (let slot = 0; slot < 200; slot++) {
    const expected = model.get(slot) ?? []
    live += expected.length
    const start = regions.start[slot] ?? 0
    const length = regions.length[slot] ?? 0
    expect(Array.from(regions.column('a').subarray(start, start + length))).toEqual(expected)
    expect(Array.from(regions.column('b').subarray(start, start + length))).toEqual(expected.map((v) => -v))
  }
  expect(regions.used).toBeLessThanOrEqual(Math.max(3 * live, 4096)) // garbage stays bounded
})

test('the tokenizer lower-cases, folds accents and keeps every script', () => {
  expect(tokenize('Ñandú CAFÉ-Bar, École 2026; Łódź; 東京 ünïcödé')).toEqual(['nandu', 'cafe', 'bar', 'ecole', '2026', 'lodz', '東京', 'unicode'])
  expect(tokenize('  ...  ')).toEqual([])
  const table = new TermTable(() => undefined)
  const ids: number[] = []
  table.words('Correo Seguro, correo SEGURO; Acción acción', (id) => ids.push(id))
  expect(ids.map((id) => table.terms[id])).toEqual(['correo', 'seguro', 'correo', 'seguro', 'accion', 'accion'])
  expect(table.get('accion')).toBe(ids[4])
})

describe('the engine after a random history equals a brute-force model', () => {
  const WORDS = ['alba', 'brisa', 'cedro', 'duna', 'eco', 'fuego', 'grano', 'hoja']
  const SERVICES = ['vpn', 'web-hosting', 'encrypted-email', 'mesh-networks']
  const r = rng(3)
  const model = new Map<string, Listing>()
  const index = new EmbeddedSearchIndex('https://t.test')

  function listing(i: number, version: number): Listing {
    const at = new Date(Date.UTC(2026, 0, 1) + Math.floor(r() * 1e9))
    const points = Array.from({ length: Math.floor(r() * 4) }, () => ({ latitude: r() * 120 - 60, longitude: r() * 340 - 170, country: ['MX', 'BR', 'ES', 'FR'][Math.floor(r() * 4)] as string }))
    return {
      slug: `l${i}`, name: `${WORDS[Math.floor(r() * WORDS.length)]} ${WORDS[Math.floor(r() * WORDS.length)]}`, kind: r() < 0.5 ? 'collective' : 'worker-coop',
      services: SERVICES.filter(() => r() < 0.4), languages: ['es', 'pt', 'fr'].filter(() => r() < 0.5), location: points,
      id: `https://t.test/orgs/l${i}`, origin: 'https://t.test', published: at, updated: at, moderation: 'approved', version,
      provenance: { origin: 'https://t.test', via: 'local', firstSeen: at, lastVerified: at }
    }
  }

  beforeAll(async () => {
    for (let op = 0; op < 3000; op++) {
      const i = Math.floor(r() * 400)
      const id = `https://t.test/orgs/l${i}`
      if (r() < 0.25) {
        model.delete(id)
        await index.remove(id)
      } else {
        const l = listing(i, op)
        model.set(id, l)
        await index.upsert(l)
      }
    }
  })

  const byUpdated = (a: Listing, b: Listing) => b.updated.getTime() - a.updated.getTime() || (a.id < b.id ? -1 : 1)
  const q = (over: Partial<SearchQuery>): SearchQuery => ({ ...DEFAULT_QUERY, perPage: 1000, ...over })

  test('count, order by last change and paging', async () => {
    expect(await index.count()).toBe(model.size)
    const expected = [...model.values()].sort(byUpdated).map((l) => l.id)
    expect((await index.search(q({ sort: 'updated' }))).hits.map((h) => h.id)).toEqual(expected)
    const page3 = await index.search(q({ sort: 'updated', perPage: 7, page: 3 }))
    expect(page3.hits.map((h) => h.id)).toEqual(expected.slice(14, 21))
  })

  test('words, facets and a box', async () => {
    const box = { minLng: -60, minLat: -30, maxLng: 30, maxLat: 50 }
    const r1 = await index.search(q({ q: 'cedro', service: ['vpn', 'mesh-networks'], bbox: box, sort: 'updated' }))
    const expected = [...model.values()]
      .filter((l) => l.name.split(' ').includes('cedro'))
      .filter((l) => l.services?.some((s) => s === 'vpn' || s === 'mesh-networks'))
      .filter((l) => (l.location ?? []).some((p) => inBox(p.latitude, p.longitude, box)))
      .sort(byUpdated)
    expect(r1.hits.map((h) => h.id)).toEqual(expected.map((l) => l.id))
    const countries: Record<string, number> = {}
    for (const l of expected) for (const c of new Set((l.location ?? []).map((p) => p.country as string))) countries[c] = (countries[c] ?? 0) + 1
    expect(r1.facets.country).toEqual(countries)
  })

  test('distance order', async () => {
    const near = { lat: 10, lng: 10 }
    const hits = (await index.search(q({ near, radius: 5000, sort: 'distance' }))).hits
    expect(hits.length).toBeGreaterThan(0)
    for (let i = 1; i < hits.length; i++) expect(hits[i]?.distanceKm as number).toBeGreaterThanOrEqual(hits[i - 1]?.distanceKm as number)
    for (const h of hits) expect(h.distanceKm).toBeLessThanOrEqual(5000)
  })
})

describe('snapshots', () => {
  const at = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 60000)
  const make = (i: number, version = 1, name = `Cooperativa ${i} cedro`): Listing => ({
    slug: `s${i}`, name, kind: 'collective', services: ['vpn'], languages: ['es'], summaryMap: { es: `<p>Resumen número ${i}</p>` },
    location: [{ latitude: i % 80, longitude: (i * 7) % 170, country: 'MX' }, { latitude: -(i % 60), longitude: -((i * 3) % 170) }],
    id: `https://t.test/orgs/s${i}`, origin: 'https://t.test', published: at(i), updated: at(i + version), moderation: 'approved', version,
    provenance: { origin: 'https://t.test', via: 'local', firstSeen: at(i), lastVerified: at(i + version) }
  })
  const queries: Array<Partial<SearchQuery>> = [
    { q: 'cedro' }, { q: 'cooperativa 1' }, { q: 'resumen' }, { service: ['vpn'], sort: 'updated' },
    { bbox: { minLng: -100, minLat: -40, maxLng: 100, maxLat: 40 } }, { near: { lat: 10, lng: 10 }, radius: 3000, sort: 'distance' }
  ]
  const q = (over: Partial<SearchQuery>): SearchQuery => ({ ...DEFAULT_QUERY, perPage: 50, ...over })
  const strip = (r: Awaited<ReturnType<EmbeddedSearchIndex['search']>>) => ({ ...r, tookMs: 0 })

  test('a restored index answers exactly as the original, and keeps working after changes', async () => {
    const original = new EmbeddedSearchIndex('https://t.test')
    for (let i = 0; i < 300; i++) await original.upsert(make(i))
    for (let i = 0; i < 300; i += 7) await original.remove(`https://t.test/orgs/s${i}`)
    for (let i = 1; i < 300; i += 11) await original.upsert(make(i, 2, `Renombrada ${i}`))
    const restored = new EmbeddedSearchIndex('https://t.test')
    expect(restored.restore(original.persist())).toBe(true)
    expect(await restored.count()).toBe(await original.count())
    for (const over of queries) expect(strip(await restored.search(q(over)))).toEqual(strip(await original.search(q(over))))
    for (const index of [original, restored]) {
      await index.upsert(make(1000, 1, 'Nueva cedro'))
      await index.remove('https://t.test/orgs/s1')
    }
    for (const over of queries) expect(strip(await restored.search(q(over)))).toEqual(strip(await original.search(q(over))))
    expect(restored.stamps()).toEqual(original.stamps())
  })

  test('bytes that are not a snapshot of this instance are refused, leaving an empty index', async () => {
    const index = new EmbeddedSearchIndex('https://t.test')
    await index.upsert(make(1))
    expect(index.restore(Buffer.from('not a snapshot'))).toBe(false)
    expect(await index.count()).toBe(0)
    const other = new EmbeddedSearchIndex('https://other.test')
    await other.upsert(make(2))
    expect(index.restore(other.persist())).toBe(false)
  })

  test('loading catches up with the store: changed, new, unpublished and deleted listings', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-snap-')), 'search-index.snapshot')
    const store = new Map<string, Listing>()
    const fake = { all: () => { throw new Error('not used') }, stamps: async () => [...store.values()], byId: async (id: string) => store.get(id) ?? null }
    const indexerOf = (index: EmbeddedSearchIndex) => new SearchIndexer(index, fake, pino({ level: 'silent' }))
    const before = new EmbeddedSearchIndex('https://t.test')
    for (let i = 0; i < 20; i++) await before.upsert(make(i))
    await indexerOf(before).save(file)
    // meanwhile, in the store: 3 changed, 5 deleted, 6 unpublished, one new
    for (let i = 0; i < 20; i++) store.set(`https://t.test/orgs/s${i}`, make(i))
    store.set('https://t.test/orgs/s3', make(3, 2, 'Cambiada'))
    store.delete('https://t.test/orgs/s5')
    store.set('https://t.test/orgs/s6', { ...make(6), moderation: 'rejected', version: 2 })
    store.set('https://t.test/orgs/s40', make(40))
    const after = new EmbeddedSearchIndex('https://t.test')
    expect(await indexerOf(after).load(file)).toEqual({ indexed: 19, caughtUp: 2, removed: 2 })
    expect((await after.search(q({ q: 'cambiada' }))).hits.map((h) => h.id)).toEqual(['https://t.test/orgs/s3'])
    expect((await after.search(q({ q: 'cooperativa 40' }))).total).toBeGreaterThan(0)
    const ids = new Set((await after.search(q({ perPage: 100 }))).hits.map((h) => h.id))
    expect(ids.has('https://t.test/orgs/s5')).toBe(false)
    expect(ids.has('https://t.test/orgs/s6')).toBe(false)
    expect(await indexerOf(new EmbeddedSearchIndex('https://t.test')).load(`${file}.missing`)).toBeNull()
  })
})
