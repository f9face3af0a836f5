/**
 * What the search page says about an answer (issue 11, point 3), over a
 * small index whose answers are written here: the matched services marked
 * (not by colour alone), each hit's last update in the reader's language,
 * words left out by relaxed matching with a link without them, "did you
 * mean" as a link, the place the engine read in the words, and for a search
 * that found nothing the drops that find something, each a link that does
 * it, with how many it finds.
 */
import express from 'express'
import request from 'supertest'
import { mapRoutes } from '../../src/http/site/map/routes'
import { sharedGazetteer } from '../../src/search/places/shared'
import type { SearchHit, SearchIndex, SearchPoint, SearchResult } from '../../src/search/search-index'
import type { SearchQuery } from '../../src/search/query'

const ORIGIN = 'https://tejido.test'

function hit(over: Partial<SearchHit>): SearchHit {
  return {
    id: `${ORIGIN}/orgs/red`, slug: 'red', url: `${ORIGIN}/orgs/red`, name: 'Red Tejida', summary: 'Correo y web.', services: ['encrypted-email', 'web-hosting'],
    languages: ['es'], kind: 'worker-coop', country: 'MX', origin: ORIGIN, stale: false, updated: '2025-03-04T10:00:00.000Z', matched: { services: [], words: [] }, ...over
  }
}

/**
 * An index that answers by rules: "inquilinos", Chile and 10 km match nothing;
 * "sindicato" is relaxed away; "corro" suggests "correo"; "oaxaca" is a place.
 * Every search it was asked is kept, to see what the page asked.
 */
class ScriptedIndex implements SearchIndex {
  readonly asked: SearchQuery[] = []
  async search(query: SearchQuery): Promise<SearchResult> {
    this.asked.push(query)
    const empty = /inquilinos/i.test(query.q) || query.country.includes('CL') || query.radius === 10
    const hits = empty ? [] : [hit({ matched: { services: /correo/i.test(query.q) ? ['encrypted-email'] : [], words: [] } })]
    const result: SearchResult = { hits, facets: { service: {}, language: {}, kind: {}, country: {}, origin: {} }, total: empty ? 0 : 7, page: query.page, perPage: query.perPage, tookMs: 1, relaxed: /sindicato/i.test(query.q) ? ['sindicato'] : [] }
    if (/corro/.test(query.q)) result.didYouMean = query.q.replace('corro', 'correo')
    if (/oaxaca/i.test(query.q) && !query.near) result.place = { id: 'geonames:3522507', kind: 'city', name: 'Oaxaca', country: 'MX', countryName: 'México', latitude: 17.06, longitude: -96.72, matchedText: 'Oaxaca' }
    return result
  }
  async points(): Promise<SearchPoint[]> { return [] }
  async upsert(): Promise<void> {}
  async remove(): Promise<void> {}
  async clear(): Promise<void> {}
  async count(): Promise<number> { return 1 }
}

let index: ScriptedIndex
let app: express.Express
beforeEach(() => {
  index = new ScriptedIndex()
  app = express()
  app.use(mapRoutes({ search: index, places: sharedGazetteer(), instance: { id: `${ORIGIN}/actor`, host: 'tejido.test', name: 'Tejido', publicUrl: ORIGIN }, web: { tileUrl: 'https://tiles.test/{z}/{x}/{y}.png', tileAttribution: 'tiles' } }))
})
const get = (path: string, lang = 'en') => request(app).get(path).set('Accept-Language', lang)
const section = (page: string) => page.slice(page.indexOf('<section id="results"'), page.indexOf('</section>'))

