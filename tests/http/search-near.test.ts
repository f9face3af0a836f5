/**
 * The search page's "near" field (issue 11, point 3) on a whole instance:
 * a town or city typed by name is read on the server with the offline
 * gazetteer into the search's centre, the radius works with it, an unknown
 * place and a radius without a centre explain themselves in the reader's
 * language, every link of the page keeps the place; and GET /api/places,
 * the suggestions the field offers, with its answers to bad input.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
  const add = (over: Record<string, unknown>) => request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing(over)).expect(201)
  await add({})
  await add({ slug: 'segunda-oaxaca', name: 'Segunda Oaxaqueña', nameMap: undefined, location: [{ name: 'Jalatlaco', country: 'MX', latitude: 17.0669, longitude: -96.7153 }] })
  await add({ slug: 'limena', name: 'Red Limeña', nameMap: undefined, location: [{ name: 'Lima', country: 'PE', latitude: -12.05, longitude: -77.04 }] })
  await add({ slug: 'cordobesa', name: 'Red Cordobesa', nameMap: undefined, location: [{ name: 'Córdoba', country: 'ES', latitude: 37.89, longitude: -4.78 }] })
})
afterAll(() => inst.close())
const get = (path: string, lang = 'en') => request(inst.tejido.app).get(path).set('Accept-Language', lang)
const slugs = (page: string) => [...page.matchAll(/data-id="[^"]*\/orgs\/([^"]*)"/g)].map((m) => m[1])
const names = (page: string) => [...page.matchAll(/<h3><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map((m) => m[1])

describe('a place typed in "near"', () => {
  test.each([
    ['en', 'Within 50 km of Oaxaca, Mexico.'],
    ['es', 'A menos de 50 km de Oaxaca, México.'],
    ['fr', 'À moins de 50 km de Oaxaca, Mexique.'],
    ['pt', 'A menos de 50 km de Oaxaca, México.']
  ])('is read on the server as the centre, the radius around it (%s)', async (lang, note) => {
    const page = (await get('/?place=Oaxaca&radius=50', lang).expect(200)).text
    expect(slugs(page).sort()).toEqual(['red-tejida', 'segunda-oaxaca'])
    expect(page).toMatch(new RegExp(`<p id="place-note" class="understood" data-near="17\\.0\\d+,-96\\.7\\d+">${note.replace(/\./g, '\\.')}</p>`))
    expect(page).toContain('<input id="place" name="place" type="text" value="Oaxaca"')
    // the point is the place's, read again from its name on each request: the form does not carry it
    expect(page).toContain('<input type="hidden" id="near" name="near" value="">')
    expect(page).toMatch(/<span class="distance">\d+ km<\/span>/)
  })

  test('without a radius, distances from the place, everywhere', async () => {
    const page = (await get('/?place=oaxaca').expect(200)).text
    expect(names(page)).toHaveLength(4)
    expect(page).toContain('>Distances from Oaxaca, Mexico.</p>')
  })

  test('any accents, any case, a suggestion\'s label with its country', async () => {
    expect(names((await get('/?place=LIMA&radius=50').expect(200)).text)).toEqual(['Red Limeña'])
    expect(names((await get('/?place=C%C3%B3rdoba%2C+Espa%C3%B1a&radius=50', 'es').expect(200)).text)).toEqual(['Red Cordobesa'])
    // the most populous Córdoba is Argentina's: the country in the label chose Spain's
    expect(names((await get('/?place=cordoba&radius=50').expect(200)).text)).toEqual([])
  })

  test('the form as a browser without JavaScript sends it, every empty field included', async () => {
    const page = (await get('/?q=&place=Lima&near=&radius=50&sort=&accepting=', 'es').expect(200)).text
    expect(names(page)).toEqual(['Red Limeña'])
    expect(page).toContain('>A menos de 50 km de Lima, Perú.</p>')
  })

  test('stands for a point the form still carries from before', async () => {
    const page = (await get('/?place=Lima&near=17.07,-96.72&radius=50').expect(200)).text
    expect(names(page)).toEqual(['Red Limeña'])
  })

  test('is kept by the pages, the language links and the fragment', async () => {
    const page = (await get('/?place=Oaxaca&radius=50&perPage=1').expect(200)).text
    expect(page).toContain('href="/?place=Oaxaca&amp;radius=50&amp;perPage=1&amp;page=2" rel="next"')
    expect(page).toContain('href="/?place=Oaxaca&amp;radius=50&amp;perPage=1&amp;lang=es"')
    const fragment = (await get('/fragments/results?place=Oaxaca&radius=50&perPage=1').expect(200)).text
    expect(page).toContain(fragment.slice(fragment.indexOf('<section id="results"')))
  })

  test.each([
    ['en', 'No town or city called “Oaxcaa” is known here.'],
    ['es', 'No conocemos ninguna ciudad ni pueblo llamado «Oaxcaa».'],
    ['fr', 'Aucune ville ni aucun village nommé « Oaxcaa » n’est connu ici.'],
    ['pt', 'Não conhecemos nenhuma cidade ou vila chamada “Oaxcaa”.']
  ])('an unknown place explains itself next to the field, once, keeping the words and the choices (%s)', async (lang, message) => {
    const res = await get('/?q=correo&place=Oaxcaa&radius=50&sort=distance', lang)
    expect(res.status).toBe(400)
    expect(res.text).toContain(`<p id="error-place" class="field-error" data-for="place">${message}`)
    expect(res.text).toContain('value="Oaxcaa" placeholder=')
    expect(res.text).toMatch(/<input id="place"[^>]* aria-describedby="error-place" aria-invalid="true">/)
    expect(res.text).toContain('<option value="50" selected>')
    expect(res.text).toContain('value="correo"')
    // the distance has no centre only because the place was not read: said once, by the place
    expect(res.text).toContain('<p id="error-near" class="field-error" data-for="near" hidden></p>')
    expect(res.text).toContain('<ol id="hits" class="hits"></ol>')
  })

  test('a name longer than any place is refused in the reader\'s words', async () => {
    const res = await get(`/?place=${'a'.repeat(101)}`, 'fr')
    expect(res.status).toBe(400)
    expect(res.text).toContain('<p id="error-place" class="field-error" data-for="place">Le nom du lieu est trop long : 100 caractères au plus.</p>')
  })

  test.each([
    ['en', 'A distance needs a centre: type a town or city in “Near”, press “Near me”'],
    ['pt', 'Uma distância precisa de um centro: digite uma cidade ou vila em “Perto de”, toque em “Perto de mim”']
  ])('an emptied field with a radius: the radius explains what it needs (%s)', async (lang, message) => {
    const res = await get('/?place=+&radius=50', lang)
    expect(res.status).toBe(400)
    expect(res.text).toContain(`<p id="error-near" class="field-error" data-for="near">${message}`)
    expect(res.text).not.toContain('data-for="place">')
  })
})

describe('a search that finds nothing, on the embedded engine', () => {
  test('offers the filter to drop, as a link that finds something', async () => {
    const page = (await get('/?q=red&country=CL').expect(200)).text
    expect(page).toContain('<p class="none">')
    expect(page).toMatch(/<li><a href="\/\?q=red">Remove the filter Countries: Chile<\/a> <span class="count">\(\d+ results\)<\/span><\/li>/)
    const target = (await get('/?q=red').expect(200)).text
    expect(names(target).length).toBeGreaterThan(0)
  })
})

describe('GET /api/places', () => {
  type Suggestion = { id: string; kind: string; name: string; country: string; countryName: string; latitude: number; longitude: number; label: string }
  const api = (query: string) => request(inst.tejido.app).get(`/api/places?${query}`)

  test('towns and cities starting with the letters, in the asked language, with their point', async () => {
    const res = await api('q=oax&lang=es').expect(200)
    const [first] = res.body as Suggestion[]
    expect(first).toEqual({ id: 'geonames:3522507', kind: 'city', name: 'Oaxaca', country: 'MX', countryName: 'México', latitude: expect.closeTo(17.065, 2), longitude: expect.closeTo(-96.724, 2), label: 'Oaxaca, México' })
    expect(res.headers['cache-control']).toBe('public, max-age=3600')
    const sao = (await api('q=sao%20pau&lang=pt').expect(200)).body as Suggestion[]
    expect(sao[0]?.label).toBe('São Paulo, Brasil')
    const lisbon = (await api('q=Lisbonne&lang=fr').expect(200)).body as Suggestion[]
    expect(lisbon[0]?.label).toBe('Lisbonne, Portugal')
  })

  test('no countries (a radius needs a point), at most `limit`, the reader\'s language without `lang`', async () => {
    const mexico = (await api('q=mexico&limit=5').set('Accept-Language', 'fr').expect(200)).body as Suggestion[]
    expect(mexico.length).toBeGreaterThan(0)
    expect(mexico.length).toBeLessThanOrEqual(5)
    expect(mexico.every((s) => s.kind === 'city')).toBe(true)
    expect(mexico[0]?.label).toBe('Mexico, Mexique')
    expect((await api('q=zzzzqx').expect(200)).body).toEqual([])
  })

  test.each([
    ['', 'q'],
    ['q=%20%20', 'q'],
    [`q=${'a'.repeat(101)}`, 'q'],
    ['q=oax&lang=de', 'lang'],
    ['q=oax&lang=es&lang=xx', 'lang'],
    ['q=oax&limit=0', 'limit'],
    ['q=oax&limit=21', 'limit'],
    ['q=oax&limit=abc', 'limit'],
    ['q=oax&limit=1e1', 'limit']
  ])('%s is a 400 problem naming the parameter', async (query, field) => {
    const res = await api(query).expect(400)
    expect(res.type).toBe('application/problem+json')
    const body = JSON.parse(res.text) as { title: string; errors: Array<{ field: string }> }
    expect(body.title).toBe('Bad place query')
    expect(body.errors.map((e) => e.field)).toEqual([field])
  })
})
