import request from 'supertest'
import { composeInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())
const app = () => request(inst.tejido.app)

describe('search API', () => {
  test('changes through the API are searchable when the API call returns', async () => {
    await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'buscable', name: 'Cooperativa Buscable' })).expect(201)
    let r = await app().get('/api/search').query({ q: 'buscable' })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ total: 1, page: 1, perPage: 20, hits: [{ slug: 'buscable', url: `${PUBLIC_URL}/orgs/buscable`, origin: PUBLIC_URL, stale: false }] })
    expect(typeof r.body.tookMs).toBe('number')
    await app().patch('/api/listings/buscable').set(inst.auth).send({ name: 'Cooperativa Encontrada' }).expect(200)
    r = await app().get('/api/search').query({ q: 'encontrada' })
    expect(r.body.hits.map((h: { slug: string }) => h.slug)).toEqual(['buscable'])
    await app().delete('/api/listings/buscable').set(inst.auth).expect(204)
    r = await app().get('/api/search').query({ q: 'encontrada' })
    expect(r.body.total).toBe(0)
  })

  test('only published listings are found', async () => {
    await inst.tejido.listings.create(sampleListing({ slug: 'en-espera', name: 'Pendiente Escondida' }), 'pending')
    expect((await app().get('/api/search').query({ q: 'escondida' })).body.total).toBe(0)
    await inst.tejido.listings.setModeration('en-espera', 'approved')
    expect((await app().get('/api/search').query({ q: 'escondida' })).body.total).toBe(1)
  })

  test('facets, geo and the reader\'s language', async () => {
    await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'oaxaca-geo' })).expect(201)
    const r = await app().get('/api/search').query({ near: '17.07,-96.72', radius: '10', 'service[]': 'web-hosting', lang: 'es' })
    expect(r.body.hits.map((h: { slug: string }) => h.slug)).toContain('oaxaca-geo')
    const hit = r.body.hits.find((h: { slug: string }) => h.slug === 'oaxaca-geo')
    expect(hit.distanceKm).toBeLessThan(1)
    expect(hit.summary).toBe('Alojamiento y correo seguro, de propiedad obrera.')
    expect(r.body.facets.service['web-hosting']).toBeGreaterThanOrEqual(1)
  })

  test('GeoJSON of the same query', async () => {
    const r = await app().get('/api/search.geojson').query({ bbox: '-100,10,-90,20' })
    expect(r.status).toBe(200)
    expect(r.type).toBe('application/geo+json')
    const geo = JSON.parse(r.text)
    expect(geo.type).toBe('FeatureCollection')
    expect(geo.features.length).toBeGreaterThanOrEqual(1)
    expect(geo.features[0]).toMatchObject({ type: 'Feature', geometry: { type: 'Point' }, properties: { kind: 'worker-coop' } })
    for (const f of geo.features) {
      const [lng, lat] = f.geometry.coordinates
      expect(lng >= -100 && lng <= -90 && lat >= 10 && lat <= 20).toBe(true)
    }
  })

  test.each([
    ['near=91,0', 'near'], ['near=abc', 'near'], ['radius=5', 'radius'], ['near=1,1&radius=-3', 'radius'],
    ['bbox=1,2,3', 'bbox'], ['bbox=0,50,10,40', 'bbox'], ['sort=best', 'sort'], ['sort=distance', 'sort'], ['near=1,1&sort=distance', 'sort'],
    ['page=0', 'page'], ['perPage=1000', 'perPage'], ['accepting=maybe', 'accepting'], ['origin=nope', 'origin'], ['lang=!!', 'lang']
  ])('a bad parameter (%s) is a 400 naming %s', async (query, field) => {
    const r = await app().get(`/api/search?${query}`)
    expect(r.status).toBe(400)
    expect(r.type).toBe('application/problem+json')
    expect(r.body.errors.map((e: { field: string }) => e.field)).toContain(field)
  })

  test('a bad GeoJSON limit is a 400', async () => {
    expect((await app().get('/api/search.geojson?limit=0')).status).toBe(400)
  })
})
