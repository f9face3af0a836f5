/**
 * First run in real Chromium (issue 12, point 6): an empty directory's map
 * page shows how listings arrive; the operator loads demo data from the
 * listings page; the map shows them marked as examples; the operator removes
 * them (confirmed) and the guide is back. No serious axe violation on any
 * state; screenshots on a desktop and a phone, in English and Spanish.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { composeInstance, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { freePort } from '../support/process'
import { launch, axeViolations } from './browser'
import { CATALOGS } from '../../src/http/site/i18n/messages'

jest.setTimeout(180000)
const SHOTS = process.env.SHOTS_DIR ?? path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots')
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const

let inst: TestInstance
let server: Server
let browser: Browser
let url: string

beforeAll(async () => {
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  inst = await composeInstance({ PUBLIC_URL: url })
  server = await new Promise((resolve) => {
    const s = inst.tejido.app.listen(port, '127.0.0.1', () => resolve(s))
  })
  expect((server.address() as AddressInfo).port).toBe(port)
  browser = await launch()
  fs.mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await inst?.close()
})

/** Each language and size: the page at `pathname`, checked with axe and `check`, then photographed. */
async function everyView(name: string, pathname: string, check: (page: Page, lang: 'en' | 'es', size: string) => Promise<void>): Promise<void> {
  for (const lang of ['en', 'es'] as const) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const context = await browser.newContext({ viewport, locale: lang })
      const page = await context.newPage()
      await page.goto(`${url}${pathname}${pathname.includes('?') ? '&' : '?'}lang=${lang}`, { waitUntil: 'domcontentloaded' })
      await check(page, lang, size)
      expect(await axeViolations(page)).toEqual([])
      // a phone's shot is its first screen: a whole page of results there is too long to read
      await page.screenshot({ path: path.join(SHOTS, `first-run-${name}-${lang}-${size}.png`), fullPage: size === 'desktop' })
      await context.close()
    }
  }
}

test('empty map, the operator loads demo data, examples on the map, removed again', async () => {
  await everyView('empty', '/', async (page, lang) => {
    await page.locator('#first-run').waitFor()
    expect(await page.locator('#first-run h2').textContent()).toBe(CATALOGS[lang]['firstRun.title'])
    expect(await page.locator('#first-run a[href="/join"]').count()).toBe(1)
  })

  const context = await browser.newContext({ viewport: SIZES.desktop, locale: 'en' })
  const page = await context.newPage()
  await page.goto(`${url}/operators?lang=en`)
  await page.fill('#token', ADMIN_TOKEN)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/operators\/queue/)
  await page.goto(`${url}/operators/listings`)
  expect(await axeViolations(page)).toEqual([])
  await page.getByRole('button', { name: CATALOGS.en['firstRun.load'] }).click()
  await page.waitForURL(/demo=loaded/)
  expect(await page.locator('#demo [role=status]').textContent()).toBe('320 demo listings loaded (0 were already there).')
  expect(await axeViolations(page)).toEqual([])
  await page.screenshot({ path: path.join(SHOTS, 'first-run-operator-loaded-en-desktop.png'), fullPage: true })

  await everyView('examples', '/', async (shown, lang, size) => {
    // a phone shows the list first, and draws the map when its tab is chosen
    if (size === 'phone') await shown.locator('#tab-map').click()
    await shown.locator('#map .cluster').first().waitFor()
    if (size === 'phone') await shown.locator('#tab-list').click()
    expect(await shown.locator('#first-run').count()).toBe(0)
    const marks = await shown.locator('#hits .hit .example-mark').allTextContents()
    expect(marks.length).toBe(20)
    expect(new Set(marks)).toEqual(new Set([CATALOGS[lang]['firstRun.example']]))
  })
  const first = await page.request.get(`${url}/api/listings?perPage=1`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  const slug = ((await first.json()) as { items: Array<{ slug: string }> }).items[0]?.slug as string
  await everyView('profile', `/orgs/${slug}`, async (shown, lang) => {
    expect(await shown.locator('.notice[role=note]').first().textContent()).toBe(CATALOGS[lang]['profile.example'])
  })

  await page.goto(`${url}/operators/listings?lang=es`)
  await page.getByRole('button', { name: CATALOGS.es['firstRun.remove'] }).click()
  expect(page.url()).not.toMatch(/demo=removed/) // the required tick stops the form
  await page.getByLabel(CATALOGS.es['firstRun.confirm']).check()
  await page.getByRole('button', { name: CATALOGS.es['firstRun.remove'] }).click()
  await page.waitForURL(/demo=removed/)
  expect(await page.locator('#demo [role=status]').textContent()).toBe('320 fichas de demostración quitadas.')
  expect(await axeViolations(page)).toEqual([])
  await page.screenshot({ path: path.join(SHOTS, 'first-run-operator-removed-es-desktop.png'), fullPage: true })
  await page.goto(`${url}/`)
  await page.locator('#first-run').waitFor()
  await context.close()
})
