/**
 * The operator's Murmurations page in a browser (issue 13): with an index
 * set, each registered listing's node status in words, a refused one with
 * the index's reason; no serious axe violation in any of the four
 * languages; on a phone the table stays readable (screenshots in
 * artifacts/screenshots).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Server } from 'node:http'
import type { Browser, Page } from 'playwright-core'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { startFakeIndex, type FakeIndex } from '../support/murmurations-index'
import { freePort } from '../support/process'
import { waitFor } from '../support/wait'
import { launch, axeViolations, SCREENSHOTS } from './browser'

let index: FakeIndex
let inst: TestInstance
let server: Server
let browser: Browser
let page: Page
let url: string

beforeAll(async () => {
  index = await startFakeIndex()
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  inst = await composeInstance({ PUBLIC_URL: url, ALLOW_PRIVATE_ADDRESSES: '127.0.0.1', MURMURATIONS_INDEX_URL: index.url })
  server = await new Promise((resolve) => {
    const s = inst.tejido.app.listen(port, '127.0.0.1', () => resolve(s))
  })
  for (const [slug, name] of [['red-tejida', 'Red Tejida'], ['cooperativa-larga', 'Cooperativa de Servicios Digitales del Sur Global']]) {
    expect((await inst.tejido.listings.create(sampleListing({ slug, name }))).ok).toBe(true)
  }
  await waitFor(() => [...index.nodes.values()].filter((n) => n.status === 'posted').length === 2, 'two posted')
  // the index refuses the next one
  index.failNext('/v2/nodes-sync', { status: 403 })
  expect((await inst.tejido.listings.create(sampleListing({ slug: 'refusada', name: 'Refusada' }))).ok).toBe(true)
  await waitFor(() => index.calls.filter((c) => c === 'POST /v2/nodes-sync').length === 3, 'the third sent')
  browser = await launch()
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  page = await (await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en' })).newPage()
  await page.goto(`${url}/operators?lang=en`)
  await page.fill('#token', ADMIN_TOKEN)
  await page.click('button[type=submit]')
  await page.waitForURL(/\/operators\/queue/)
}, 60000)
afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await inst?.close()
  await index?.close()
})

test('node statuses in words, in four languages, with no serious axe violation', async () => {
  await page.click('.operator-nav a[href="/operators/murmurations"]')
  await page.waitForURL(/\/operators\/murmurations/)
  await waitFor(async () => (await page.reload(), (await page.locator('tr[data-slug="refusada"] td').nth(2).textContent()) === 'HTTP 403: Refused: try again later'), 'the refusal shown')
  expect(await page.locator('tr[data-slug="red-tejida"] td').nth(1).textContent()).toBe('Posted')
  for (const lang of ['en', 'es', 'fr', 'pt']) {
    await page.goto(`${url}/operators/murmurations?lang=${lang}`, { waitUntil: 'domcontentloaded' })
    expect({ lang, violations: await axeViolations(page) }).toEqual({ lang, violations: [] })
  }
  expect(await page.locator('tr[data-slug="red-tejida"] td').nth(1).textContent()).toBe('Publicado')
  await page.screenshot({ path: path.join(SCREENSHOTS, 'operator-murmurations-pt-desktop.png'), fullPage: true })
  await page.setViewportSize({ width: 390, height: 844 })
  await page.screenshot({ path: path.join(SCREENSHOTS, 'operator-murmurations-pt-phone.png'), fullPage: true })
  // nothing wider than the phone's screen but the table, which scrolls in its own box
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
  expect(overflow).toBeLessThanOrEqual(0)
}, 60000)
