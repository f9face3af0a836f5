/**
 * Joining in Portuguese in real Chromium (issue 12, "Done when"): an empty
 * form asks for the Portuguese summary in an error summary that takes the
 * focus; the mistakes people make ("oito sul" for a coordinate, a misspelt
 * country, a site with spaces) are corrected by following the form's own
 * hints, and what the hints invite (-8,05, "Brasil", maredigital.coop.br)
 * is accepted; the place is typed and picked from the gazetteer's
 * suggestions; the password typed once survives errors and the preview; the
 * address is confirmed through the message the SMTP test server received.
 * axe-core: no serious violation on /join empty, with errors and with a
 * preview, in the four languages.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import request from 'supertest'
import type { Browser, Page } from 'playwright-core'
import type { ParsedMail } from 'mailparser'
import { composeInstance, type TestInstance } from '../support/instance'
import { freePort } from '../support/process'
import { smtpServer, smtpEnv } from '../support/smtp'
import { axeViolations, launch, screenshot } from './browser'

jest.setTimeout(180000)
const PASSWORD = 'uma-senha-bem-longa-16'

let inst: TestInstance
let smtp: Awaited<ReturnType<typeof smtpServer>>
let server: Server
let browser: Browser
let url = ''
const received: ParsedMail[] = []

beforeAll(async () => {
  smtp = await smtpServer(0, Infinity, received)
  const port = await freePort()
  url = `http://127.0.0.1:${port}`
  inst = await composeInstance({ PUBLIC_URL: url, ...smtpEnv(smtp.port) })
  server = await new Promise((resolve) => {
    const s = inst.tejido.app.listen(port, '127.0.0.1', () => resolve(s))
  })
  if ((server.address() as AddressInfo).port !== port) throw new Error('listening on another port')
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve))
  await inst?.close()
  await smtp?.close()
})

const pending = async () => ((await request(inst.tejido.app).get('/api/listings?moderation=pending&perPage=100').set(inst.auth)).body as { items: Array<Record<string, unknown>> }).items

async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 30_000
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Sends the form with one of its buttons and waits for the page it answers with. */
async function press(page: Page, button: 'preview' | 'submit'): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click(`button[value="${button}"]`)])
}

const error = (page: Page, field: string) => page.locator(`#f-${field.replace(/\./g, '-')}-error`)

