/**
 * The search page as the server renders it (issue 11, point 3), in the four
 * languages: what each result says, links to the other pages that keep the
 * search, every facet value reachable (services by category), the accepting
 * and sort filters, refusals in the reader's words next to their field, and
 * language links that keep the search.
 */
import request from 'supertest'
import { composeInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'
import { STALE_MIRROR } from '../browser/search-listings'
import { SERVICES } from '../../src/directory/vocabulary'
import { parseSearchQuery } from '../../src/search/query'
import { refusalKey } from '../../src/http/site/map/refusals'
import { CATALOGS } from '../../src/http/site/i18n/messages'

let inst: TestInstance
const MANY = SERVICES.slice(0, 14).map((s) => s.id)
beforeAll(async () => {
  inst = await composeInstance()
  const add = (over: Record<string, unknown>) => request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing(over)).expect(201)
  await add({})
  await add({ slug: 'muchos-servicios', name: 'Muchos Servicios', nameMap: undefined, services: MANY, acceptingClients: false, location: [{ name: 'Lima', country: 'PE', latitude: -12.05, longitude: -77.04 }] })
  await add({ slug: 'tercera', name: 'Tercera Red', nameMap: undefined, services: ['vpn'], languages: ['fr'], location: [{ name: 'Lyon', country: 'FR', latitude: 45.76, longitude: 4.84 }] })
  await inst.tejido.search.upsert(STALE_MIRROR)
})
afterAll(() => inst.close())
const get = (path: string, lang = 'en') => request(inst.tejido.app).get(path).set('Accept-Language', lang)

/** The <li> of one hit, by its listing's id. */
function hitOf(page: string, id: string): string {
  const at = page.indexOf(`data-id="${id}"`)
  expect(at).toBeGreaterThan(0)
  return page.slice(page.lastIndexOf('<li class="hit', at), page.indexOf('\n</li>', at))
}

describe('each result', () => {
  test.each([
    ['en', 'Encrypted email', 'Spanish, English', 'Oaxaca, Mexico', 'Listed by other.test', 'Not confirmed by its network for a while'],
    ['es', 'Correo cifrado', 'español, inglés', 'Oaxaca, México', 'Publicado por other.test', 'Su red no lo ha confirmado desde hace tiempo'],
    ['fr', 'Courriel chiffré', 'espagnol, anglais', 'Oaxaca, Mexique', 'Publié par other.test', 'Son réseau ne l’a pas confirmé depuis un moment'],
    ['pt', 'E-mail criptografado', 'espanhol, inglês', 'Oaxaca, México', 'Publicado por other.test', 'Sua rede não o confirma há algum tempo']
  ])('shows services, languages, place, distance and a mirror’s instance (%s)', async (lang, service, languages, place, mirror, stale) => {
    const page = (await get('/?near=17.07,-96.72&radius=100&sort=distance', lang).expect(200)).text
    const hit = hitOf(page, STALE_MIRROR.id)
    expect(hit).toContain(`<li>${service}</li>`)
    expect(hit).toContain(languages)
    expect(hit).toContain(`<span class="place">${place}</span>`)
    expect(hit).toMatch(/<span class="distance">\d+ km<\/span>/)
    expect(hit).toContain(`<span class="mirror">${mirror}</span>`)
    expect(hit).toContain(`<span class="stale-mark">${stale}</span>`)
    expect(hit).toMatch(/^<li class="hit stale"/)
    const local = hitOf(page, `${PUBLIC_URL}/orgs/red-tejida`)
    expect(local).not.toContain('class="mirror"')
    expect(local).toContain('<span class="place">Oaxaca office, ')
  })
})

describe('pages of results', () => {
  test('link to the next and previous page keeping every other parameter, with "N–M of T"', async () => {
    const first = (await get('/?language=es&kind=worker-coop&perPage=1&accepting=true').expect(200)).text
    expect(first).toContain('<span class="range">1–1 of 2</span>')
    expect(first).toContain('href="/?language=es&amp;kind=worker-coop&amp;accepting=true&amp;perPage=1&amp;page=2" rel="next"')
    expect(first).not.toContain('rel="prev"')
    const second = (await get('/?language=es&kind=worker-coop&perPage=1&accepting=true&page=2', 'es').expect(200)).text
    expect(second).toContain('<span class="range">2–2 de 2</span>')
    expect(second).toContain('href="/?language=es&amp;kind=worker-coop&amp;accepting=true&amp;perPage=1" rel="prev"')
    expect(second).not.toContain('rel="next"')
    expect(second).toContain('<input type="hidden" name="perPage" value="1">')
  })

  test('one page needs no pager', async () => {
    expect((await get('/?q=tercera').expect(200)).text).not.toContain('class="pager"')
  })
})

