/**
 * The map and search page in real Chromium, on the demo data: clusters on
 * the map, typing updates list and map, a facet narrows, the URL holds the
 * search, no serious accessibility violation. Tiles cannot load here; the map
 * must work anyway.
 */
import type { Browser, Page } from 'playwright-core'
import type { ServerProcess } from '../support/process'
import { startWebInstance, screenshot, axeViolations, type WebInstance } from './browser'

jest.setTimeout(120000)

describe('map and search page', () => {
  let web: WebInstance
  let server: ServerProcess
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    web = await startWebInstance('web')
    ;({ server, browser } = web)
  })
  afterAll(async () => {
    await web?.close()
  })
  beforeEach(async () => {
    page = await browser.newPage({ locale: 'en-GB' })
  })
  afterEach(async () => {
    await page.close()
  })

  const clusterCount = () => page.locator('#map .cluster, #map .pin').count()
  const totalText = () => page.locator('#total').textContent()

  test('the demo data is clustered on the map, and the list shows results', async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector('#map .cluster')
    const clusters = await page.locator('#map .cluster').count()
    expect(clusters).toBeGreaterThan(0)
    expect(clusters).toBeLessThan(320) // clustered, not one marker each
    const inClusters = await page.locator('#map .cluster span').allTextContents()
    expect(inClusters.map((t) => Number(t.replace(/\D/g, ''))).reduce((a, b) => a + b, 0)).toBeGreaterThan(100)
    expect(await totalText()).toMatch(/320 results/)
    expect(await page.locator('#hits .hit').count()).toBe(20)
    await screenshot(page, 'map')
  })

  test('typing a query updates the list, the map and the URL', async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector('#map .cluster')
    const before = await clusterCount()
    await page.fill('#q', 'cooperativa')
    await page.waitForFunction(() => !/^320 /.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('#total').textContent))
    const total = Number((await totalText())?.replace(/\D/g, ''))
    expect(total).toBeGreaterThan(0)
    expect(total).toBeLessThan(320)
    expect(page.url()).toContain('q=cooperativa')
    const names = await page.locator('#hits .hit h3').allTextContents()
    expect(names.length).toBeGreaterThan(0)
    const markers = await page.locator('#map .cluster span').allTextContents()
    const pins = await page.locator('#map .pin').count()
    expect(markers.map((t) => Number(t.replace(/\D/g, ''))).reduce((a, b) => a + b, 0) + pins).toBe(total === 0 ? 0 : await countPoints(total))
    expect(before).toBeGreaterThan(0)
  })

  /** Points on the map for the current query (a listing can have several locations). */
  async function countPoints(_listings: number): Promise<number> {
    const url = new URL(page.url())
    const res = await fetch(`${server.url}/api/search.points?${url.searchParams.toString()}`)
    return ((await res.json()) as { count: number }).count
  }

  test('a facet narrows the results, and its counts are the API’s', async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector('#map .cluster')
    const box = page.locator('fieldset[data-facet="service"] input').first()
    const value = await box.getAttribute('value')
    const expected = await (await fetch(`${server.url}/api/search?service=${value}`)).json() as { total: number }
    await box.check()
    await page.waitForFunction((n) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('#total').textContent.replace(/\D/g, '') === String(n), expected.total)
    expect(expected.total).toBeLessThan(320)
    expect(page.url()).toContain(`service=${value}`)
  })

  test('the search in the URL is restored on load (shareable), without JavaScript too', async () => {
    const res = await fetch(`${server.url}/?q=hosting`)
    const body = await res.text()
    expect(body).toMatch(/<li class="hit"/)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain('img-src \'self\' data: https://tile.openstreetmap.org')
    await page.goto(`${server.url}/?q=hosting`)
    expect(await page.inputValue('#q')).toBe('hosting')
  })

  test('hovering a result highlights its marker; clicking a marker highlights its result', async () => {
    await page.goto(`${server.url}/?q=oaxaca`)
    await page.waitForSelector('#map .cluster, #map .pin')
    // open clusters until single markers show (each click zooms to where its cluster splits)
    for (let i = 0; i < 12 && (await page.locator('#map .pin').count()) === 0; i++) {
      const draws = Number(await page.getAttribute('#search-page', 'data-draws'))
      await page.locator('#map .cluster').first().click()
      await page.waitForFunction((n) => Number((globalThis as unknown as { document: { getElementById(id: string): { dataset: { draws: string } } } }).document.getElementById('search-page').dataset.draws) > n, draws)
    }
    const pin = page.locator('#map .pin').first()
    await pin.click()
    const active = page.locator('#hits .hit.active')
    await active.waitFor()
    const id = await active.getAttribute('data-id')
    const other = page.locator(`#hits .hit:not([data-id="${id}"])`).first()
    if (await other.count()) {
      await other.hover()
      await page.waitForSelector(`#hits .hit.active:not([data-id="${id}"])`)
    }
    expect(await page.locator('#hits .hit.active').count()).toBe(1)
  })

  test('near me sorts by distance within the radius', async () => {
    const context = await browser.newContext({ geolocation: { latitude: 17.06, longitude: -96.72 }, permissions: ['geolocation'], locale: 'en-GB' })
    const near = await context.newPage()
    await near.goto(`${server.url}/`)
    await near.waitForSelector('#map .cluster')
    await near.selectOption('#radius', '200')
    await near.click('#near-me')
    await near.waitForFunction(() => (globalThis as unknown as { location: { search: string } }).location.search.includes('near='))
    await near.waitForSelector('#hits .hit .meta')
    const metas = await near.locator('#hits .hit .meta').allTextContents()
    const km = metas.map((m) => Number(/([\d,]+) km/.exec(m)?.[1]?.replace(/,/g, '')))
    expect(km.length).toBeGreaterThan(0)
    expect(km.every((d) => d <= 200)).toBe(true)
    expect([...km].sort((a, b) => a - b)).toEqual(km)
    await context.close()
  })

  test('a phone-sized screen gets the one-column layout', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await phone.goto(`${server.url}/`)
    await phone.click('#tab-map') // on a phone the list comes first; the map is its own tab (issue 11)
    await phone.waitForSelector('#map .cluster')
    const form = await phone.locator('#search').boundingBox()
    const map = await phone.locator('#map').boundingBox()
    expect(map && form && map.y > form.y && map.width > 300).toBe(true)
    await screenshot(phone, 'map-phone')
    await phone.close()
  })

  test('checking a facet with the keyboard keeps focus on it when the new results are put in place, with no CSP refusal', async () => {
    const refused: string[] = []
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()) })
    await page.goto(`${server.url}/`)
    await page.waitForSelector('#map .cluster')
    const box = page.locator('fieldset[data-facet="service"] input').first()
    const value = await box.getAttribute('value')
    await box.focus()
    await page.keyboard.press('Space')
    await page.waitForFunction(() => !/^320 /.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('#total').textContent))
    // a string, evaluated in the page (this project's TypeScript has no DOM types)
    const focused = await page.evaluate('[document.activeElement.name, document.activeElement.value, document.activeElement.checked, document.activeElement.isConnected]')
    expect(focused).toEqual(['service', value, true, true])
    expect(refused).toEqual([])
  })

  test('a search that finds nothing says so, and the next one that finds something does not', async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector('#map .cluster')
    await page.fill('#q', 'zzqxwv')
    await page.waitForSelector('#results .none')
    expect(await page.locator('#hits .hit').count()).toBe(0)
    await page.fill('#q', 'cooperativa')
    await page.waitForSelector('#hits .hit')
    expect(await page.locator('#results .none').count()).toBe(0)
  })

  test('no serious or critical accessibility violation', async () => {
    await page.goto(`${server.url}/`)
    await page.waitForSelector('#map .cluster')
    expect(await axeViolations(page)).toEqual([])
  })
})
