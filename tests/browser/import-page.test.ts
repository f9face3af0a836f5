/**
 * The operator's import page and the search page's downloads in real
 * Chromium (issue 13, Builds 1 and 4): a file chosen, checked (the report
 * with a refused row), imported with one more click; a file in the wrong
 * encoding told on the form; axe finds no serious violation on the form, the
 * error, the report and the result, in English, Spanish, French and
 * Portuguese; screenshots on a desktop and a phone, in English and Spanish
 * (SHOTS_DIR, else artifacts/screenshots), of these and of the search page's
 * "download these results".
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { freePort } from '../support/process'
import { launch, axeViolations } from './browser'
import { demoListings } from '../../src/directory/demo/demo-data'
import { CATALOGS } from '../../src/http/site/i18n/messages'

jest.setTimeout(240000)
const SHOTS = process.env.SHOTS_DIR ?? path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots')
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }
const LANGS = ['en', 'es', 'fr', 'pt'] as const

let inst: TestInstance
let server: Server
let browser: Browser
let url: string
let page: Page

beforeAll(async () => {
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  inst = await composeInstance({ PUBLIC_URL: url })
  for (const listing of demoListings(40)) expect((await inst.tejido.listings.create(listing)).ok).toBe(true)
  server = await new Promise((resolve) => {
    const s = inst.tejido.app.listen(port, '127.0.0.1', () => resolve(s))
  })
  browser = await launch()
  fs.mkdirSync(SHOTS, { recursive: true })
  page = await (await browser.newContext({ viewport: DESKTOP, locale: 'en' })).newPage()
  await page.goto(`${url}/operators?lang=en`)
  await page.fill('#token', ADMIN_TOKEN)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/operators\/queue/)
})
afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await inst?.close()
})

async function shots(name: string): Promise<void> {
  await page.setViewportSize(DESKTOP)
  await page.screenshot({ path: path.join(SHOTS, `${name}-desktop.png`), fullPage: true })
  await page.setViewportSize(PHONE)
  await page.screenshot({ path: path.join(SHOTS, `${name}-phone.png`), fullPage: true })
  await page.setViewportSize(DESKTOP)
}

const file = (rows: unknown[], name = 'listings.jsonl') => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n')) })
const goodFile = file([sampleListing({ slug: 'importada', name: 'Cooperativa Importada' }), { slug: 'sin-nombre', kind: 'collective' }])
const latin1File = { name: 'hoja.json', mimeType: 'text/csv', buffer: Buffer.from('[{"name":"Caf\xe9"}]', 'latin1') }

/** Chooses a file and sends the form, in `lang`; resolves once the answer's page is loaded. */
async function check(lang: string, chosen: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.goto(`${url}/operators/import?lang=${lang}`)
  await page.setInputFiles('#import-file', chosen)
  await Promise.all([page.waitForNavigation(), page.click('.import-form button[type=submit]')])
}

test('the form, an error on it, the report and the result: accessible in four languages, photographed', async () => {
  for (const lang of LANGS) {
    await page.goto(`${url}/operators/import?lang=${lang}`)
    expect({ lang, form: await axeViolations(page) }).toEqual({ lang, form: [] })
    await check(lang, latin1File)
    expect(await page.locator('#import-error p').textContent()).toBe(CATALOGS[lang]['imp.error.notUtf8'])
    expect({ lang, error: await axeViolations(page) }).toEqual({ lang, error: [] })
    if (lang === 'en' || lang === 'es') await shots(`import-error-${lang}`)
    await check(lang, goodFile)
    expect(await page.locator('h1').textContent()).toBe(CATALOGS[lang]['imp.reportTitle'])
    expect(await page.locator('table.refusals tbody tr').count()).toBe(1)
    expect({ lang, report: await axeViolations(page) }).toEqual({ lang, report: [] })
    if (lang === 'en' || lang === 'es') {
      await page.locator('table.import-counts details').first().evaluate((d) => d.setAttribute('open', ''))
      await shots(`import-report-${lang}`)
    }
  }
  await page.goto(`${url}/operators/import?lang=en`)
  await shots('import-form-en')
  await page.goto(`${url}/operators/import?lang=es`)
  await shots('import-form-es')

  // the last report (Portuguese) imports with one click
  await check('pt', goodFile)
  await Promise.all([page.waitForNavigation(), page.click('.import-confirm button[type=submit]')])
  expect(await page.locator('h1').textContent()).toBe(CATALOGS.pt['imp.resultTitle'])
  expect(await axeViolations(page)).toEqual([])
  const made = await inst.tejido.listings.get('importada')
  expect(made.ok).toBe(true)
})

test('the search page offers downloads of its results, on a desktop and a phone', async () => {
  for (const lang of ['en', 'es'] as const) {
    await page.goto(`${url}/?lang=${lang}&service=web-hosting`)
    const links = page.locator('.downloads a')
    expect(await links.count()).toBe(2)
    expect(await page.locator('#downloads-title').textContent()).toBe(CATALOGS[lang]['dl.title'])
    expect(await links.nth(1).getAttribute('href')).toBe('/api/export?service=web-hosting&format=geojson')
    await page.locator('.downloads').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, `search-downloads-${lang}-desktop.png`) })
    await page.setViewportSize(PHONE)
    await page.locator('.downloads').scrollIntoViewIfNeeded()
    await page.screenshot({ path: path.join(SHOTS, `search-downloads-${lang}-phone.png`) })
    await page.setViewportSize(DESKTOP)
  }
  // with JavaScript, ticking another facet renews the links with the results
  await page.goto(`${url}/?lang=en&service=web-hosting`)
  await page.locator('#facets input[name="language"][value="es"]').check()
  await page.waitForFunction("document.querySelector('.downloads a[data-format=geojson]')?.getAttribute('href').includes('language=es')")
  expect(await page.locator('.downloads a[data-format=geojson]').getAttribute('href')).toBe('/api/export?service=web-hosting&language=es&format=geojson')
})
