/**
 * With mail (SMTP_URL), an application waits until its address is confirmed
 * by the link mailed to it (issue 12): the mail goes over real SMTP to an
 * in-process server, and the link read from it is followed as a person would.
 */
import request from 'supertest'
import type { ParsedMail } from 'mailparser'
import { composeInstance, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { formSession, postForm, application } from '../support/forms'
import { smtpServer, smtpEnv } from '../support/smtp'

jest.setTimeout(60000)

const pending = async (inst: TestInstance) => ((await request(inst.tejido.app).get('/api/listings?moderation=pending&perPage=100').set(inst.auth)).body as { items: Array<{ name: string }> }).items.map((l) => l.name)

async function until(condition: () => boolean, what: string): Promise<void> {
  const end = Date.now() + 20_000
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('joining with mail: the address is confirmed first', () => {
  let inst: TestInstance
  let smtp: Awaited<ReturnType<typeof smtpServer>>
  const received: ParsedMail[] = []
  let ip = 10

  beforeAll(async () => {
    smtp = await smtpServer(0, Infinity, received)
    inst = await composeInstance(smtpEnv(smtp.port))
  })
  afterAll(async () => {
    await inst?.close()
    await smtp?.close()
  })

  async function apply(overrides: Record<string, string> = {}, lang = 'pt') {
    const headers = { 'X-Forwarded-For': `203.0.113.${ip++}`, 'Accept-Language': lang }
    const session = await formSession(inst.tejido.app, '/join', headers)
    return postForm(inst.tejido.app, '/join', session, application(overrides), headers)
  }

  /** The confirmation link of the last message to `to`. */
  async function linkFor(to: string): Promise<string> {
    await until(() => received.some((m) => m.to && 'text' in m.to && m.to.text === to), `the message to ${to}`)
    const mail = [...received].reverse().find((m) => m.to && 'text' in m.to && m.to.text === to) as ParsedMail
    const link = /https:\/\/tejido\.test(\/join\/confirm\?[^\s]+)/.exec(mail.text ?? '')?.[1]
    if (!link) throw new Error('no link in the message')
    return link
  }

  test('the application waits; the mail (in the reader\'s language) has a link; its button sends the application to review', async () => {
    const res = await apply({ name: 'Maré Digital', 'account.email': 'mare@coop.example' })
    // a redirect, so a reload mails nothing again; the page it leads to says what to do, in the reader's language
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/join/check?lang=pt')
    const check = await request(inst.tejido.app).get(res.headers.location as string).expect(200)
    expect(check.text).toContain('Confira seu e-mail')
    expect(await pending(inst)).toEqual([])
    const path = await linkFor('mare@coop.example')
    const mail = received.find((m) => m.subject?.includes('Maré Digital')) as ParsedMail
    expect(mail.subject).toBe('Confirme seu endereço para cadastrar Maré Digital')
    expect(mail.html).toContain('lang="pt"')
    // following the link changes nothing by itself (mail scanners follow links)
    const page = await request(inst.tejido.app).get(path).set('Accept-Language', 'pt')
    expect(page.status).toBe(200)
    expect(await pending(inst)).toEqual([])
    const session = await formSession(inst.tejido.app, path)
    const token = new URL(path, 'https://tejido.test').searchParams.get('token') as string
    const confirmed = await postForm(inst.tejido.app, '/join/confirm', session, { token })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.location).toMatch(/^\/join\/confirmed/)
    expect(await pending(inst)).toEqual(['Maré Digital'])
    // the link works once
    expect((await postForm(inst.tejido.app, '/join/confirm', session, { token })).status).toBe(410)
    expect(await pending(inst)).toEqual(['Maré Digital'])
  })

  test('an address that already has an account gets the same page and no mail', async () => {
    const before = received.length
    const again = await apply({ name: 'Outra Maré', 'account.email': 'MARE@coop.example' })
    expect(again.status).toBe(303)
    expect(again.headers.location).toBe('/join/check?lang=pt')
    await inst.tejido.mail?.deliverDue()
    expect(received.length).toBe(before)
    expect(await pending(inst)).toEqual(['Maré Digital'])
  })

  test('an unknown or malformed token, or no CSRF token, is refused and writes nothing', async () => {
    const session = await formSession(inst.tejido.app, '/join/confirm?token=x')
    expect((await postForm(inst.tejido.app, '/join/confirm', session, { token: 'A'.repeat(43) })).status).toBe(410)
    expect((await postForm(inst.tejido.app, '/join/confirm', session, { token: '<script>' })).status).toBe(410)
    expect((await request(inst.tejido.app).post('/join/confirm').type('form').send('token=abc')).status).toBe(403)
    expect(await pending(inst)).toEqual(['Maré Digital'])
  })

  test('the operator settings page says mail is on, from whom and through which server, never the password', async () => {
    const page = await operatorSettings(inst, 'es')
    expect(page).toContain('Activado: se envía como Tejido &lt;directorio@tejido.test&gt; a través de smtp://127.0.0.1:')
    expect(page).not.toContain('battery')
  })

  test('an invalid application is the form with its errors, and no mail', async () => {
    const before = received.length
    const res = await apply({ 'account.password': 'short' }, 'en')
    expect(res.status).toBe(422)
    await inst.tejido.mail?.deliverDue()
    expect(received.length).toBe(before)
  })
})

/** The operator settings page, signed in as a browser would. */
async function operatorSettings(inst: TestInstance, lang: string): Promise<string> {
  const session = await formSession(inst.tejido.app, '/operators')
  const signedIn = await postForm(inst.tejido.app, '/operators/sign-in', session, { token: ADMIN_TOKEN })
  expect(signedIn.status).toBe(303)
  const cookies = [session.cookie, ...([] as string[]).concat(signedIn.headers['set-cookie'] ?? []).map((c) => c.split(';')[0])].join('; ')
  return (await request(inst.tejido.app).get(`/operators/settings?lang=${lang}`).set('Cookie', cookies)).text
}

describe('joining without mail', () => {
  let inst: TestInstance
  beforeAll(async () => {
    inst = await composeInstance()
  })
  afterAll(() => inst?.close())

  test('an application reaches the queue at once, and the operator settings page says mail is off', async () => {
    const headers = { 'X-Forwarded-For': '203.0.113.200' }
    const session = await formSession(inst.tejido.app, '/join', headers)
    expect((await postForm(inst.tejido.app, '/join', session, application({ name: 'Sin Correo' }), headers)).status).toBe(303)
    expect(await pending(inst)).toEqual(['Sin Correo'])
    expect(await operatorSettings(inst, 'en')).toContain('Off: SMTP_URL is not set.')
    expect(inst.tejido.mail).toBeUndefined()
  })
})
