/**
 * Every field of the schema on the editor form, in real Chromium (issue 12,
 * point 3): the editor signs in from the profile's "Edit this listing",
 * adds a second place from "Add another place" (a typed comma decimal), a
 * logo and an email for partners only; the preview shows both places while
 * the public profile is unchanged; Save publishes exactly that. axe-core: no
 * serious violation on the editor form, with and without errors, in the
 * four languages.
 */
import https from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Page } from 'playwright-core'
import { startComposedWeb, type ComposedWeb } from './composed'
import { axeViolations, screenshot } from './browser'
import { sampleListing } from '../support/instance'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { selfSignedLoopback, trustOnly } from '../support/tls'

jest.setTimeout(150000)
const PASSWORD = 'a-long-editor-password'
const SLUG = 'fields-en'

/** A PNG's signature and some bytes: what the logo check reads as a PNG. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200)])

let web: ComposedWeb
let page: Page
/** Where the co-op keeps its logo: a local https server (the schema keeps only https logos), which the instance may reach (ALLOW_PRIVATE_ADDRESSES) and trusts. */
let logos: https.Server
let logoBase = ''
let untrust = (): void => undefined
beforeAll(async () => {
  const tls = selfSignedLoopback()
  untrust = trustOnly(tls.cert)
  logos = https.createServer(tls, (req, res) => {
    if (req.url === '/logo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(PNG)
    res.writeHead(200, { 'content-type': 'text/html' }).end('<p>not a logo</p>')
  })
  await new Promise<void>((resolve) => logos.listen(0, '127.0.0.1', resolve))
  logoBase = `https://127.0.0.1:${(logos.address() as AddressInfo).port}`
  web = await startComposedWeb(1, { ALLOW_PRIVATE_ADDRESSES: '127.0.0.1' })
  const made = await web.inst.tejido.listings.create(sampleListing({ slug: SLUG, name: 'Red Tejida', nameMap: undefined }))
  if (!made.ok) throw new Error(`listing refused: ${JSON.stringify(made.error)}`)
  expect(await new EditorAccountStore(web.inst.tejido.store.db).create(`editor@${SLUG}.example`, PASSWORD, made.value.id)).toBe(true)
  page = await web.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' })
})
afterAll(async () => {
  await web?.close()
  await new Promise((resolve) => logos?.close(resolve))
  untrust()
})

const stored = async () => {
  const found = await web.inst.tejido.listings.get(SLUG)
  if (!found.ok) throw new Error('the listing is gone')
  return found.value
}

const publicPlaces = async (): Promise<number> => {
  const visitor = await web.browser.newPage()
  await visitor.goto(`${web.url}/orgs/${SLUG}`, { waitUntil: 'domcontentloaded' })
  const count = await visitor.locator('ul.places li').count()
  await visitor.close()
  return count
}

test('from the profile\'s link to a second place, a logo and a partners-only email: previewed unpublished, then saved', async () => {
  await page.goto(`${web.url}/orgs/${SLUG}`, { waitUntil: 'domcontentloaded' })
  await page.getByRole('link', { name: 'Edit this listing' }).click()
  await page.waitForURL(`**/editors?listing=${SLUG}`)
  await page.fill('#email', `editor@${SLUG}.example`)
  await page.fill('#password', PASSWORD)
  await page.locator('main form button[type="submit"]').click()
  await page.waitForURL('**/editors/listing')
  expect(await page.locator('a[href="/editors/account"]').textContent()).toBe('Account settings')
  expect(await page.inputValue('#f-location-0-name')).toBe('Oaxaca office')
  expect(await page.inputValue('#f-icon')).toBe('')

  // A second place, from the folded empty one.
  await page.click('details.add-place > summary')
  await page.fill('#f-location-1-name', 'Recife')
  // The map serves the place being filled in: a click sets the second place's coordinates, not the first's.
  await page.waitForSelector('#pick-map.leaflet-container')
  await page.click('#pick-map', { position: { x: 200, y: 120 } })
  expect(await page.inputValue('#f-location-1-latitude')).not.toBe('')
  expect(await page.inputValue('#f-location-0-latitude')).toBe('17.0732')
  await page.fill('#f-location-1-latitude', '-8,05')
  await page.fill('#f-location-1-longitude', '-34,9')
  // A page that is not an image is refused at the logo, the rest kept as typed.
  await page.fill('#f-icon', `${logoBase}/about.html`)
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  await page.waitForSelector('#f-icon-error')
  expect(await page.inputValue('#f-location-1-latitude')).toBe('-8,05')
  await page.fill('#f-icon', `${logoBase}/logo.png`)
  await page.selectOption('#f-contactVisibility-email', 'partners')
  await page.getByRole('button', { name: 'Preview', exact: true }).click()
  await page.waitForSelector('section.preview article.profile')
  expect(await page.locator('section.preview ul.places li').count()).toBe(2)
  expect(await page.locator('section.preview ul.contact').textContent()).not.toContain('hola@red-tejida.example') // partners only
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'editor-fields-preview')
  expect(await publicPlaces()).toBe(1) // the preview wrote nothing
  expect((await stored()).icon).toBeUndefined()

  await page.getByRole('button', { name: 'Save changes', exact: true }).click()
  await page.waitForSelector('main p[role="status"]:has-text("Saved.")')
  const after = await stored()
  expect(after.location).toEqual([(sampleListing().location as unknown[])[0], { name: 'Recife', latitude: -8.05, longitude: -34.9 }])
  expect(after.icon).toBe(`${logoBase}/logo.png`)
  expect(after.contactVisibility).toEqual({ phone: 'partners', email: 'partners' })
  expect(after).toMatchObject({ name: 'Red Tejida', founded: 2015, pricing: 'Sliding scale', networks: ['CoTech'], regionsServed: ['MX-OAX', 'remote'] })
  expect(await publicPlaces()).toBe(2)
  // The saved form shows both places, each with its box to remove it, and one more folded.
  expect(await page.inputValue('#f-location-1-name')).toBe('Recife')
  expect(await page.locator('input[name="_remove.location.1"]').count()).toBe(1)
  expect(await page.locator('details.add-place #f-location-2-name').count()).toBe(1)
})

test.each(['en', 'es', 'fr', 'pt'])('the editor form in %s: no serious axe violation, with or without errors', async (lang) => {
  await page.goto(`${web.url}/editors/listing?lang=${lang}`, { waitUntil: 'domcontentloaded' })
  await page.waitForSelector('form#join')
  expect(await axeViolations(page)).toEqual([])
  await page.fill('#f-location-1-latitude', 'north')
  await page.fill('#f-founded', 'long ago')
  await page.locator('button[value="preview"]').click()
  await page.waitForFunction("document.activeElement?.id === 'form-errors'")
  expect(await page.locator('#f-founded-error').count()).toBe(1)
  expect(await axeViolations(page)).toEqual([])
  if (lang === 'fr') await screenshot(page, 'editor-fields-errors-fr')
})