describe('each hit', () => {
  test.each([
    ['en', '✓ </span>Encrypted email<span class="visually-hidden"> (matches your search)</span>', 'Updated <time datetime="2025-03-04">March 4, 2025</time>'],
    ['es', '✓ </span>Correo cifrado<span class="visually-hidden"> (coincide con tu búsqueda)</span>', 'Actualizado el <time datetime="2025-03-04">4 de marzo de 2025</time>'],
    ['fr', '✓ </span>Courriel chiffré<span class="visually-hidden"> (correspond à votre recherche)</span>', 'Mis à jour le <time datetime="2025-03-04">4 mars 2025</time>'],
    ['pt', '✓ </span>E-mail criptografado<span class="visually-hidden"> (corresponde à sua busca)</span>', 'Atualizado em <time datetime="2025-03-04">4 de março de 2025</time>']
  ])('marks the matched services in words, not by colour alone, and says when it was updated (%s)', async (lang, marked, updated) => {
    const page = (await get('/?q=correo', lang).expect(200)).text
    expect(page).toContain(`<li class="matched"><mark><span aria-hidden="true">${marked}</mark></li>`)
    expect(page).toContain(updated)
    // the other service is listed plainly
    expect(page).toMatch(/<li>(Web hosting|Alojamiento web|Hébergement web|Hospedagem de sites)<\/li>/)
  })

  test('the fragment says the same as the page', async () => {
    const [page, fragment] = await Promise.all([get('/?q=correo', 'es'), get('/fragments/results?q=correo', 'es')])
    expect(fragment.text).toContain(section(page.text))
  })

  test('nothing is marked when nothing matched, and an update the engine could not date is left out', async () => {
    index.search = async (query) => ({ ...(await ScriptedIndex.prototype.search.call(index, query)), hits: [hit({ updated: 'not a date' })] })
    const page = (await get('/?q=red').expect(200)).text
    expect(page).not.toContain('class="matched"')
    expect(page).not.toContain('class="updated"')
    expect(page).toContain('<li>Encrypted email</li>')
  })
})

describe('what an answer says about the search', () => {
  test.each([
    ['en', 'Few listings match every word, so these results may not contain “sindicato” (those that do come first).', 'Search without “sindicato”'],
    ['es', 'Pocos registros coinciden con todas las palabras, así que estos resultados pueden no incluir «sindicato» (los que sí, van primero).', 'Buscar sin «sindicato»'],
    ['fr', 'Peu de fiches correspondent à tous les mots : ces résultats ne contiennent donc pas forcément « sindicato » (celles qui les contiennent viennent en premier).', 'Chercher sans « sindicato »'],
    ['pt', 'Poucos cadastros correspondem a todas as palavras, então estes resultados podem não conter “sindicato” (os que contêm vêm primeiro).', 'Buscar sem “sindicato”']
  ])('words left out are said above the results, with a link to the search without them (%s)', async (lang, notice, link) => {
    const page = (await get('/?q=correo+Sindicato+seguro&service=web-hosting&page=2', lang).expect(200)).text
    const results = section(page)
    expect(results.indexOf('class="relaxed"')).toBeLessThan(results.indexOf('id="hits"'))
    expect(results).toContain(`<p class="relaxed">${notice} <a href="/?q=correo+seguro&amp;service=web-hosting">${link}</a></p>`)
  })

  test('no notice when every word was required', async () => {
    expect((await get('/?q=correo').expect(200)).text).not.toContain('class="relaxed"')
  })

  test.each([
    ['en', 'Did you mean <a href="/?q=correo+seguro&amp;place=Lima" class="suggestion">correo seguro</a>?'],
    ['es', '¿Quisiste decir <a href="/?q=correo+seguro&amp;place=Lima" class="suggestion">correo seguro</a>?'],
    ['fr', 'Vouliez-vous dire <a href="/?q=correo+seguro&amp;place=Lima" class="suggestion">correo seguro</a> ?'],
    ['pt', 'Você quis dizer <a href="/?q=correo+seguro&amp;place=Lima" class="suggestion">correo seguro</a>?']
  ])('"did you mean" is a link to the search with the suggested words, keeping the rest (%s)', async (lang, line) => {
    const page = (await get('/?q=corro+seguro&place=Lima', lang).expect(200)).text
    expect(page).toContain(`<p class="did-you-mean">${line}</p>`)
  })

  test.each([
    ['en', 'Near Oaxaca, México (read from “Oaxaca” in your search): nearer listings rank higher.'],
    ['es', 'Cerca de Oaxaca, México (según «Oaxaca» en tu búsqueda): los más cercanos aparecen antes.']
  ])('a place read in the words is said, with no point for the map (its points come from the same words) (%s)', async (lang, line) => {
    const page = (await get('/?q=correo+Oaxaca', lang).expect(200)).text
    expect(page).toContain(`<p id="place-note" class="understood">${line}</p>`)
  })
})

