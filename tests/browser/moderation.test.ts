/**
 * Moderation in real Chromium (issue 12, "Done when"): an editor's new name
 * and website are held for review — the editor's page says so and keeps the
 * proposal, the public profile stays as approved — the operator finds the
 * change in the queue, reads the diff in its full view and approves it, and
 * only then does the public profile change. An application is approved from
 * its full view too; Reject cannot go without its tick; the declined state
 * reaches the editor. axe-core finds no serious violation on any of these
 * pages and states, in English, Spanish, French and Portuguese; screenshots
 * on a desktop and a phone.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { startComposedWeb, type ComposedWeb } from './composed'
import { axeViolations, screenshot } from './browser'
import { ADMIN_TOKEN, sampleListing } from '../support/instance'
import { EditorAccountStore } from '../../src/storage/editor-account-store'

jest.setTimeout(180000)
const PASSWORD = 'a-long-editor-password'
const DESKTOP = { width: 1280, height: 900 }
const PHONE = { width: 390, height: 844 }
const LANGS = ['en', 'es', 'fr', 'pt'] as const
const SHOTS = process.env.MODERATION_SHOTS // a directory to keep screenshots in too (e.g. /tmp/shots-c)

let web: ComposedWeb
beforeAll(async () => {
  web = await startComposedWeb(3)
})
afterAll(async () => {
  await web?.close()
})

async function shot(page: Page, name: string): Promise<void> {
  await screenshot(page, `moderation-${name}`)
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true })
    await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
  }
}

/** No serious violation on the page at `url` in any of the four languages (the page is left in English). */
async function axeEverywhere(page: Page, url: string): Promise<void> {
  for (const lang of LANGS) {
    await page.goto(`${web.url}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`, { waitUntil: 'load' })
    expect({ url, lang, violations: await axeViolations(page) }).toEqual({ url, lang, violations: [] })
  }
}

const publicName = async (context: BrowserContext, slug: string): Promise<string | null> => {
  const visitor = await context.newPage()
  await visitor.goto(`${web.url}/orgs/${slug}`, { waitUntil: 'domcontentloaded' })
  const name = await visitor.locator('main h1').textContent()
  await visitor.close()
  return name
}

async function signInEditor(page: Page, email: string): Promise<void> {
  await page.goto(`${web.url}/editors?lang=en`, { waitUntil: 'domcontentloaded' })
  await page.fill('#email', email)
  await page.fill('#password', PASSWORD)
  await page.locator('main form button[type="submit"]').click()
  await page.waitForURL('**/editors/listing')
}

async function signInOperator(page: Page): Promise<void> {
  await page.goto(`${web.url}/operators?lang=en`, { waitUntil: 'domcontentloaded' })
  await page.fill('#token', ADMIN_TOKEN)
  await page.locator('main form button[type="submit"]').click()
  await page.waitForURL('**/operators/queue')
}