describe('filters', () => {
  test('every service is reachable: the commonest first, the others under their categories', async () => {
    const page = (await get('/').expect(200)).text
    const facets = (await get('/api/search')).body.facets as Record<string, Record<string, number>>
    for (const [facet, counts] of Object.entries(facets)) {
      if (facet === 'origin') continue
      for (const value of Object.keys(counts)) expect([facet, value, page.includes(`name="${facet}" value="${value}"`)]).toEqual([facet, value, true])
    }
    expect(page).toContain('<details class="more"><summary>All services, by category (')
    expect(page).toContain('<fieldset class="group"><legend>Hosting</legend>')
    expect(page).toContain('<fieldset class="group"><legend>Communication</legend>')
  })

  test('a second instance in the results adds a facet of who lists them', async () => {
    const page = (await get('/').expect(200)).text
    expect(page).toContain('data-facet="origin"')
    expect(page).toContain('name="origin" value="https://other.test"> other.test')
  })

  test.each([
    ['en', 'Ticking several values in one group finds listings with any of them'],
    ['es', 'Varias casillas de un mismo grupo'],
    ['fr', 'Plusieurs cases d’un même groupe'],
    ['pt', 'Várias caixas do mesmo grupo']
  ])('say how ticks combine (%s)', async (lang, line) => {
    expect((await get('/', lang).expect(200)).text).toContain(`<p class="hint">${line}`)
  })

  test('accepting new clients narrows the results and stays ticked', async () => {
    const page = (await get('/?accepting=true').expect(200)).text
    expect(page).toContain('name="accepting" value="true" checked')
    expect(page).not.toContain('>Muchos Servicios</a>')
    expect(page).toContain('>Woven Network</a>') // Red Tejida, in English
    expect(page).toMatch(/<summary>Filters <span id="chosen" class="chosen">1 chosen<\/span>/)
  })

  test('sort: the chosen order is selected; nearest first needs a centre', async () => {
    const updated = (await get('/?sort=updated').expect(200)).text
    expect(updated).toContain('<option value="updated" selected>Recently updated</option>')
    expect(updated).toContain('<option value="distance" disabled>Nearest first</option>')
    const near = (await get('/?near=17,-96&radius=1000&sort=distance').expect(200)).text
    expect(near).toContain('<option value="distance" selected>Nearest first</option>')
  })
})

describe('a refused search', () => {
  test.each([
    ['en', 'A distance needs a centre: type a town or city in “Near”'],
    ['es', 'Una distancia necesita un centro: escribe una ciudad o pueblo en «Cerca de»'],
    ['fr', 'Une distance a besoin d’un centre : saisissez une ville ou un village dans « Près de »'],
    ['pt', 'Uma distância precisa de um centro: digite uma cidade ou vila em “Perto de”']
  ])('a radius without a centre explains itself next to the field, keeping the words and the choice (%s)', async (lang, message) => {
    const res = await get('/?q=correo&radius=50', lang)
    expect(res.status).toBe(400)
    expect(res.text).toMatch(new RegExp(`<p id="error-near" class="field-error" data-for="near">${message}`))
    expect(res.text).toContain('<select id="radius" name="radius" aria-describedby="error-near" aria-invalid="true">')
    expect(res.text).toContain('<option value="50" selected>')
    expect(res.text).toContain('value="correo"')
    expect(res.text).not.toMatch(/needs near|lat,lng/)
  })

  // every rule of the parser, broken once: each gets a message of its own, in every language
  const BROKEN = ['q=' + 'x'.repeat(201), 'accepting=maybe', 'near=100,0&radius=5', 'radius=-1', 'radius=5', 'bbox=1,2,3', 'sort=loud', 'sort=distance', 'near=1,1&sort=distance', 'page=0', 'perPage=500', 'origin=nope']
  test('a language tag the page never sends (it passes the reader\'s own) still has a message', () => {
    const parsed = parseSearchQuery({ lang: '1' })
    expect(parsed.ok ? [] : parsed.error.map(refusalKey)).toEqual(['search.error.lang'])
  })

  test.each(BROKEN)('%s is said in the reader’s words, never the parser’s', async (search) => {
    const errors = parseSearchQuery(Object.fromEntries(new URLSearchParams(search)))
    expect(errors.ok).toBe(false)
    if (errors.ok) return
    for (const e of errors.error) expect(refusalKey(e)).not.toBe('search.error.other')
    for (const lang of ['en', 'es', 'fr', 'pt'] as const) {
      const res = await request(inst.tejido.app).get(`/fragments/results?${search}`).set('Accept-Language', lang)
      expect(res.status).toBe(400)
      const total = /<p id="total" class="total">(.*)<\/p>/.exec(res.text)?.[1] ?? ''
      for (const e of errors.error) {
        expect(total).not.toContain(e.message)
        expect(total).toContain(CATALOGS[lang][refusalKey(e)].replace(/&/g, '&amp;'))
      }
    }
  })
})

test('the language links carry the search', async () => {
  const page = (await get('/?q=red&service=web-hosting&page=1').expect(200)).text
  for (const lang of ['en', 'es', 'fr', 'pt']) expect(page).toContain(`href="/?q=red&amp;service=web-hosting&amp;page=1&amp;lang=${lang}"`)
})

test('a hit on this instance links to its profile here', async () => {
  expect((await get('/?q=tercera').expect(200)).text).toContain('<a href="/orgs/tercera">Tercera Red</a>')
  expect(PUBLIC_URL).toBe('https://tejido.test')
})