describe('a search that finds nothing', () => {
  test.each([
    ['en', 'To find more, try:', 'Search without “inquilinos”', 'Remove the filter Countries: Chile', 'Search at any distance', '7 results'],
    ['es', 'Para encontrar más, prueba:', 'Buscar sin «inquilinos»', 'Quitar el filtro Países: Chile', 'Buscar a cualquier distancia', '7 resultados'],
    ['fr', 'Pour trouver davantage, essayez :', 'Chercher sans « inquilinos »', 'Retirer le filtre Pays : Chili', 'Chercher à toute distance', '7 résultats'],
    ['pt', 'Para encontrar mais, tente:', 'Buscar sem “inquilinos”', 'Remover o filtro Países: Chile', 'Buscar a qualquer distância', '7 resultados']
  ])('offers the words, filters and distance to drop that find something, each a link that does it, with its count (%s)', async (lang, intro, word, filter, distance, count) => {
    const item = (href: string, text: string) => `<li><a href="${href}">${text}</a> <span class="count">(${count})</span></li>`
    // "correo" is not the reason (without it "inquilinos" still finds nothing), nor is Mexico
    const words = section((await get('/?q=correo+inquilinos&country=MX', lang).expect(200)).text)
    expect(words).toContain(`<p>${intro}</p>\n<ul class="drops">${item('/?q=correo&amp;country=MX', word)}</ul>`)
    const filters = section((await get('/?q=correo&country=CL&accepting=true', lang).expect(200)).text)
    expect(filters).toContain(`<ul class="drops">${item('/?q=correo&amp;accepting=true', filter)}</ul>`)
    // any distance keeps the place; "nearest first" needs a distance, so the order goes back to relevance
    const far = section((await get('/?q=correo&place=Lima&radius=10&sort=distance', lang).expect(200)).text)
    expect(far).toContain(`<ul class="drops">${item('/?q=correo&amp;place=Lima', distance)}</ul>`)
  })

  test('the drops that find most come first', async () => {
    const scripted = new ScriptedIndex()
    index.search = async (query) => {
      const found = await scripted.search({ ...query, q: '', country: [] })
      const total = /inquilinos/.test(query.q) ? (query.country.includes('CL') ? 0 : 5) : query.country.includes('CL') ? 2 : 9
      return { ...found, total }
    }
    const page = section((await get('/?q=inquilinos&country=CL').expect(200)).text)
    const withoutChile = page.indexOf('Remove the filter Countries: Chile</a> <span class="count">(5 results)</span>')
    const withoutWord = page.indexOf('Search without “inquilinos”</a> <span class="count">(2 results)</span>')
    expect(withoutChile).toBeGreaterThan(0)
    expect(withoutWord).toBeGreaterThan(withoutChile)
  })

  test('when no single drop helps, a fresh start; a search with nothing to drop offers none', async () => {
    const page = (await get('/?q=inquilinos&country=CL').expect(200)).text
    expect(page).toContain('<p class="none">Nothing matches this search yet.</p>')
    expect(page).toContain('<div class="tries"><p><a href="/">Start a new search</a></p></div>')
    expect(page).not.toContain('<ul class="drops">')
    index.search = async (query) => ({ ...(await new ScriptedIndex().search(query)), hits: [], total: 0 })
    const empty = (await get('/').expect(200)).text
    expect(empty).toContain('<p class="none">')
    expect(empty).not.toContain('class="tries"')
  })

  test('when no single drop helps and there are several filters, the words alone, anywhere', async () => {
    const page = section((await get('/?q=correo&country=CL&place=Lima&radius=10&sort=distance', 'es').expect(200)).text)
    expect(page).toContain('<ul class="drops"><li><a href="/?q=correo">Buscar solo «correo», en cualquier lugar y sin filtros</a> <span class="count">(7 resultados)</span></li></ul>')
    expect(page).not.toContain('Empezar una búsqueda nueva')
  })

  test('the drops are bounded: at most eight more searches, each for one result', async () => {
    const words = Array.from({ length: 12 }, (_, i) => `inquilinos${i}`).join('+')
    await get(`/?q=${words}`).expect(200)
    expect(index.asked.length).toBe(1 + 8)
    expect(index.asked.slice(1).every((q) => q.perPage === 1 && q.page === 1)).toBe(true)
  })

  test('a search that found something asks nothing more', async () => {
    await get('/?q=correo&country=MX').expect(200)
    expect(index.asked.length).toBe(1)
  })
})