test('an edit of name and website is held; the public profile is unchanged until the operator approves it from the diff', async () => {
  const made = await web.inst.tejido.listings.create(sampleListing({ slug: 'tejido-sur', name: 'Tejido Sur', nameMap: undefined }))
  if (!made.ok) throw new Error('not created')
  await new EditorAccountStore(web.inst.tejido.store.db).create('editor@tejido-sur.example', PASSWORD, made.value.id)
  const context = await web.browser.newContext({ viewport: DESKTOP })
  try {
    const page = await context.newPage()
    await signInEditor(page, 'editor@tejido-sur.example')
    await page.fill('#f-name', 'Tejido Sur Seguro')
    await page.fill('#f-contact-website', 'https://phish.example/login')
    await page.getByRole('button', { name: 'Save changes', exact: true }).click()
    await page.waitForSelector('#held-change')
    expect(await page.locator('main p[role="status"]').textContent()).toContain('Your changes to name and website wait for review')
    expect(await page.inputValue('#f-name')).toBe('Tejido Sur Seguro')
    await shot(page, 'editor-held-en-desktop')
    await page.setViewportSize(PHONE)
    await shot(page, 'editor-held-en-phone')
    await page.setViewportSize(DESKTOP)
    // A reload loses nothing: the notice and the proposed values are still there.
    await page.reload({ waitUntil: 'domcontentloaded' })
    expect(await page.inputValue('#f-contact-website')).toBe('https://phish.example/login')
    expect(await page.locator('#held-change ins').allTextContents()).toEqual(['Tejido Sur Seguro', 'https://phish.example/login'])
    await axeEverywhere(page, '/editors/listing')
    await page.goto(`${web.url}/editors/listing?lang=es`, { waitUntil: 'domcontentloaded' })
    await shot(page, 'editor-held-es-desktop')

    expect(await publicName(context, 'tejido-sur')).toBe('Tejido Sur')

    const operator = await context.browser()?.newContext({ viewport: DESKTOP })
    if (!operator) throw new Error('no browser')
    try {
      const op = await operator.newPage()
      await signInOperator(op)
      await op.locator('tr[data-kind="change"] a', { hasText: 'Tejido Sur' }).click()
      await op.waitForURL('**/operators/queue/changes/tejido-sur')
      const rows = op.locator('table.diff tbody tr')
      expect(await rows.count()).toBe(2)
      expect(await rows.nth(0).locator('th').textContent()).toBe('Name')
      expect(await rows.nth(0).locator('del').textContent()).toBe('Tejido Sur')
      expect(await rows.nth(0).locator('ins').textContent()).toBe('Tejido Sur Seguro')
      expect(await rows.nth(1).locator('ins').textContent()).toBe('https://phish.example/login')
      expect(await op.locator('.queue-profile [itemprop="name"]').textContent()).toBe('Tejido Sur Seguro')
      await shot(op, 'operator-change-en-desktop')
      await op.setViewportSize(PHONE)
      await shot(op, 'operator-change-en-phone')
      await op.setViewportSize(DESKTOP)
      await axeEverywhere(op, '/operators/queue')
      await axeEverywhere(op, '/operators/queue/changes/tejido-sur')
      await op.goto(`${web.url}/operators/queue/changes/tejido-sur?lang=pt`, { waitUntil: 'load' })
      await shot(op, 'operator-change-pt-desktop')
      await op.goto(`${web.url}/operators/queue?lang=en`, { waitUntil: 'load' })
      await shot(op, 'operator-queue-en-desktop')

      // The operator's own edit of the website meanwhile: the diff marks it, with what it was when proposed.
      expect((await web.inst.tejido.listings.update('tejido-sur', { contact: { website: 'https://edited.example' } })).ok).toBe(true)
      await op.goto(`${web.url}/operators/queue/changes/tejido-sur?lang=en`, { waitUntil: 'load' })
      expect(await op.locator('table.diff tr.changed-since th').textContent()).toBe('Website')
      await shot(op, 'operator-change-since-en-desktop')
      await axeEverywhere(op, '/operators/queue/changes/tejido-sur')
      await op.goto(`${web.url}/operators/queue/changes/tejido-sur?lang=en`, { waitUntil: 'load' })
      await op.locator('.decision button', { hasText: 'Approve' }).click()
      await op.waitForURL('**/operators/queue?done=approved')
      expect(await op.locator('main p[role="status"]').textContent()).toBe('Approved and published.')
      expect(await publicName(context, 'tejido-sur')).toBe('Tejido Sur Seguro')
      await page.goto(`${web.url}/editors/listing?lang=en`, { waitUntil: 'domcontentloaded' })
      expect(await page.locator('#held-change').count()).toBe(0)
    } finally {
      await operator.close()
    }
  } finally {
    await context.close()
  }
})

