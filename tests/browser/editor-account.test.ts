/**
 * An editor's account in real Chromium (issue 12): a forgotten password
 * reset through the link in the message the SMTP test server received; a
 * password change (with a wrong current password first); the listing
 * deleted, after which its profile answers 410. Every new page and state
 * has no serious axe violation, in English, Spanish, French and Portuguese;
 * screenshots on a desktop and a phone (SHOTS_DIR, default artifacts/screenshots).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Server } from 'node:http'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { ParsedMail } from 'mailparser'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { freePort } from '../support/process'
import { smtpServer, smtpEnv } from '../support/smtp'
import { waitFor } from '../support/wait'
import { launch, axeViolations } from './browser'
import { CATALOGS } from '../../src/http/site/i18n/messages'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { EditorTokenStore } from '../../src/storage/editor-token-store'

jest.setTimeout(240000)
const SHOTS = process.env.SHOTS_DIR ?? path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots')
const SIZES = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } } as const
const PASSWORD = 'a-long-editor-password'
type Lang = keyof typeof CATALOGS

let inst: TestInstance
let server: Server
let browser: Browser
let url: string
let smtp: Awaited<ReturnType<typeof smtpServer>>
const received: ParsedMail[] = []

beforeAll(async () => {
  smtp = await smtpServer(0, Infinity, received)
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  inst = await composeInstance({ PUBLIC_URL: url, ...smtpEnv(smtp.port) })
  server = await new Promise((resolve) => {
    const s = inst.tejido.app.listen(port, '127.0.0.1', () => resolve(s))
  })
  browser = await launch()
  fs.mkdirSync(SHOTS, { recursive: true })
})
afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await inst?.close()
  await smtp?.close()
})

/** An approved listing with an editor account; answers the account's email and the listing's id. */
async function listingWithAccount(slug: string): Promise<{ email: string; id: string }> {
  const made = await inst.tejido.listings.create(sampleListing({ slug, name: `Red ${slug}`, nameMap: undefined }))
  if (!made.ok) throw new Error(`listing refused: ${JSON.stringify(made.error)}`)
  const email = `editor@${slug}.example`
  expect(await new EditorAccountStore(inst.tejido.store.db).create(email, PASSWORD, made.value.id)).toBe(true)
  return { email, id: made.value.id }
}

async function withPage(lang: Lang, size: keyof typeof SIZES, work: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await browser.newContext({ viewport: SIZES[size], locale: lang, extraHTTPHeaders: { 'Accept-Language': lang } })
  try {
    await work(await context.newPage(), context)
  } finally {
    await context.close()
  }
}

/** Languages whose pages are also photographed (the other two are only checked). */
const PHOTOGRAPHED = ['en', 'es']

/** No serious axe violation, and (in English and Spanish) a screenshot at both sizes. */
async function check(page: Page, name: string, lang: string): Promise<void> {
  expect([name, await axeViolations(page)]).toEqual([name, []])
  if (!PHOTOGRAPHED.includes(lang)) return
  const size = page.viewportSize() ?? SIZES.desktop
  for (const [label, viewport] of Object.entries(SIZES)) {
    await page.setViewportSize(viewport)
    await page.screenshot({ path: path.join(SHOTS, `account-${name}-${label}.png`), fullPage: true })
  }
  await page.setViewportSize(size)
}

async function signIn(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.goto(`${url}/editors`, { waitUntil: 'domcontentloaded' })
  await page.fill('#email', email)
  await page.fill('#password', password)
  await Promise.all([page.waitForURL('**/editors/listing'), page.locator('main form[action="/editors/sign-in"] button[type="submit"]').click()])
}

const t = (lang: Lang, key: keyof (typeof CATALOGS)['en']) => CATALOGS[lang][key]

describe('a forgotten password, reset by email', () => {
  test('from the sign-in page to the link in the message, a new password, and signing in with it', async () => {
    const { email } = await listingWithAccount('reset-browser')
    await withPage('en', 'desktop', async (page) => {
      await page.goto(`${url}/editors`, { waitUntil: 'domcontentloaded' })
      await page.getByRole('link', { name: 'Forgot your password?' }).click()
      await page.waitForURL('**/editors/reset')
      await page.fill('#email', email)
      await Promise.all([page.waitForURL('**/editors/reset?sent=1'), page.getByRole('button', { name: 'Send the link' }).click()])
      expect(await page.locator('main p[role="status"]').textContent()).toContain('If that address has an account here')
      await waitFor(() => received.find((m) => m.subject?.startsWith('Choose a new password')), 'the reset message')
      const mail = received.find((m) => m.subject?.startsWith('Choose a new password')) as ParsedMail
      const link = new RegExp(`${url.replace(/\./g, '\\.')}/editors/reset/confirm\\?[^\\s]+`).exec(mail.text ?? '')?.[0]
      expect(link).toBeDefined()
      await page.goto(link as string, { waitUntil: 'domcontentloaded' })
      await page.fill('#newPassword', 'short')
      await page.fill('#newPasswordAgain', 'short')
      await page.getByRole('button', { name: 'Set the new password' }).click()
      await page.waitForSelector('#newPassword-error')
      expect(await page.locator('#newPassword-error').textContent()).toBe('Use at least 10 characters for the new password.')
      await page.fill('#newPassword', 'a-brand-new-password')
      await page.fill('#newPasswordAgain', 'a-brand-new-password')
      await Promise.all([page.waitForURL('**/editors?notice=reset'), page.getByRole('button', { name: 'Set the new password' }).click()])
      expect(await page.locator('main p[role="status"]').textContent()).toBe('Your new password is set. Sign in with it now.')
      await signIn(page, email, 'a-brand-new-password')
      // the link is used up
      const again = await page.goto(link as string, { waitUntil: 'domcontentloaded' })
      expect(again?.status()).toBe(410)
    })
  })
})