test('join in Portuguese: hints correct the mistakes, the place is picked, the password is kept, the address confirmed by mail', async () => {
  const page = await browser.newPage({ locale: 'pt-BR', viewport: { width: 1280, height: 900 } })
  await page.goto(`${url}/join`, { waitUntil: 'domcontentloaded' })
  expect(await page.inputValue('#f-defaultLanguage')).toBe('pt')

  // An empty form: the Portuguese summary is asked for, in a summary that has the focus and links to the field.
  await press(page, 'submit')
  await page.waitForFunction("document.activeElement?.id === 'form-errors'")
  expect(await page.locator('#form-errors h2').textContent()).toBe('Alguns campos precisam de atenção.')
  expect(await error(page, 'summaryMap.pt').textContent()).toBe('Escreva o que vocês fazem no idioma principal do cadastro.')
  expect(await error(page, 'summaryMap.en').count()).toBe(0)
  await screenshot(page, 'join-pt-empty-errors')
  await page.click('#form-errors a[href="#f-summaryMap-pt"]')
  expect(await page.evaluate('document.activeElement?.id')).toBe('f-summaryMap-pt') // the link takes the reader to the box

  await page.fill('#f-name', 'Maré Digital')
  await page.selectOption('#f-kind', 'worker-coop')
  await page.fill('#f-summaryMap-pt', 'Internet comunitária e sites para colônias de pesca do litoral.')
  await page.check('#f-services input[value="web-hosting"]')
  await page.check('#f-services input[value="community-networks"]')
  // The place, typed and picked from the suggestions: name, country and coordinates filled, the pin on the map.
  await page.locator('#f-location-0-name').pressSequentially('Recif')
  await page.waitForSelector('#place-options [role="option"]')
  expect(await page.locator('#place-option-0').textContent()).toContain('Recife')
  await page.click('#place-option-0')
  expect(await page.inputValue('#f-location-0-name')).toBe('Recife')
  expect(await page.inputValue('#f-location-0-country')).toBe('BR')
  expect(Number(await page.inputValue('#f-location-0-latitude'))).toBeCloseTo(-8.05, 1)
  await page.waitForSelector('#pick-map .pin')
  // The mistakes.
  await page.fill('#f-location-0-latitude', 'oito sul')
  await page.fill('#f-location-0-country', 'Brasill')
  await page.fill('#f-contact-website', 'maredigital coop br')
  await page.fill('#f-account-email', 'mare@coop.example')
  await page.fill('#f-account-password', PASSWORD) // typed once, never again
  await press(page, 'preview')
  await page.waitForFunction("document.activeElement?.id === 'form-errors'")
  expect(await error(page, 'location.0.latitude').textContent()).toBe('Um número de -90 a 90; use ponto ou vírgula: -8,05')
  expect(await error(page, 'location.0.country').textContent()).toBe('O nome de um país ou seu código de duas letras (BR).')
  expect(await error(page, 'contact.website').textContent()).toBe('Um endereço como https://exemplo.coop')
  expect(await page.inputValue('#f-account-password')).toBe(PASSWORD)
  expect(await axeViolations(page)).toEqual([])
  await screenshot(page, 'join-pt-hints')

  // Corrected as the hints say: a comma decimal, the country's name, a site without its scheme.
  await page.fill('#f-location-0-latitude', '-8,05')
  await page.fill('#f-location-0-country', 'Brasil')
  await page.fill('#f-contact-website', 'maredigital.coop.br')
  await press(page, 'preview')
  await page.waitForSelector('.preview .profile h3')
  expect(await page.locator('#form-errors').count()).toBe(0)
  expect(await page.locator('.preview .profile h3').textContent()).toBe('Maré Digital')
  expect(await page.locator('.preview .places').textContent()).toContain('Recife (Brasil)')
  expect(await page.locator('.preview .contact a').textContent()).toBe('https://maredigital.coop.br')
  expect(await page.inputValue('#f-account-password')).toBe(PASSWORD)
  expect(await pending()).toEqual([]) // a preview writes nothing
  await screenshot(page, 'join-pt-preview')

  // Send, with the password as typed the first time; the address is confirmed from the mail.
  await press(page, 'submit')
  expect(await page.locator('h1').textContent()).toBe('Confira seu e-mail')
  await until(() => received.some((m) => m.subject?.includes('Maré Digital') ?? false), 'the confirmation message')
  const mail = received.find((m) => m.subject?.includes('Maré Digital')) as ParsedMail
  const link = /(\/join\/confirm\?[^\s]+)/.exec(mail.text ?? '')?.[1]
  expect(link).toBeDefined()
  await page.goto(`${url}${link as string}`, { waitUntil: 'domcontentloaded' })
  expect(await pending()).toEqual([]) // following the link alone sends nothing
  await Promise.all([page.waitForNavigation({ waitUntil: 'domcontentloaded' }), page.click('main button[type="submit"]')])
  const [listing] = await pending()
  expect(listing).toMatchObject({
    name: 'Maré Digital', defaultLanguage: 'pt', services: ['web-hosting', 'community-networks'], dataLicense: 'CC0-1.0',
    location: [{ name: 'Recife', country: 'BR', latitude: -8.05 }], contact: { website: 'https://maredigital.coop.br' }
  })
  await page.close()
})

describe.each(['en', 'es', 'fr', 'pt'])('axe on /join in %s', (lang) => {
  test('empty, with errors, with a preview: no serious violation', async () => {
    const page = await browser.newPage({ locale: lang, viewport: { width: 390, height: 844 } })
    await page.goto(`${url}/join?lang=${lang}`, { waitUntil: 'domcontentloaded' })
    expect(await axeViolations(page)).toEqual([])
    await press(page, 'submit')
    await page.waitForFunction("document.activeElement?.id === 'form-errors'")
    expect(await axeViolations(page)).toEqual([])
    await page.fill('#f-name', `Prueba ${lang}`)
    await page.selectOption('#f-kind', 'collective')
    await page.fill(`#f-summaryMap-${lang}`, 'Sites, e-mail, formação.')
    await page.fill('#f-location-0-name', 'Lisboa')
    await page.fill('#f-account-email', `axe-${lang}@coop.example`)
    await page.fill('#f-account-password', PASSWORD)
    await press(page, 'preview')
    await page.waitForSelector('.preview .profile')
    expect(await axeViolations(page)).toEqual([])
    if (lang === 'en') await screenshot(page, 'join-en-phone-preview')
    await page.close()
  })
})
