/**
 * The search page in real Chromium (issue 11, point 3), continued: a radius
 * without a centre explained in the reader's language next to the field,
 * the language switch keeping the search, and a phone (390×844): search box,
 * count and results first, filters behind a button, list and map as tabs,
 * and no page (profile included) scrolling sideways. Screenshots of these
 * states go to artifacts/screenshots.
 */
import type { Page } from 'playwright-core'
import { axeViolations, screenshot } from './browser'
import { startComposedWeb, type ComposedWeb } from './composed'

jest.setTimeout(120000)

const PHONE = { width: 390, height: 844 }
type Doc = { document: { documentElement: { scrollWidth: number } } }

describe('search page: refusals, languages and phones', () => {
  let web: ComposedWeb
  beforeAll(async () => {
    web = await startComposedWeb(120)
  })
  afterAll(async () => {
    await web?.close()
  })

  /** A page in `lang`, on a desktop or a phone. */
  async function open(path: string, lang: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const page = await web.browser.newPage({ locale: lang, viewport })
    await page.goto(`${web.url}${path}`)
    return page
  }
  const scrollWidth = (page: Page) => page.evaluate(() => (globalThis as unknown as Doc).document.documentElement.scrollWidth)

  test.each([
    ['en', 'desktop', 'A distance needs a centre: type a town or city in “Near”'],
    ['es', 'desktop', 'Una distancia necesita un centro: escribe una ciudad o pueblo en «Cerca de»'],
    ['en', 'phone', 'A distance needs a centre: type a town or city in “Near”'],
    ['es', 'phone', 'Una distancia necesita un centro: escribe una ciudad o pueblo en «Cerca de»']
  ])('a radius without a centre explains itself next to the field (%s, %s)', async (lang, screen, message) => {
    const page = await open(`/?lang=${lang}`, lang, screen === 'phone' ? PHONE : undefined)
    await page.selectOption('#radius', '50')
    const said = page.locator('#error-near')
    await said.waitFor()
    expect(await said.textContent()).toContain(message)
    expect(await page.locator('main').textContent()).not.toMatch(/needs near|lat,lng/)
    expect(await page.getAttribute('#radius', 'aria-invalid')).toBe('true')
    const field = await page.locator('#radius').boundingBox()
    const box = await said.boundingBox()
    expect(field && box && box.y > field.y && box.y - (field.y + field.height) < 40).toBe(true) // right under the field
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, `search-radius-error-${lang}-${screen}`)
    await page.selectOption('#radius', '')
    await said.waitFor({ state: 'hidden' })
    expect(await page.getAttribute('#radius', 'aria-invalid')).toBeNull()
    await page.close()
  })

  test('changing language keeps the search', async () => {
    const page = await open('/', 'en-GB')
    await page.fill('#q', 'cooperativa')
    const box = page.locator('fieldset[data-facet="language"] input').first()
    const value = await box.getAttribute('value')
    await box.check()
    await page.waitForFunction((v) => (globalThis as unknown as { location: { search: string } }).location.search.includes(`language=${v}`), value)
    const count = await page.locator('#total').textContent()
    await page.click('.langs a[hreflang="es"]')
    await page.waitForURL(/lang=es/)
    expect(await page.getAttribute('html', 'lang')).toBe('es')
    expect(await page.inputValue('#q')).toBe('cooperativa')
    expect(await page.locator(`fieldset[data-facet="language"] input[value="${value}"]`).isChecked()).toBe(true)
    expect((await page.locator('#total').textContent())?.replace(/\D/g, '')).toBe(count?.replace(/\D/g, ''))
    await page.close()
  })

  test.each(['en', 'es'])('on a phone, search box, count and results come first; filters behind a button; list and map are tabs (%s)', async (lang) => {
    const page = await open(`/?lang=${lang}`, lang, PHONE)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390)
    const [q, total, hit, summary] = await Promise.all(['#q', '#total', '#hits .hit', '#filters > summary'].map((s) => page.locator(s).first().boundingBox()))
    expect(q && total && hit && summary).toBeTruthy()
    if (!q || !total || !hit || !summary) return
    expect(q.y).toBeLessThan(total.y)
    expect(total.y).toBeLessThan(hit.y)
    expect(hit.y + 40).toBeLessThan(PHONE.height) // a result is on the first screen
    expect(await page.locator('#facets').isVisible()).toBe(false) // behind the button
    expect(await page.locator('#map').isVisible()).toBe(false) // the map is the other tab
    await screenshot(page, `search-phone-${lang}`)
    await page.click('#filters > summary')
    expect(await page.locator('fieldset[data-facet="service"] input').first().isVisible()).toBe(true)
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390)
    await page.click('#filters > summary')
    await page.click('#tab-map')
    await page.waitForSelector('#map .cluster, #map .pin')
    expect(await page.locator('#results').isVisible()).toBe(false)
    expect(await page.getAttribute('#tab-map', 'aria-selected')).toBe('true')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, `search-phone-map-${lang}`)
    await page.focus('#tab-map')
    await page.keyboard.press('ArrowLeft')
    expect(await page.getAttribute('#tab-list', 'aria-selected')).toBe('true')
    expect(await page.locator('#results').isVisible()).toBe(true)
    await page.close()
  })

  test.each(['/orgs/long-words', '/orgs/long-words?lang=es', '/?q=Cooperativadetecnologiaslibres'])('no sideways scroll at 390 px: %s', async (path) => {
    const page = await open(path, 'en-GB', PHONE)
    await page.waitForLoadState('load')
    expect(await scrollWidth(page)).toBeLessThanOrEqual(390)
    if (path.startsWith('/orgs/')) await screenshot(page, `profile-phone${path.includes('es') ? '-es' : ''}`)
    await page.close()
  })
})
