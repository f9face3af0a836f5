/**
 * GET /fragments/results: the facets and results of a search, as map.js puts
 * them in place while the reader types. They must be the full page's own
 * rendering (one renderer), in the reader's language, escaped the same way.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
  await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'fragmento', name: 'Fragmento <i>&</i> "Co"', nameMap: undefined })).expect(201)
  await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'otra-red', name: 'Otra Red', services: ['web-hosting'] })).expect(201)
})
afterAll(() => inst.close())
const app = () => request(inst.tejido.app)

/** The fragment's two parts: #facets, then the #results live region. */
function parts(fragment: string): [string, string] {
  const at = fragment.indexOf('<section id="results"')
  return [fragment.slice(0, at).trim(), fragment.slice(at).trim()]
}

describe('GET /fragments/results', () => {
  test.each([['q=red'], ['service=web-hosting'], ['q=fragmento&country=MX'], ['q=nothing-matches-this']])('is what the page renders for the same search (%s)', async (search) => {
    const [page, fragment] = await Promise.all([app().get(`/?${search}`), app().get(`/fragments/results?${search}`)])
    expect(fragment.status).toBe(200)
    expect(fragment.type).toBe('text/html')
    const [facets, results] = parts(fragment.text)
    expect(facets).toMatch(/^<div id="facets" class="facets">/)
    expect(results).toMatch(/^<section id="results" class="results" aria-live="polite">[^]*<\/section>$/)
    expect(page.text).toContain(facets)
    expect(page.text).toContain(results)
  })

  test('shows hits, counts and "nothing found" as the page does', async () => {
    const found = (await app().get('/fragments/results?q=fragmento')).text
    expect(found).toMatch(/<p id="total" class="total">1 result/)
    expect(found).toContain('<a href="/orgs/fragmento">')
    expect(found).not.toContain('class="none"')
    const none = (await app().get('/fragments/results?q=nothing-matches-this')).text
    expect(none).toContain('<p class="none">')
  })

  test('escapes listing text as the page does', async () => {
    const text = (await app().get('/fragments/results?q=fragmento')).text
    expect(text).toContain('Fragmento &lt;i&gt;&amp;&lt;/i&gt; &quot;Co&quot;')
    expect(text).not.toContain('<i>')
  })

  test('speaks the reader\'s language, and passing it on sets no cookie', async () => {
    const spanish = await app().get('/fragments/results?q=red').set('Accept-Language', 'es')
    expect(spanish.text).toMatch(/<legend>Servicios<\/legend>/)
    expect(spanish.headers.vary).toContain('Accept-Language')
    const french = await app().get('/fragments/results?q=red&lang=fr').set('Accept-Language', 'es')
    expect(french.text).toMatch(/<legend>Langues<\/legend>/)
    expect(french.headers['set-cookie']).toBeUndefined()
    expect(french.headers['cache-control']).toBe('no-cache')
  })

  test('a bad parameter is a 400 that names it where the total was, as the page shows it', async () => {
    const [page, fragment] = await Promise.all([app().get('/?near=91,0&radius=5'), app().get('/fragments/results?near=91,0&radius=5')])
    expect(fragment.status).toBe(400)
    expect(page.status).toBe(400)
    // issue 11 asks for the reader's words, never the parser's ("near: must be lat,lng")
    expect(fragment.text).toMatch(/<p id="total" class="total"><span data-slot="near">The place to search around was not understood/)
    expect(page.text).toContain(parts(fragment.text)[1])
  })
})
