/**
 * An editor in real Chromium (issue 12): from the public profile's "Edit
 * this listing" to the sign-in and the form; a new name previewed in the
 * profile's own layout (map included, no serious accessibility violation)
 * while the public profile, opened in the same browser, still shows the old
 * name; then Save, and the public profile shows the new one. In English on a
 * desktop and in Portuguese on a phone, with screenshots of each step (an
 * invalid edit's preview, the form with its errors, included).
 */
import type { BrowserContext, Page } from 'playwright-core'
import { startComposedWeb, type ComposedWeb } from './composed'
import { axeViolations, screenshot } from './browser'
import { sampleListing } from '../support/instance'
import { EditorAccountStore } from '../../src/storage/editor-account-store'

jest.setTimeout(120000)
const PASSWORD = 'a-long-editor-password'
const DESKTOP = { width: 1280, height: 800 }
const PHONE = { width: 390, height: 844 }

let web: ComposedWeb
beforeAll(async () => {
  web = await startComposedWeb(3, { REVIEW_CHANGES: 'none' }) // Save publishes at once; review is moderation.test.ts
})
afterAll(async () => {
  await web?.close()
})

/** An approved listing of this instance named `name`, and the email of its editor account. */
async function listingWithAccount(slug: string, name: string): Promise<string> {
  const made = await web.inst.tejido.listings.create(sampleListing({ slug, name, nameMap: undefined }))
  if (!made.ok) throw new Error(`listing refused: ${JSON.stringify(made.error)}`)
  const email = `editor@${slug}.example`
  expect(await new EditorAccountStore(web.inst.tejido.store.db).create(email, PASSWORD, made.value.id)).toBe(true)
  return email
}

/** Both sizes of the page as it is now, under `name`. */
async function shots(page: Page, name: string): Promise<void> {
  const size = page.viewportSize() ?? DESKTOP
  await screenshot(page, `${name}-${size.width === PHONE.width ? 'phone' : 'desktop'}`)
  const other = size.width === PHONE.width ? DESKTOP : PHONE
  await page.setViewportSize(other)
  await screenshot(page, `${name}-${other === PHONE ? 'phone' : 'desktop'}`)
  await page.setViewportSize(size)
}

const publicName = async (context: BrowserContext, slug: string): Promise<string | null> => {
  const visitor = await context.newPage()
  await visitor.goto(`${web.url}/orgs/${slug}`, { waitUntil: 'domcontentloaded' })
  const name = await visitor.locator('main h1').textContent()
  await visitor.close()
  return name
}

const cases = [
  { lang: 'en', viewport: DESKTOP, edit: 'Edit this listing', signIn: 'Sign in', preview: 'Preview', save: 'Save changes', saved: 'Saved.', marked: 'Preview — not published yet' },
  { lang: 'pt', viewport: PHONE, edit: 'Editar este cadastro', signIn: 'Entrar', preview: 'Pré-visualizar', save: 'Salvar alterações', saved: 'Salvo.', marked: 'Pré-visualização — ainda não publicada' }
]

describe('an editor previews, and only Save publishes', () => {
  test.each(cases)('in $lang', async (c) => {
    const slug = `preview-${c.lang}`
    const email = await listingWithAccount(slug, 'Red Tejida')
    const context = await web.browser.newContext({ viewport: c.viewport })
    try {
      const page = await context.newPage()
      await page.goto(`${web.url}/orgs/${slug}?lang=${c.lang}`, { waitUntil: 'domcontentloaded' })
      expect(await page.locator('header nav a[href="/editors"]').count()).toBe(1)
      await shots(page, `editor-profile-${c.lang}`)
      await page.getByRole('link', { name: c.edit }).click()
      await page.waitForURL(`**/editors?listing=${slug}`)
      expect(await page.locator('main').textContent()).toContain('Red Tejida')
      await shots(page, `editor-sign-in-${c.lang}`)

      await page.fill('#email', email)
      await page.fill('#password', PASSWORD)
      await page.locator('main form button[type="submit"]', { hasText: c.signIn }).click()
      await page.waitForURL('**/editors/listing')
      // A preview of an invalid edit is the form with its errors, and no preview.
      await page.fill('#f-name', '')
      await page.getByRole('button', { name: c.preview, exact: true }).click()
      await page.waitForSelector('#form-errors')
      expect(await page.locator('section.preview').count()).toBe(0)
      await shots(page, `editor-preview-error-${c.lang}`)
      await page.fill('#f-name', 'Red Tejida Renombrada')
      await page.getByRole('button', { name: c.preview, exact: true }).click()
      await page.waitForSelector('section.preview article.profile')

      const preview = page.locator('section.preview')
      expect(await preview.locator('h2').textContent()).toBe(c.marked)
      expect(await preview.locator('[itemprop="name"]').textContent()).toBe('Red Tejida Renombrada')
      for (const part of ['.handle', '.summary', 'dl.facts dt', 'ul.places li', 'ul.contact li', '.meta']) expect(await preview.locator(part).count()).toBeGreaterThan(0)
      await page.waitForSelector('section.preview #profile-map .pin')
      expect(await page.inputValue('#f-name')).toBe('Red Tejida Renombrada')
      expect(await axeViolations(page)).toEqual([])
      await shots(page, `editor-preview-${c.lang}`)

      expect(await publicName(context, slug)).toBe('Red Tejida')

      await page.getByRole('button', { name: c.save, exact: true }).click()
      await page.waitForSelector(`main p[role="status"]:has-text("${c.saved}")`)
      expect(await page.locator('section.preview').count()).toBe(0)
      expect(await publicName(context, slug)).toBe('Red Tejida Renombrada')
    } finally {
      await context.close()
    }
  })
})