describe('changing the password', () => {
  test('a wrong current password is shown next to its field; the right one changes it', async () => {
    const { email } = await listingWithAccount('password-browser')
    await withPage('pt', 'phone', async (page) => {
      await signIn(page, email)
      await page.goto(`${url}/editors/account`, { waitUntil: 'domcontentloaded' })
      const form = page.locator('form[action="/editors/account/password"]')
      await form.locator('#current').fill('not-my-password')
      await form.locator('#newPassword').fill('another-long-password')
      await form.locator('#newPasswordAgain').fill('another-long-password')
      await form.getByRole('button', { name: 'Trocar a senha' }).click()
      await page.waitForSelector('#current-error')
      expect(await page.locator('#current-error').textContent()).toBe('Essa não é a sua senha atual.')
      await page.locator('form[action="/editors/account/password"] #current').fill(PASSWORD)
      await page.locator('form[action="/editors/account/password"] #newPassword').fill('another-long-password')
      await page.locator('form[action="/editors/account/password"] #newPasswordAgain').fill('another-long-password')
      await Promise.all([page.waitForURL('**/editors/account?done=password'), page.getByRole('button', { name: 'Trocar a senha' }).click()])
      expect(await page.locator('main p[role="status"]').textContent()).toContain('Sua senha foi trocada.')
    })
  })
})

describe('deleting the listing', () => {
  test('ticked as understood, the listing goes, and its profile answers 410', async () => {
    const { email } = await listingWithAccount('delete-browser')
    await withPage('es', 'desktop', async (page) => {
      await signIn(page, email)
      await page.goto(`${url}/editors/account`, { waitUntil: 'domcontentloaded' })
      await page.getByLabel('Entiendo que esto no se puede deshacer').check()
      await Promise.all([page.waitForURL('**/editors/account/deleted'), page.getByRole('button', { name: 'Borrar esta ficha para siempre' }).click()])
      expect(await page.locator('main h1').textContent()).toBe('Ficha borrada')
      const profile = await page.goto(`${url}/orgs/delete-browser`, { waitUntil: 'domcontentloaded' })
      expect(profile?.status()).toBe(410)
    })
  })
})

describe('every new page and state, in the four languages', () => {
  test.each(Object.keys(CATALOGS) as Lang[])('%s: no serious axe violation', async (lang) => {
    const { email, id } = await listingWithAccount(`axe-${lang}`)
    const tokens = new EditorTokenStore(inst.tejido.store.db)
    await withPage(lang, lang === 'en' || lang === 'es' ? 'desktop' : 'phone', async (page) => {
      const visit = async (path: string, name: string) => {
        await page.goto(`${url}${path}`, { waitUntil: 'domcontentloaded' })
        await check(page, `${name}-${lang}`, lang)
      }
      await visit('/editors?notice=everywhere', 'sign-in-notice')
      await visit('/editors/reset', 'reset')
      await page.fill('#email', 'nobody@nowhere') // a form the browser lets through, refused by the server
      await page.getByRole('button', { name: t(lang, 'account.resetSubmit') }).click()
      await page.waitForSelector('#email-error')
      await check(page, `reset-error-${lang}`, lang)
      await visit('/editors/reset?sent=1', 'reset-sent')
      const reset = await tokens.issue({ purpose: 'password-reset', email, listingId: id }, Date.now())
      await visit(`/editors/reset/confirm?token=${reset}`, 'reset-new')
      await page.fill('#newPassword', 'long-enough-password')
      await page.fill('#newPasswordAgain', 'not-the-same-password')
      await page.getByRole('button', { name: t(lang, 'account.resetNewSubmit') }).click()
      await page.waitForSelector('#newPasswordAgain-error')
      await check(page, `reset-new-error-${lang}`, lang)
      await visit('/editors/reset/confirm?token=used-or-never-issued', 'link-gone')
      const change = await tokens.issue({ purpose: 'email-change', email, listingId: id, newEmail: `new@axe-${lang}.example` }, Date.now())
      await visit(`/editors/account/email/confirm?token=${change}`, 'email-confirm')
      await visit('/editors/account/email/changed', 'email-changed')

      await signIn(page, email)
      await visit('/editors/account', 'page')
      const emailForm = page.locator('form[action="/editors/account/email"]')
      await emailForm.locator('#newEmail').fill(email)
      await emailForm.locator('#current').fill(PASSWORD)
      await emailForm.getByRole('button', { name: t(lang, 'account.emailSubmit') }).click()
      await page.waitForSelector('#newEmail-error')
      await check(page, `email-error-${lang}`, lang)
      // past the browser's own check of the box, to see the server's answer
      await page.evaluate('document.querySelector(\'form[action="/editors/account/delete"]\').noValidate = true')
      await page.getByRole('button', { name: t(lang, 'account.deleteSubmit') }).click()
      await page.waitForSelector('#understand-error')
      await check(page, `delete-error-${lang}`, lang)
      await visit('/editors/account?done=email', 'email-sent')
      await visit('/editors/account/deleted', 'deleted')
    })
  })
})
