/**
 * The search page in real Chromium (issue 11, point 3): what each result
 * says, a mirror's mark, pages with and without JavaScript, every facet
 * value reachable, the accepting filter and the sort, with no serious
 * accessibility violation in these states.
 */
import type { Page } from 'playwright-core'
import { axeViolations, screenshot } from './browser'
import { startComposedWeb, type ComposedWeb } from './composed'

jest.setTimeout(120000)

type Answer = { total: number; hits: Array<{ id: string }>; facets: Record<string, Record<string, number>> }

describe('search page: results, pages and filters', () => {
  let web: ComposedWeb
  let page: Page
  const api = async (search: string): Promise<Answer> => (await fetch(`${web.url}/api/search?${search}`)).json() as Promise<Answer>
  const total = async () => Number(((await page.locator('#total').textContent()) ?? '').replace(/\D/g, ''))
  /** Waits until #total reads `n` results. */
  const totalIs = (n: number) => page.waitForFunction((want) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('#total').textContent.replace(/\D/g, '') === String(want), n)

  beforeAll(async () => {
    web = await startComposedWeb(120)
  })
  afterAll(async () => {
    await web?.close()
  })
  beforeEach(async () => {
    page = await web.browser.newPage({ locale: 'en-GB', viewport: { width: 1280, height: 800 } })
  })
  afterEach(async () => {
    await page.close()
  })

  test('each result shows its services, languages, place and country, distance, and a mirror its instance', async () => {
    await page.goto(`${web.url}/?lang=es`)
    await page.fill('#q', 'espejo')
    const hit = page.locator('#hits .hit', { hasText: 'Espejo Lejano' })
    await hit.waitFor()
    expect(await hit.locator('.services li').allTextContents()).toEqual(['Correo cifrado', 'Alojamiento web'])
    expect(await hit.locator('.spoken').textContent()).toBe('Idiomas: español, inglés')
    expect(await hit.locator('.place').textContent()).toBe('Oaxaca, México')
    expect(await hit.locator('.mirror').textContent()).toBe('Publicado por other.test')
    expect(await hit.locator('.stale-mark').isVisible()).toBe(true)
    await page.goto(`${web.url}/?near=17.07,-96.72&radius=200&sort=distance&lang=en`)
    const near = page.locator('#hits .hit').first()
    expect(await near.locator('.distance').textContent()).toMatch(/^\d+ km$/)
    expect(await axeViolations(page)).toEqual([])
  })

  test('pages work without JavaScript, keeping every other parameter', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false, locale: 'en-GB' })
    const plain = await context.newPage()
    const expected = await api('language=en&perPage=5')
    expect(expected.total).toBeGreaterThan(10)
    await plain.goto(`${web.url}/?language=en&perPage=5`)
    expect(await plain.locator('.pager .range').textContent()).toBe(`1–5 of ${expected.total}`)
    const first = await plain.locator('#hits .hit').first().getAttribute('data-id')
    await plain.click('.pager a[rel="next"]')
    const url = new URL(plain.url())
    expect([url.searchParams.get('page'), url.searchParams.get('language'), url.searchParams.get('perPage')]).toEqual(['2', 'en', '5'])
    expect(await plain.locator('.pager .range').textContent()).toBe(`6–10 of ${expected.total}`)
    expect(await plain.locator('#hits .hit').first().getAttribute('data-id')).not.toBe(first)
    expect(await plain.locator('#search-page.enhanced').count()).toBe(0)
    expect(await plain.locator('#facets input[name="language"][value="en"]').isChecked()).toBe(true)
    await plain.click('.pager a[rel="prev"]')
    expect(new URL(plain.url()).searchParams.get('page')).toBeNull()
    expect(await plain.locator('#hits .hit').first().getAttribute('data-id')).toBe(first)
    await screenshot(plain, 'search-no-js-page-1')
    await context.close()
  })

  test('with JavaScript, the page links are followed in place and the URL follows', async () => {
    await page.goto(`${web.url}/?kind=worker-coop&perPage=5`)
    await page.evaluate('window.notReloaded = true')
    await page.click('.pager a[rel="next"]')
    await page.waitForFunction(() => /^6–10 /.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('.pager .range').textContent))
    expect(await page.evaluate('window.notReloaded')).toBe(true)
    const url = new URL(page.url())
    expect([url.searchParams.get('page'), url.searchParams.get('kind'), url.searchParams.get('perPage')]).toEqual(['2', 'worker-coop', '5'])
    expect(await page.getAttribute('.langs a[hreflang="es"]', 'href')).toBe('/?kind=worker-coop&perPage=5&page=2&lang=es')
    expect(await page.evaluate('document.activeElement.id')).toBe('total')
    // a new filter starts again at the first page
    await page.check('#accepting')
    await page.waitForFunction(() => !(globalThis as unknown as { location: { search: string } }).location.search.includes('page='))
  })

  test('every facet value is reachable, services under their categories, and ticks narrow as the API does', async () => {
    await page.goto(`${web.url}/`)
    const { facets } = await api('')
    for (const summary of await page.locator('#facets details.more > summary').all()) await summary.click()
    // one look at every box (a string, evaluated in the page: this project's TypeScript has no DOM types)
    const shown = new Set(await page.evaluate("[...document.querySelectorAll('#facets input')].filter((i) => i.checkVisibility()).map((i) => i.name + '=' + i.value)") as string[])
    for (const facet of ['service', 'language', 'kind', 'country', 'origin']) {
      const values = Object.keys(facets[facet] ?? {})
      expect(values.length).toBeGreaterThan(0)
      for (const value of values) expect([facet, value, shown.has(`${facet}=${value}`)]).toEqual([facet, value, true])
    }
    expect(await page.locator('fieldset[data-facet="service"] .group legend').allTextContents()).toEqual(expect.arrayContaining(['Hosting', 'Security', 'Education']))
    expect(await page.locator('#facets .hint').textContent()).toContain('any of them')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'search-facets-open')
    const value = await page.locator('fieldset[data-facet="service"] details.more input').last().getAttribute('value')
    await page.locator(`fieldset[data-facet="service"] input[value="${value}"]`).check()
    await totalIs((await api(`service=${value}`)).total)
    expect(page.url()).toContain(`service=${value}`)
    // the ticked value is now among the first; the "show all" the reader opened is still open
    expect(await page.locator(`fieldset[data-facet="service"] > label input[value="${value}"]`).isChecked()).toBe(true)
    expect(await page.locator('fieldset[data-facet="service"] > details.more').getAttribute('open')).toBe('')
  })

  test('the accepting filter narrows to those accepting new clients', async () => {
    await page.goto(`${web.url}/`)
    const accepting = await api('accepting=true')
    expect(accepting.total).toBeLessThan(await total())
    await page.check('#accepting')
    await totalIs(accepting.total)
    expect(page.url()).toContain('accepting=true')
    expect(await page.locator('#chosen').textContent()).toBe('1 chosen')
  })

  test('sort by last update orders as the API does; nearest first needs a centre', async () => {
    const context = await web.browser.newContext({ geolocation: { latitude: 17.06, longitude: -96.72 }, permissions: ['geolocation'], locale: 'en-GB' })
    const sorted = await context.newPage()
    await sorted.goto(`${web.url}/`)
    expect(await sorted.locator('#sort option[value="distance"]').isDisabled()).toBe(true)
    const expected = (await api('sort=updated')).hits.map((h) => h.id)
    await sorted.selectOption('#sort', 'updated')
    await sorted.waitForFunction((first) => (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string } } }).document.querySelector('#hits .hit').getAttribute('data-id') === first, expected[0])
    expect(await sorted.locator('#hits .hit').evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual(expected)
    expect(sorted.url()).toContain('sort=updated')
    await sorted.selectOption('#sort', '')
    await sorted.click('#near-me')
    await sorted.waitForFunction(() => (globalThis as unknown as { location: { search: string } }).location.search.includes('sort=distance'))
    expect(await sorted.locator('#sort').inputValue()).toBe('distance')
    await sorted.locator('#hits .hit .distance').first().waitFor()
    const km = (await sorted.locator('#hits .hit .distance').allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
    expect([...km].sort((a, b) => a - b)).toEqual(km)
    await context.close()
  })
})
