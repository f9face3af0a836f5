/**
 * The search page's "near" field and its answers in real Chromium (issue
 * 11, point 3), with no geolocation: type "Oax", pick the suggestion with
 * the keyboard, and the list and the map search around Oaxaca; a place typed
 * and not picked is read by the server and the map gets its point too; the
 * field without JavaScript; an unknown place explained; zero results with
 * links that find something; axe-core in these states; screenshots of them
 * on a desktop and a phone, in English, Spanish and French.
 */
import type { Page, Request } from 'playwright-core'
import { axeViolations, screenshot } from './browser'
import { startComposedWeb, type ComposedWeb } from './composed'
import { serviceLabel } from '../../src/directory/vocabulary'

jest.setTimeout(120000)

const PHONE = { width: 390, height: 844 }
type Answer = { total: number; hits: Array<{ id: string; distanceKm?: number; matched: { services: string[] } }>; relaxed: string[]; place?: { name: string; countryName: string } }
type Doc = { document: { querySelector(s: string): { textContent: string } | null } }

describe('search page: a place to search around, and answers that help', () => {
  let web: ComposedWeb
  const api = async (search: string): Promise<Answer> => (await fetch(`${web.url}/api/search?${search}`)).json() as Promise<Answer>
  beforeAll(async () => {
    web = await startComposedWeb(120)
  })
  afterAll(async () => {
    await web?.close()
  })

  /** A page with no geolocation at all, in `lang`. */
  async function open(path: string, lang: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
    const context = await web.browser.newContext({ locale: lang, viewport, permissions: [] })
    const page = await context.newPage()
    await page.goto(`${web.url}${path}`)
    return page
  }
  const close = (page: Page) => page.context().close()
  /** Waits until #total's number is `n`. */
  const totalIs = (page: Page, n: number) => page.waitForFunction((want) => ((globalThis as unknown as Doc).document.querySelector('#total')?.textContent ?? '').replace(/\D/g, '') === String(want), n)
  /** The next points request of the map, once it is made. */
  const pointsRequest = (page: Page): Promise<Request> => page.waitForRequest((r) => r.url().includes('/api/search.points?'))

  test('type "Oax", pick Oaxaca with the keyboard: the list and the map search around it', async () => {
    const page = await open('/?lang=en', 'en-GB')
    await page.locator('#place').pressSequentially('Oax')
    const option = page.locator('#place-options [role="option"]', { hasText: 'Oaxaca, Mexico' })
    await option.waitFor()
    expect(await page.getAttribute('#place', 'role')).toBe('combobox')
    expect(await page.getAttribute('#place', 'aria-expanded')).toBe('true')
    expect(await page.textContent('#place-status')).toMatch(/^\d+ places?: choose/)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'near-suggestions-en-desktop')
    await page.keyboard.press('ArrowDown')
    const first = page.locator('#place-options [role="option"]').first()
    expect(await first.getAttribute('aria-selected')).toBe('true')
    expect(await page.getAttribute('#place', 'aria-activedescendant')).toBe(await first.getAttribute('id'))
    expect(await first.textContent()).toBe('Oaxaca, Mexico')
    const points = pointsRequest(page)
    await page.keyboard.press('Enter')
    // the map asks around the picked place, as the list does
    const asked = new URL((await points).url()).searchParams
    expect(asked.get('near')).toMatch(/^17\.06\d*,-96\.72\d*$/)
    expect(asked.get('radius')).toBe('50')
    await page.locator('#place-note', { hasText: 'Within 50 km of Oaxaca, Mexico.' }).waitFor()
    expect(await page.getAttribute('#place', 'aria-expanded')).toBe('false')
    expect(await page.inputValue('#place')).toBe('Oaxaca, Mexico')
    expect(await page.inputValue('#sort')).toBe('distance')
    const expected = await api(`near=${asked.get('near')}&radius=50&sort=distance`)
    expect(expected.total).toBeGreaterThan(0)
    await totalIs(page, expected.total)
    const km = (await page.locator('#hits .hit .distance').allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
    expect(km.length).toBeGreaterThan(0)
    expect(km.every((d) => d <= 50)).toBe(true)
    expect([...km].sort((a, b) => a - b)).toEqual(km)
    const url = new URL(page.url())
    expect([url.searchParams.get('place'), url.searchParams.get('radius')]).toEqual(['Oaxaca, Mexico', '50'])
    // the language switch keeps the place
    expect(await page.getAttribute('.langs a[hreflang="es"]', 'href')).toContain('place=Oaxaca%2C+Mexico')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'near-picked-en-desktop')
    await close(page)
  })

  test('the arrows wrap, Escape closes the list, a click picks', async () => {
    const page = await open('/?lang=es', 'es-ES')
    await page.locator('#place').pressSequentially('San')
    await page.locator('#place-options [role="option"]').nth(2).waitFor()
    const count = await page.locator('#place-options [role="option"]').count()
    await page.keyboard.press('ArrowUp')
    expect(await page.locator('#place-options [role="option"]').nth(count - 1).getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('#place-options [role="option"]').first().getAttribute('aria-selected')).toBe('true')
    await page.keyboard.press('Escape')
    expect(await page.locator('#place-options').isHidden()).toBe(true)
    expect(await page.getAttribute('#place', 'aria-expanded')).toBe('false')
    expect(await page.inputValue('#place')).toBe('San')
    await page.keyboard.press('ArrowDown')
    expect(await page.locator('#place-options').isVisible()).toBe(true)
    const label = (await page.locator('#place-options [role="option"]').nth(1).textContent()) ?? ''
    await page.locator('#place-options [role="option"]').nth(1).click()
    expect(await page.inputValue('#place')).toBe(label)
    await page.locator('#place-note', { hasText: label }).waitFor()
    await close(page)
  })

  test('a place typed and not picked is read by the server, and the map gets its point', async () => {
    const page = await open('/?lang=en&radius=200', 'en-GB')
    await page.locator('#place').fill('lima')
    const points = pointsRequest(page)
    await page.locator('#place').press('Enter')
    await page.locator('#place-note', { hasText: 'Within 200 km of Lima, Peru.' }).waitFor()
    const asked = new URL((await points).url()).searchParams
    expect(asked.get('near')).toMatch(/^-12\.04\d*,-77\.02\d*$/)
    const expected = await api(`near=${asked.get('near')}&radius=200`)
    await totalIs(page, expected.total)
    expect(new URL(page.url()).searchParams.get('near')).toBe(asked.get('near'))
    await close(page)
  })

  test('a shared link with a place: the map asks around it from the first draw', async () => {
    const context = await web.browser.newContext({ locale: 'fr-FR' })
    const page = await context.newPage()
    const points = pointsRequest(page)
    await page.goto(`${web.url}/?place=Oaxaca&radius=200&lang=fr`)
    const asked = new URL((await points).url()).searchParams
    expect([asked.get('place'), asked.get('radius')]).toEqual(['Oaxaca', '200'])
    expect(asked.get('near')).toMatch(/^17\.06\d*,-96\.72\d*$/)
    expect(await page.textContent('#place-note')).toBe('À moins de 200 km de Oaxaca, Mexique.')
    await screenshot(page, 'near-shared-fr-desktop')
    await context.close()
  })

  test('without JavaScript, the typed name is read on the server with the radius', async () => {
    const context = await web.browser.newContext({ javaScriptEnabled: false, locale: 'pt-BR' })
    const page = await context.newPage()
    await page.goto(`${web.url}/?lang=pt`)
    await page.fill('#place', 'sao paulo')
    await page.selectOption('#radius', '50')
    await page.click('.search-row button[type="submit"]')
    expect(await page.textContent('#place-note')).toBe('A menos de 50 km de São Paulo, Brasil.')
    const km = (await page.locator('#hits .hit .distance').allTextContents()).map((t) => Number(t.replace(/\D/g, '')))
    expect(km.length).toBeGreaterThan(0)
    expect(km.every((d) => d <= 50)).toBe(true)
    expect(new URL(page.url()).searchParams.get('place')).toBe('sao paulo')
    await context.close()
  })

  test.each([
    ['en', 'desktop', 'No town or city called “Oaxcaa” is known here.'],
    ['es', 'phone', 'No conocemos ninguna ciudad ni pueblo llamado «Oaxcaa».']
  ])('an unknown place explains itself next to the field (%s, %s)', async (lang, screen, message) => {
    const page = await open(`/?lang=${lang}`, lang, screen === 'phone' ? PHONE : undefined)
    await page.locator('#place').fill('Oaxcaa')
    const points = page.waitForResponse((r) => r.url().includes('/api/search.points?'))
    await page.locator('#place').press('Enter')
    // the map is asked with no point, which the API refuses: no points, as the list lists none
    const answer = await points
    expect([new URL(answer.url()).searchParams.get('near'), answer.status()]).toEqual(['', 400])
    const said = page.locator('#error-place')
    await said.waitFor({ state: 'visible' })
    expect(await said.textContent()).toContain(message)
    expect(await page.getAttribute('#place', 'aria-invalid')).toBe('true')
    expect(await page.locator('#hits .hit').count()).toBe(0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, `near-unknown-${lang}-${screen}`)
    // a known place clears it
    await page.locator('#place').fill('Oaxaca')
    await page.locator('#place').press('Enter')
    await said.waitFor({ state: 'hidden' })
    expect(await page.getAttribute('#place', 'aria-invalid')).toBeNull()
    await close(page)
  })

  test.each([
    ['en', 'desktop', 'Remove the filter Countries: Iceland'],
    ['es', 'phone', 'Quitar el filtro Países: Islandia'],
    ['fr', 'phone', 'Retirer le filtre Pays : Islande']
  ])('zero results: each drop is a link that finds something (%s, %s)', async (lang, screen, drop) => {
    const page = await open(`/?q=correo&country=IS&lang=${lang}`, lang, screen === 'phone' ? PHONE : undefined)
    expect(await page.textContent('#total')).toMatch(/^0 /)
    const link = page.locator('.drops a', { hasText: drop })
    await link.waitFor()
    const finds = Number(((await link.locator('xpath=..').locator('.count').textContent()) ?? '').replace(/\D/g, ''))
    expect(finds).toBe((await api('q=correo')).total)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, `zero-results-${lang}-${screen}`)
    await link.click()
    await page.waitForURL((u) => !u.searchParams.has('country'))
    await totalIs(page, finds)
    expect(new URL(page.url()).searchParams.get('q')).toBe('correo')
    await close(page)
  })

  test.each([
    ['desktop', undefined],
    ['phone', PHONE]
  ])('"correo seguro Oaxaca" on the embedded engine: the place read in the words, the matched services marked, words left out said (%s)', async (screen, viewport) => {
    const page = await open('/?lang=es', 'es-ES', viewport)
    const expected = await api('q=correo+seguro+Oaxaca&lang=es')
    expect(expected.place?.name).toBe('Oaxaca')
    await page.fill('#q', 'correo seguro Oaxaca')
    await page.locator('#place-note', { hasText: 'Cerca de Oaxaca, México (según «Oaxaca» en tu búsqueda)' }).waitFor()
    await totalIs(page, expected.total)
    const hits = page.locator('#hits .hit')
    expect(await hits.evaluateAll((items) => items.map((i) => i.getAttribute('data-id')))).toEqual(expected.hits.map((h) => h.id))
    // each hit marks the services it was found by, in words as well as in looks
    for (const [i, hit] of expected.hits.slice(0, 5).entries()) {
      const marked = await hits.nth(i).locator('.services .matched').allTextContents()
      expect(marked).toEqual(hit.matched.services.map((s) => `✓ ${serviceLabel(s, 'es')} (coincide con tu búsqueda)`))
    }
    expect(expected.hits[0]?.matched.services).toContain('encrypted-email')
    expect(await hits.first().locator('.distance').textContent()).toMatch(/^[\d.]+ km$/)
    expect(await hits.first().locator('.updated time').getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    const relaxed = page.locator('#results .relaxed')
    expect(await relaxed.count()).toBe(expected.relaxed.length ? 1 : 0)
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, `words-place-es-${screen}`)
    if (!expected.relaxed.length) return await close(page)
    for (const word of expected.relaxed) expect(await relaxed.textContent()).toContain(`«${word}»`)
    await relaxed.locator('a').click()
    await page.waitForURL((u) => (u.searchParams.get('q') ?? '').split(' ').length === 3 - expected.relaxed.length)
    await totalIs(page, (await api(`q=${encodeURIComponent(new URL(page.url()).searchParams.get('q') ?? '')}&lang=es`)).total)
    await close(page)
  })

  test('on a phone, the suggestions fit the screen and nothing scrolls sideways', async () => {
    const page = await open('/?lang=es', 'es-ES', PHONE)
    await page.locator('#place').pressSequentially('Oax')
    await page.locator('#place-options [role="option"]').first().waitFor()
    const box = await page.locator('#place-options').boundingBox()
    expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true)
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await screenshot(page, 'near-suggestions-es-phone')
    await close(page)
  })
})
