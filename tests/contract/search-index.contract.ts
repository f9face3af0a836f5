/**
 * What every SearchIndex engine must do. The embedded engine runs this always;
 * a Meilisearch run needs MEILI_URL (and the Meilisearch engine).
 */
import type { SearchIndex } from '../../src/search/search-index'
import { DEFAULT_QUERY, type SearchQuery } from '../../src/search/query'
import { haversineKm, inBox } from '../../src/search/geo'
import { demoListings } from '../../src/directory/demo/demo-data'
import type { Listing, ListingInput } from '../../src/directory/listing'

const ORIGIN = 'https://search.test'

export function asListing(input: ListingInput, i: number, origin = ORIGIN): Listing {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60000)
  return {
    ...input, id: `${origin}/orgs/${input.slug}`, origin, published: at, updated: at, moderation: 'approved', version: 1,
    provenance: { origin, via: 'local', firstSeen: at, lastVerified: at }
  }
}

const q = (over: Partial<SearchQuery>): SearchQuery => ({ ...DEFAULT_QUERY, perPage: 100, ...over })

export function searchIndexContract(make: () => Promise<SearchIndex>): void {
  let index: SearchIndex
  const listings = demoListings(320).map((l, i) => asListing(l, i))
  const special: Listing[] = [
    asListing({ slug: 'cooperativa-unica', name: 'Cooperativa Zapoteca Digital', kind: 'worker-coop', services: ['web-hosting'], location: [{ latitude: 17.1, longitude: -96.7, country: 'MX' }] }, 1000),
    asListing({ slug: 'solo-espanol', name: 'Nodo Sur', kind: 'collective', summaryMap: { es: '<p>Acompañamiento feminista en ciberseguridad para colectivas</p>' }, defaultLanguage: 'es', location: [{ latitude: -34.6, longitude: -58.4, country: 'AR' }] }, 1001),
    asListing({ slug: 'tres-oficinas', name: 'Tres Oficinas Tejedoras', kind: 'collective', services: ['vpn'], location: [{ latitude: 40.4, longitude: -3.7 }, { latitude: 41.4, longitude: 2.2 }, { latitude: 43.3, longitude: -2.9 }] }, 1002)
  ]
  const all = [...listings, ...special]

  beforeAll(async () => {
    index = await make()
    for (const l of all) await index.upsert(l)
  })

  test('counts every listing once', async () => {
    expect(await index.count()).toBe(all.length)
    expect((await index.search(q({ perPage: 1 }))).total).toBe(all.length)
  })

  test('facet counts equal a brute-force count', async () => {
    const r = await index.search(q({ service: ['web-hosting'] }))
    const matching = all.filter((l) => l.services?.includes('web-hosting'))
    expect(r.total).toBe(matching.length)
    const brute: Record<string, number> = {}
    for (const l of matching) for (const lang of l.languages ?? []) brute[lang] = (brute[lang] ?? 0) + 1
    expect(r.facets.language).toEqual(brute)
    expect(r.facets.service['web-hosting']).toBe(matching.length)
    const kinds: Record<string, number> = {}
    for (const l of matching) kinds[l.kind] = (kinds[l.kind] ?? 0) + 1
    expect(r.facets.kind).toEqual(kinds)
  })

  test('radius and bounding box equal a brute-force filter', async () => {
    const near = { lat: 19.43, lng: -99.13 }
    const radius = 800
    const byRadius = await index.search(q({ near, radius }))
    const expectRadius = all.filter((l) => (l.location ?? []).some((p) => haversineKm(near.lat, near.lng, p.latitude, p.longitude) <= radius))
    expect(byRadius.hits.map((h) => h.id).sort()).toEqual(expectRadius.map((l) => l.id).sort())
    const bbox = { minLng: -10, minLat: 35, maxLng: 5, maxLat: 45 }
    const byBox = await index.search(q({ bbox }))
    const expectBox = all.filter((l) => (l.location ?? []).some((p) => inBox(p.latitude, p.longitude, bbox)))
    expect(byBox.total).toBe(expectBox.length)
    expect(byBox.hits.map((h) => h.id).sort()).toEqual(expectBox.map((l) => l.id).sort())
  })

  test('distance sort is right', async () => {
    const near = { lat: 48.85, lng: 2.35 }
    const r = await index.search(q({ near, radius: 20000, sort: 'distance', perPage: 50 }))
    const distances = r.hits.map((h) => h.distanceKm as number)
    expect(distances).toEqual([...distances].sort((a, b) => a - b))
    const nearest = Math.min(...all.flatMap((l) => (l.location ?? []).map((p) => haversineKm(near.lat, near.lng, p.latitude, p.longitude))))
    expect(distances[0]).toBeCloseTo(nearest, 1)
  })

  test.each([
    ['coperativa zapoteca', 'cooperativa-unica'],
    ['zapoteka', 'cooperativa-unica'],
    ['hostng zapoteca', 'cooperativa-unica'],
    ['zapo', 'cooperativa-unica'],
    ['ciberseguridad feminista', 'solo-espanol']
  ])('"%s" finds %s', async (text, slug) => {
    const r = await index.search(q({ q: text }))
    expect(r.hits.map((h) => h.slug)).toContain(slug)
  })

  test('a listing whose summary exists only in Spanish is shown in Spanish', async () => {
    const r = await index.search(q({ q: 'acompañamiento', lang: 'en' }))
    expect(r.hits[0]).toMatchObject({ slug: 'solo-espanol', summary: 'Acompañamiento feminista en ciberseguridad para colectivas' })
  })

  test('a listing with three locations is one hit', async () => {
    const r = await index.search(q({ q: 'tejedoras' }))
    expect(r.hits.filter((h) => h.slug === 'tres-oficinas')).toHaveLength(1)
    const points = await index.points(q({ q: 'tejedoras' }), 100)
    expect(points.filter((p) => p.slug === 'tres-oficinas')).toHaveLength(3)
  })

  test('a point says its services and its country, for the map’s popups', async () => {
    const [point] = (await index.points(q({ q: 'zapoteca' }), 100)).filter((p) => p.slug === 'cooperativa-unica')
    expect(point).toMatchObject({ services: ['web-hosting'], country: 'MX', latitude: 17.1, longitude: -96.7 })
  })

  test('paging splits the results without overlap', async () => {
    const p1 = await index.search(q({ perPage: 10, page: 1 }))
    const p2 = await index.search(q({ perPage: 10, page: 2 }))
    expect(p1.hits).toHaveLength(10)
    expect(p2.hits.some((h) => p1.hits.some((x) => x.id === h.id))).toBe(false)
  })

  test('removal and replacement', async () => {
    const one = special[0] as Listing
    await index.upsert({ ...one, name: 'Renombrada Mixteca', updated: new Date() })
    expect((await index.search(q({ q: 'mixteca' }))).hits[0]?.slug).toBe('cooperativa-unica')
    expect((await index.search(q({ q: 'zapoteca' }))).total).toBe(0)
    await index.remove(one.id)
    expect((await index.search(q({ q: 'mixteca' }))).total).toBe(0)
    expect(await index.count()).toBe(all.length - 1)
  })
}
