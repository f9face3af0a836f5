/**
 * GET /api/export with the search's filters (issue 13, Build 2): the export
 * of a search holds exactly the listings that search returns — past one
 * engine page (100), with words, facets, near+radius and bbox — in any
 * format; the same filters' mistakes are a 400 naming the field; a search
 * never exports unpublished listings, even for the operator.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { parse as parseCsv } from 'csv-parse/sync'

let inst: TestInstance
const app = () => request(inst.tejido.app)
const OAXACA = { name: 'Oaxaca', country: 'MX', latitude: 17.07, longitude: -96.72 }
const RECIFE = { name: 'Recife', country: 'BR', latitude: -8.05, longitude: -34.9 }

beforeAll(async () => {
  inst = await composeInstance()
  // 130 hosting co-ops in Oaxaca, 40 email co-ops in Recife, 5 trainers with no place at all
  const made = [
    ...Array.from({ length: 130 }, (_, i) => sampleListing({ slug: `hosting-${i}`, name: `Hosting Coop ${i}`, services: ['web-hosting'], location: [OAXACA] })),
    ...Array.from({ length: 40 }, (_, i) => sampleListing({ slug: `email-${i}`, name: `Kestrel Mail ${i}`, services: ['encrypted-email'], location: [RECIFE], kind: 'collective' })),
    ...Array.from({ length: 5 }, (_, i) => sampleListing({ slug: `trainers-${i}`, name: `Trainers ${i}`, services: ['security-training'], location: [] }))
  ]
  for (const listing of made) if (!(await inst.tejido.listings.create(listing)).ok) throw new Error('sample refused')
  await inst.tejido.listings.create(sampleListing({ slug: 'hosting-waiting', name: 'Hosting Waiting', services: ['web-hosting'], location: [OAXACA] }), 'pending')
}, 120000)
afterAll(() => inst?.close())

/** Every slug the search returns, page by page, as a person paging the search would see them. */
async function searchSlugs(params: Record<string, string>): Promise<string[]> {
  const slugs: string[] = []
  for (let page = 1; ; page++) {
    const res = await app().get('/api/search').query({ ...params, page: String(page), perPage: '100' }).expect(200)
    slugs.push(...(res.body.hits as Array<{ slug: string }>).map((h) => h.slug))
    if (slugs.length >= res.body.total || !res.body.hits.length) return slugs
  }
}

const exported = async (params: Record<string, string>, auth = false): Promise<string[]> => {
  const req = app().get('/api/export').query({ format: 'json', ...params })
  const res = await (auth ? req.set(inst.auth) : req).expect(200)
  return (JSON.parse(res.text) as Array<{ slug: string }>).map((l) => l.slug)
}

test.each([
  ['a facet past one engine page', { service: 'web-hosting' }, 130],
  ['words', { q: 'kestrel' }, 40],
  ['near and radius', { near: '-8.05,-34.9', radius: '50' }, 40],
  ['a bounding box', { bbox: '-100,10,-90,20' }, 130],
  ['a kind and a service', { kind: 'collective', service: 'encrypted-email' }, 40],
  ['listings without a place', { service: 'security-training' }, 5]
])('the export of %s holds exactly what the search returns', async (_what, params, count) => {
  const searched = await searchSlugs(params)
  expect(searched).toHaveLength(count)
  const got = await exported(params)
  expect(new Set(got).size).toBe(got.length)
  expect([...got].sort()).toEqual([...searched].sort())
  // the operator's export of a search is the same: the index holds published listings only
  expect((await exported(params, true)).sort()).toEqual([...searched].sort())
})

test('without filters, the store as before: the operator also gets the pending one', async () => {
  expect(await exported({})).toHaveLength(175)
  expect(await exported({}, true)).toContain('hosting-waiting')
})

test('geojson and jsonld of a search hold the same listings', async () => {
  const geo = JSON.parse((await app().get('/api/export').query({ format: 'geojson', q: 'kestrel' }).expect(200)).text) as { features: Array<{ properties: { slug: string } }> }
  expect(new Set(geo.features.map((f) => f.properties.slug)).size).toBe(40)
  const ld = JSON.parse((await app().get('/api/export').query({ format: 'jsonld', q: 'kestrel' }).expect(200)).text) as { '@graph': Array<{ '@id': string }> }
  expect(ld['@graph']).toHaveLength(40)
  expect(ld['@graph'].every((n) => /\/orgs\/email-\d+$/.test(n['@id']))).toBe(true)
})

test('a bad filter is a 400 naming it; a search cannot select pending listings', async () => {
  for (const [params, field] of [[{ near: 'oaxaca' }, 'near'], [{ radius: '10' }, 'radius'], [{ bbox: '1,2,3' }, 'bbox'], [{ origin: 'not a url' }, 'origin']] as const) {
    const res = await app().get('/api/export').query(params).expect(400)
    expect(res.body.errors[0].field).toBe(field)
  }
  const pending = await app().get('/api/export').query({ service: 'web-hosting', moderation: 'pending' }).set(inst.auth).expect(400)
  expect(pending.body.errors[0].field).toBe('moderation')
})

test('the search page links downloads of exactly its search, whatever page it is on', async () => {
  const page = await app().get('/').query({ q: 'kestrel', service: 'encrypted-email', page: '2', perPage: '10' }).set('Accept', 'text/html').expect(200)
  const links = [...page.text.matchAll(/<a href="(\/api\/export\?[^"]+)" type="([^"]+)" download data-format="([a-z]+)">/g)].map((m) => ({ href: m[1]?.replace(/&amp;/g, '&') as string, format: m[3] }))
  expect(links.map((l) => l.format)).toEqual(['csv', 'geojson'])
  const geojson = links.find((l) => l.format === 'geojson')?.href as string
  expect(Object.fromEntries(new URL(geojson, 'http://x').searchParams)).toEqual({ q: 'kestrel', service: 'encrypted-email', format: 'geojson' })
  const geo = JSON.parse((await app().get(geojson).expect(200)).text) as { features: Array<{ properties: { slug: string } }> }
  expect([...new Set(geo.features.map((f) => f.properties.slug))].sort()).toEqual((await searchSlugs({ q: 'kestrel', service: 'encrypted-email' })).sort())
  const csv = (await app().get(links.find((l) => l.format === 'csv')?.href as string).expect(200).expect('content-type', /^text\/csv/)).text.replace(/^\uFEFF/, '')
  const csvSlugs = (parseCsv(csv, { columns: true }) as Array<{ slug: string }>).map((row) => row.slug)
  expect(csvSlugs.sort()).toEqual((await searchSlugs({ q: 'kestrel', service: 'encrypted-email' })).sort())
  // a place typed in "near" is exported as the point it was read as
  const near = await app().get('/').query({ place: 'Recife', radius: '50' }).set('Accept', 'text/html').expect(200)
  const href = /<a href="(\/api\/export\?[^"]+)" type="application\/geo\+json"/.exec(near.text)?.[1]?.replace(/&amp;/g, '&') as string
  expect(new URL(href, 'http://x').searchParams.get('near')).toMatch(/^-8\.\d+,-34\.\d+$/)
  expect(JSON.parse((await app().get(href).expect(200)).text).features).toHaveLength(40)
  // nothing found: nothing to download
  expect((await app().get('/').query({ q: 'zzzqqqxxx' }).set('Accept', 'text/html').expect(200)).text).not.toContain('/api/export?')
})
