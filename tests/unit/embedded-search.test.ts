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

function rng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

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
