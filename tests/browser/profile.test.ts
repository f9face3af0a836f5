/**
 * Profile pages in real Chromium: each of the four languages, a small map,
 * no serious accessibility violation, and a listing whose name is markup
 * shown as text everywhere it appears (profile, result list, map popup).
 */
import type { Browser, Page } from 'playwright-core'
import type { ServerProcess } from '../support/process'
import { startWebInstance, screenshot, axeViolations, type WebInstance } from './browser'
import { demoListings } from '../../src/directory/demo/demo-data'

jest.setTimeout(120000)
const TOKEN = 'browser-test-operator-token'
const EVIL = '<img src=x onerror=alert(1)>'

describe('profile pages', () => {
  let web: WebInstance
  let server: ServerProcess
  let browser: Browser
  let page: Page
  let dialogs: string[]
  const slug = (demoListings(1)[0] as { slug: string }).slug

  beforeAll(async () => {
    web = await startWebInstance('profile', { env: { ADMIN_TOKEN: TOKEN } })
    ;({ server, browser } = web)
    const res = await fetch(`${server.url}/api/listings`, {
      method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'evil-name', name: EVIL, kind: 'collective', summary: `<p>${EVIL.replace(/</g, '&lt;')}</p>`, location: [{ name: EVIL, latitude: -33.45, longitude: -70.66 }] })
    })
    expect(res.status).toBe(201)
  })
  afterAll(async () => {
    await web?.close()
  })
  beforeEach(async () => {
    dialogs = []
    page = await browser.newPage()
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
  })
  afterEach(async () => {
    await page.close()
  })

  test.each([
    ['en', 'Locations', 'Languages'],
    ['es', 'Ubicaciones', 'Idiomas'],
    ['fr', 'Adresses', 'Langues'],
    ['pt', 'Endereços', 'Idiomas']
  ])('in %s', async (lang, locations, languages) => {
    await page.goto(`${server.url}/orgs/${slug}?lang=${lang}`, { waitUntil: 'domcontentloaded' })
    expect(await page.getAttribute('html', 'lang')).toBe(lang)
    expect(await page.locator('h2', { hasText: locations }).count()).toBe(1)
    expect(await page.locator('dt', { hasText: languages }).count()).toBe(1)
    await page.waitForSelector('#profile-map .pin')
    if (lang === 'es') await screenshot(page, 'profile-es')
    // the choice is remembered: the next page comes in the same language
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' })
    expect(await page.getAttribute('html', 'lang')).toBe(lang)
  })

  test('the profile page has no serious accessibility violation', async () => {
    await page.goto(`${server.url}/orgs/${slug}`, { waitUntil: 'domcontentloaded' })
    await page.waitForSelector('#profile-map .pin')
    expect(await axeViolations(page)).toEqual([])
    await screenshot(page, 'profile')
  })

  test('a name made of markup is shown as that text, and runs nothing', async () => {
    await page.goto(`${server.url}/orgs/evil-name`, { waitUntil: 'domcontentloaded' })
    expect(await page.locator('h1').textContent()).toBe(EVIL)
    expect(await page.locator('main img:not(.leaflet-tile)').count()).toBe(0)
    await page.goto(`${server.url}/?q=onerror`)
    await page.waitForFunction(() => /^1 /.test((globalThis as unknown as { document: { querySelector(s: string): { textContent: string } } }).document.querySelector('#total').textContent))
    expect(await page.locator('#hits .hit h3').first().textContent()).toBe(EVIL)
    await page.locator('#map .pin').first().click()
    await page.waitForSelector('.leaflet-popup .popup a')
    expect(await page.locator('.leaflet-popup .popup a').textContent()).toBe(EVIL)
    expect(await page.locator('main img:not(.leaflet-tile)').count()).toBe(0)
    expect(dialogs).toEqual([])
  })
})