test('an application approved from its full view; Reject asks for its tick; a declined change reaches its editor', async () => {
  const app = await web.inst.tejido.listings.create(sampleListing({ slug: 'nueva-coop', name: 'Nueva Coop', nameMap: undefined }), 'pending')
  const kept = await web.inst.tejido.listings.create(sampleListing({ slug: 'otra-coop', name: 'Otra Coop', nameMap: undefined }))
  if (!app.ok || !kept.ok) throw new Error('not created')
  await new EditorAccountStore(web.inst.tejido.store.db).create('editor@otra-coop.example', PASSWORD, kept.value.id)
  const context = await web.browser.newContext({ viewport: DESKTOP })
  try {
    const page = await context.newPage()
    await signInEditor(page, 'editor@otra-coop.example')
    await page.fill('#f-name', 'Otra Coop Falsa')
    await page.getByRole('button', { name: 'Save changes', exact: true }).click()
    await page.waitForSelector('#held-change')

    const op = await context.browser()?.newContext({ viewport: DESKTOP })
    if (!op) throw new Error('no browser')
    try {
      const o = await op.newPage()
      await signInOperator(o)
      await o.locator('tr[data-kind="application"] a', { hasText: 'Nueva Coop' }).click()
      await o.waitForURL('**/operators/queue/applications/nueva-coop?origin=*')
      expect(await o.locator('.queue-profile [itemprop="name"]').textContent()).toBe('Nueva Coop')
      await o.waitForSelector('.queue-profile #profile-map .pin') // the profile's own map, as on the public page
      await axeEverywhere(o, '/operators/queue/applications/nueva-coop')
      await o.goto(`${web.url}/operators/queue/applications/nueva-coop?lang=fr`, { waitUntil: 'load' })
      await shot(o, 'operator-application-fr-desktop')
      await o.setViewportSize(PHONE)
      await shot(o, 'operator-application-fr-phone')
      await o.setViewportSize(DESKTOP)
      await o.goto(`${web.url}/operators/queue/applications/nueva-coop?lang=en`, { waitUntil: 'load' })
      await o.locator('.decision button', { hasText: 'Approve' }).click()
      await o.waitForURL('**/operators/queue?done=approved')
      expect(await publicName(context, 'nueva-coop')).toBe('Nueva Coop')

      // Reject: the browser will not send it unticked; without the browser's check the server says so.
      await o.goto(`${web.url}/operators/queue/changes/otra-coop?lang=en`, { waitUntil: 'load' })
      await o.locator('button.danger').click()
      expect(await o.evaluate("!document.querySelector('form.reject input[name=confirm]').validity.valid")).toBe(true)
      expect(new URL(o.url()).pathname).toBe('/operators/queue/changes/otra-coop')
      await o.evaluate("document.querySelector('form.reject input[name=confirm]').removeAttribute('required')")
      await o.locator('button.danger').click()
      await o.waitForURL('**/operators/queue/changes/otra-coop?error=confirm#reject')
      expect(await o.locator('main p[role="alert"]').textContent()).toContain('Nothing was rejected')
      await shot(o, 'operator-reject-unticked-en-desktop')
      await axeEverywhere(o, '/operators/queue/changes/otra-coop?error=confirm')
      await o.goto(`${web.url}/operators/queue/changes/otra-coop?lang=en`, { waitUntil: 'load' })
      await o.check('form.reject input[name="confirm"]')
      await o.locator('button.danger').click()
      await o.waitForURL('**/operators/queue?done=rejected')
      await shot(o, 'operator-queue-after-en-desktop')
      await axeEverywhere(o, '/operators/queue?done=rejected')
    } finally {
      await op.close()
    }
    expect(await publicName(context, 'otra-coop')).toBe('Otra Coop')
    await page.goto(`${web.url}/editors/listing?lang=en`, { waitUntil: 'domcontentloaded' })
    expect(await page.locator('#held-change h2').textContent()).toBe('Your proposed change was declined')
    expect(await page.inputValue('#f-name')).toBe('Otra Coop')
    await shot(page, 'editor-declined-en-desktop')
    await axeEverywhere(page, '/editors/listing')
    await page.goto(`${web.url}/editors/listing?lang=pt`, { waitUntil: 'domcontentloaded' })
    await page.setViewportSize(PHONE)
    await shot(page, 'editor-declined-pt-phone')
  } finally {
    await context.close()
  }
})
