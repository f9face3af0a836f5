/**
 * An editor looks after the account and the listing (issue 12): change the
 * password, change the sign-in address by a link mailed to the new address,
 * sign out everywhere, delete the listing (a Delete queued for the peers
 * that follow, the profile 410, the account gone), and reset a forgotten
 * password by a mailed single-use link, with the same answer whether or not
 * the address has an account. Mail goes over real SMTP to an in-process
 * server and links are read from what it received.
 */
import request from 'supertest'
import type { ParsedMail } from 'mailparser'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { smtpServer, smtpEnv } from '../support/smtp'
import { waitFor } from '../support/wait'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { EditorTokenStore } from '../../src/storage/editor-token-store'

jest.setTimeout(60000)
const PUBLIC = 'http://tejido.test' // plain http: supertest's agent keeps no Secure cookie
const PASSWORD = 'a-long-editor-password'
const HOUR = 3_600_000

let inst: TestInstance
let smtp: Awaited<ReturnType<typeof smtpServer>>
const received: ParsedMail[] = []
beforeAll(async () => {
  smtp = await smtpServer(0, Infinity, received)
  inst = await composeInstance({ PUBLIC_URL: PUBLIC, ...smtpEnv(smtp.port) })
})
afterAll(async () => {
  await inst?.close()
  await smtp?.close()
})

let clients = 0
/** One browser: its cookies, its own client address (each counts alone in the limiters), the last page's CSRF token. */
class Visitor {
  readonly agent = request.agent(inst.tejido.app)
  readonly ip = `198.51.100.${++clients}`
  csrf = ''
  constructor(readonly lang = 'en') {}
  async get(path: string) {
    const res = await this.agent.get(path).set('X-Forwarded-For', this.ip).set('Accept-Language', this.lang)
    this.csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1] ?? this.csrf
    return res
  }
  post(path: string, fields: Record<string, string>, csrf = true) {
    return this.agent.post(path).set('X-Forwarded-For', this.ip).set('Accept-Language', this.lang).type('form').send({ ...(csrf ? { _csrf: this.csrf } : {}), ...fields })
  }
  async signIn(email: string, password = PASSWORD) {
    await this.get('/editors')
    const res = await this.post('/editors/sign-in', { email, password })
    if (res.status === 303) await this.get('/editors/account')
    return res
  }
}

/** An approved listing of this instance with an editor account; answers the account's email. */
async function listingWithAccount(slug: string, name = 'Red Tejida'): Promise<{ email: string; id: string }> {
  const made = await inst.tejido.listings.create(sampleListing({ slug, name, nameMap: undefined }))
  if (!made.ok) throw new Error(`listing refused: ${JSON.stringify(made.error)}`)
  const email = `editor@${slug}.example`
  expect(await new EditorAccountStore(inst.tejido.store.db).create(email, PASSWORD, made.value.id)).toBe(true)
  return { email, id: made.value.id }
}

async function signedIn(slug: string, lang = 'en'): Promise<{ editor: Visitor; email: string; id: string }> {
  const account = await listingWithAccount(slug)
  const editor = new Visitor(lang)
  expect((await editor.signIn(account.email)).status).toBe(303)
  return { editor, ...account }
}

const isSignedIn = async (v: Visitor) => (await v.get('/editors/account')).status === 200
const to = (m: ParsedMail): string => (m.to && !Array.isArray(m.to) ? m.to.text : '')
const mailsTo = (address: string) => received.filter((m) => to(m).toLowerCase() === address.toLowerCase())

/** The path of the link in the last message to `address` (waits for it to arrive). */
async function linkIn(address: string, path: string): Promise<string> {
  await waitFor(() => mailsTo(address).length > 0, `a message to ${address}`)
  const mail = mailsTo(address).at(-1) as ParsedMail
  const link = new RegExp(`${PUBLIC.replace(/\./g, '\\.')}(${path}\\?token=[A-Za-z0-9_%-]+&lang=[a-z]{2})`).exec(mail.text ?? '')?.[1]
  if (!link) throw new Error(`no ${path} link in the message to ${address}: ${mail.text}`)
  return link
}
const tokenOf = (link: string) => new URL(link, PUBLIC).searchParams.get('token') as string

describe('the account page', () => {
  test('signed out, every account route leads to the sign-in', async () => {
    const stranger = new Visitor()
    for (const path of ['/editors/account']) expect((await stranger.get(path)).headers.location).toBe('/editors')
    await stranger.get('/editors')
    for (const path of ['/editors/account/password', '/editors/account/email', '/editors/account/sign-out-everywhere', '/editors/account/delete']) {
      const res = await stranger.post(path, { current: PASSWORD, newPassword: 'another-long-password', newPasswordAgain: 'another-long-password', understand: 'yes' })
      expect([path, res.status, res.headers.location]).toEqual([path, 303, '/editors'])
    }
  })

  test('shows the four sections in the reader\'s language', async () => {
    const { editor } = await signedIn('account-page', 'fr')
    const page = await editor.get('/editors/account')
    expect(page.status).toBe(200)
    expect(page.headers['cache-control']).toBe('no-store')
    for (const text of ['Changer de mot de passe', 'Changer l’adresse de connexion', 'Se déconnecter partout', 'Supprimer la fiche', 'editor@account-page.example']) expect(page.text).toContain(text)
  })
})

describe('changing the password', () => {
  test('each refusal re-renders with a 4xx in the reader\'s language and changes nothing', async () => {
    const { editor, email } = await signedIn('pw-refusals', 'es')
    const wrong = await editor.post('/editors/account/password', { current: 'not-the-password', newPassword: 'another-long-password', newPasswordAgain: 'another-long-password' })
    expect(wrong.status).toBe(422)
    expect(wrong.text).toContain('Esa no es tu contraseña actual.')
    expect(wrong.text).toContain('aria-invalid="true" aria-describedby="current-error"')
    const short = await editor.post('/editors/account/password', { current: PASSWORD, newPassword: 'short', newPasswordAgain: 'short' })
    expect(short.status).toBe(422)
    expect(short.text).toContain('Usa al menos 10 caracteres para la nueva contraseña.')
    const differ = await editor.post('/editors/account/password', { current: PASSWORD, newPassword: 'another-long-password', newPasswordAgain: 'another-long-passworD' })
    expect(differ.status).toBe(422)
    expect(differ.text).toContain('Las dos contraseñas nuevas no coinciden.')
    const forged = await editor.post('/editors/account/password', { current: PASSWORD, newPassword: 'another-long-password', newPasswordAgain: 'another-long-password' }, false)
    expect(forged.status).toBe(403)
    const huge = await editor.post('/editors/account/password', { current: PASSWORD, newPassword: 'x'.repeat(2000), newPasswordAgain: 'x'.repeat(2000) })
    expect(huge.status).toBe(413)
    // five failures a minute from one client, as at the sign-in: then 429, even with the right password
    const limited = await editor.post('/editors/account/password', { current: PASSWORD, newPassword: 'another-long-password', newPasswordAgain: 'another-long-password' })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBe('60')
    expect((await new Visitor().signIn(email)).status).toBe(303) // the password is still the old one
  })

  test('the new password works, the old one no longer does, and only this browser stays signed in', async () => {
    const { editor, email } = await signedIn('pw-change')
    const elsewhere = new Visitor()
    expect((await elsewhere.signIn(email)).status).toBe(303)
    const res = await editor.post('/editors/account/password', { current: PASSWORD, newPassword: 'the-new-long-password', newPasswordAgain: 'the-new-long-password' })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/editors/account?done=password')
    expect((await editor.get(res.headers.location as string)).text).toContain('Your password is changed.')
    expect(await isSignedIn(editor)).toBe(true)
    expect(await isSignedIn(elsewhere)).toBe(false)
    expect((await new Visitor().signIn(email)).status).toBe(401)
    expect((await new Visitor().signIn(email, 'the-new-long-password')).status).toBe(303)
  })
})

describe('changing the sign-in address', () => {
  test('refusals: a malformed or unchanged address, the wrong current password, no CSRF token', async () => {
    const { editor, email } = await signedIn('mail-refusals')
    const bad = await editor.post('/editors/account/email', { newEmail: 'not an address', current: PASSWORD })
    expect(bad.status).toBe(422)
    expect(bad.text).toContain('Enter an email address like name@example.org.')
    expect(bad.text).toContain('value="not an address"')
    expect((await editor.post('/editors/account/email', { newEmail: email.toUpperCase(), current: PASSWORD })).text).toContain('That is already your sign-in address.')
    expect((await editor.post('/editors/account/email', { newEmail: 'new@mail-refusals.example', current: 'wrong-password!' })).status).toBe(422)
    expect((await editor.post('/editors/account/email', { newEmail: 'new@mail-refusals.example', current: PASSWORD }, false)).status).toBe(403)
    await inst.tejido.mail?.deliverDue()
    expect(mailsTo('new@mail-refusals.example')).toEqual([])
  })

  test('at most three links to new addresses wait at once: the form is no relay to strangers', async () => {
    const { editor } = await signedIn('mail-relay')
    for (const n of [1, 2, 3]) expect((await editor.post('/editors/account/email', { newEmail: `stranger${n}@relay.example`, current: PASSWORD })).status).toBe(303)
    const fourth = await editor.post('/editors/account/email', { newEmail: 'stranger4@relay.example', current: PASSWORD })
    expect(fourth.status).toBe(429)
    expect(fourth.text).toContain('Three links to a new address are waiting already.')
    await inst.tejido.mail?.deliverDue()
    expect(mailsTo('stranger4@relay.example')).toEqual([])
    expect(mailsTo('stranger3@relay.example').length).toBe(1)
  })

  test('a link goes to the new address and a notice to the old; the button makes the change, once', async () => {
    const { editor, email } = await signedIn('mail-change', 'pt')
    const res = await editor.post('/editors/account/email', { newEmail: 'Nova@Mail-Change.example', current: PASSWORD })
    expect(res.status).toBe(303)
    expect((await editor.get(res.headers.location as string)).text).toContain('Enviamos um link para o novo endereço.')
    const link = await linkIn('Nova@Mail-Change.example', '/editors/account/email/confirm')
    const mail = mailsTo('Nova@Mail-Change.example')[0] as ParsedMail
    expect(mail.subject).toContain('Confirme seu novo endereço de acesso')
    expect(mail.html).toContain('lang="pt"')
    await waitFor(() => mailsTo(email).length > 0, 'the notice to the old address')
    expect(mailsTo(email)[0]?.text).toContain('nova@mail-change.example')
    // the link by itself changes nothing (mail scanners follow links)
    const opener = new Visitor('pt')
    const page = await opener.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('nova@mail-change.example')
    expect(await new EditorAccountStore(inst.tejido.store.db).listingOf(email)).not.toBeNull()
    expect((await opener.post('/editors/account/email/confirm', { token: tokenOf(link) }, false)).status).toBe(403)
    const done = await opener.post('/editors/account/email/confirm', { token: tokenOf(link) })
    expect(done.status).toBe(303)
    expect((await opener.get(done.headers.location as string)).text).toContain('Endereço de acesso trocado')
    expect((await new Visitor().signIn(email)).status).toBe(401)
    expect((await new Visitor().signIn('nova@mail-change.example')).status).toBe(303)
    // used: the page and its button say the link no longer works
    const again = await opener.get(link)
    expect(again.status).toBe(410)
    expect(again.text).toContain('Este link expirou ou já foi usado.')
    expect((await opener.post('/editors/account/email/confirm', { token: tokenOf(link) })).status).toBe(410)
  })

  test('an address that already has an account is refused at that address, not on the account page', async () => {
    const { editor } = await signedIn('mail-taken')
    const other = await listingWithAccount('mail-other')
    const res = await editor.post('/editors/account/email', { newEmail: other.email, current: PASSWORD })
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/editors/account?done=email')
    const link = await linkIn(other.email, '/editors/account/email/confirm')
    const opener = new Visitor()
    await opener.get(link)
    const taken = await opener.post('/editors/account/email/confirm', { token: tokenOf(link) })
    expect(taken.status).toBe(409)
    expect(taken.text).toContain('This address already has an account here')
    expect(await new EditorAccountStore(inst.tejido.store.db).listingOf('editor@mail-taken.example')).not.toBeNull()
  })
})

describe('signing out everywhere', () => {
  test('ends every session of the listing, this one included, and says so on the sign-in page', async () => {
    const { editor, email } = await signedIn('everywhere')
    const phone = new Visitor()
    expect((await phone.signIn(email)).status).toBe(303)
    const bystander = await signedIn('everywhere-bystander')
    expect((await editor.post('/editors/account/sign-out-everywhere', {}, false)).status).toBe(403)
    expect(await isSignedIn(phone)).toBe(true)
    const res = await editor.post('/editors/account/sign-out-everywhere', {})
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/editors?notice=everywhere')
    expect((await editor.get('/editors?notice=everywhere')).text).toContain('You are signed out on every browser and device.')
    // a notice the page does not know (an inherited property's name included) shows nothing and breaks nothing
    const unknown = await editor.get('/editors?notice=constructor')
    expect(unknown.status).toBe(200)
    expect(unknown.text).not.toContain('signed out on every browser')
    expect(await isSignedIn(editor)).toBe(false)
    expect(await isSignedIn(phone)).toBe(false)
    expect(await isSignedIn(bystander.editor)).toBe(true)
  })
})

describe('deleting the listing', () => {
  test('asks for the box to be ticked; then the listing is gone (410), its account too, and a Delete is queued for followers', async () => {
    const { editor, email, id } = await signedIn('to-delete')
    const peer = await inst.tejido.federation.peers.upsert({ origin: 'https://peer.example', actorId: 'https://peer.example/actor', inbox: 'https://peer.example/inbox' })
    await inst.tejido.federation.peers.update(peer.id, { inbound: { state: 'approved', since: new Date() } })
    const queued: Array<{ type: unknown; object: unknown; inboxes: string[] }> = []
    const enqueue = jest.spyOn(inst.tejido.federation.queue, 'enqueue').mockImplementation(async (_signer, activity, inboxes) => {
      queued.push({ type: activity.type, object: activity.object, inboxes })
      return inboxes.length
    })
    try {
      const unticked = await editor.post('/editors/account/delete', {})
      expect(unticked.status).toBe(422)
      expect(unticked.text).toContain('Tick “I understand this cannot be undone” to delete the listing.')
      expect((await editor.post('/editors/account/delete', { understand: 'yes' }, false)).status).toBe(403)
      expect((await request(inst.tejido.app).get('/orgs/to-delete').set('Accept', 'text/html')).status).toBe(200)

      const res = await editor.post('/editors/account/delete', { understand: 'yes' })
      expect(res.status).toBe(303)
      expect(res.headers.location).toBe('/editors/account/deleted')
      expect((await editor.get('/editors/account/deleted')).text).toContain('The listing and its account are deleted.')
      expect((await request(inst.tejido.app).get('/orgs/to-delete').set('Accept', 'text/html')).status).toBe(410)
      expect((await request(inst.tejido.app).get('/orgs/to-delete').set('Accept', 'application/activity+json')).status).toBe(410)
      expect(await new EditorAccountStore(inst.tejido.store.db).listingOf(email)).toBeNull()
      expect(await isSignedIn(editor)).toBe(false)
      expect((await new Visitor().signIn(email)).status).toBe(401)
      await waitFor(() => queued.some((q) => q.type === 'Delete'), 'the Delete to be queued')
      const deletes = queued.filter((q) => q.type === 'Delete')
      expect(deletes[0]).toMatchObject({ object: { type: 'Tombstone', id }, inboxes: ['https://peer.example/inbox'] })
    } finally {
      enqueue.mockRestore()
      await inst.tejido.federation.peers.update(peer.id, { inbound: { state: 'none' } })
    }
  })
})

describe('a forgotten password', () => {
  test('the sign-in page links to the reset, which asks for the address', async () => {
    const v = new Visitor('es')
    const signIn = await v.get('/editors')
    expect(signIn.text).toContain('<a href="/editors/reset">¿Olvidaste tu contraseña?</a>')
    const page = await v.get('/editors/reset')
    expect(page.status).toBe(200)
    expect(page.text).toContain('Restablecer la contraseña')
    expect(page.text).toContain('action="/editors/reset"')
  })

  test('a known and an unknown address get the same answer and page; only the known one gets mail', async () => {
    const { email } = await listingWithAccount('reset-same')
    const known = new Visitor()
    await known.get('/editors/reset')
    const a = await known.post('/editors/reset', { email })
    const unknown = new Visitor()
    await unknown.get('/editors/reset')
    const b = await unknown.post('/editors/reset', { email: 'nobody@reset-same.example' })
    expect([a.status, a.headers.location]).toEqual([303, '/editors/reset?sent=1'])
    expect([b.status, b.headers.location]).toEqual([a.status, a.headers.location])
    const strip = (page: string) => page.replace(/name="_csrf" value="[^"]+"/, '')
    expect(strip((await unknown.get('/editors/reset?sent=1')).text)).toBe(strip((await known.get('/editors/reset?sent=1')).text))
    await linkIn(email, '/editors/reset/confirm')
    await inst.tejido.mail?.deliverDue()
    expect(mailsTo('nobody@reset-same.example')).toEqual([])
  })

  test('refusals: no CSRF token, a malformed address; too many requests from one client', async () => {
    const v = new Visitor('fr')
    await v.get('/editors/reset')
    expect((await v.post('/editors/reset', { email: 'a@b.example' }, false)).status).toBe(403)
    expect((await v.post('/editors/reset', { email: `${'a'.repeat(300)}@b.example` })).status).toBe(413)
    const bad = await v.post('/editors/reset', { email: 'not-an-address' })
    expect(bad.status).toBe(422)
    expect(bad.text).toContain('Saisissez une adresse électronique comme nom@exemple.org.')
    const answers: number[] = []
    for (let i = 0; i < 5; i++) answers.push((await v.post('/editors/reset', { email: `someone${i}@limit.example` })).status)
    expect(answers.at(-1)).toBe(429)
    expect(answers.filter((s) => s === 429).length).toBeGreaterThan(0)
  })

  test('the link sets a new password once, ends every session of the listing, and leads to the sign-in', async () => {
    const { editor, email } = await signedIn('reset-flow')
    const asker = new Visitor('es')
    await asker.get('/editors/reset')
    expect((await asker.post('/editors/reset', { email: email.toUpperCase() })).status).toBe(303)
    const link = await linkIn(email, '/editors/reset/confirm')
    const mail = mailsTo(email).at(-1) as ParsedMail
    expect(mail.subject).toBe('Elige una nueva contraseña en Tejido at tejido.test')
    expect(mail.html).toContain('lang="es"')
    const page = await asker.get(link)
    expect(page.status).toBe(200)
    expect(page.text).toContain('Elige una nueva contraseña')
    const token = tokenOf(link)
    const short = await asker.post('/editors/reset/confirm', { token, newPassword: 'short', newPasswordAgain: 'short' })
    expect(short.status).toBe(422)
    expect(short.text).toContain('Usa al menos 10 caracteres')
    expect((await asker.post('/editors/reset/confirm', { token, newPassword: 'reset-long-password', newPasswordAgain: 'other-long-password' })).status).toBe(422)
    expect((await asker.post('/editors/reset/confirm', { token, newPassword: 'reset-long-password', newPasswordAgain: 'reset-long-password' }, false)).status).toBe(403)
    expect(await isSignedIn(editor)).toBe(true) // nothing of that changed anything
    const done = await asker.post('/editors/reset/confirm', { token, newPassword: 'reset-long-password', newPasswordAgain: 'reset-long-password' })
    expect(done.status).toBe(303)
    expect(done.headers.location).toBe('/editors?notice=reset')
    expect((await asker.get('/editors?notice=reset')).text).toContain('Tu nueva contraseña está guardada. Entra con ella ahora.')
    expect(await isSignedIn(editor)).toBe(false)
    expect((await new Visitor().signIn(email)).status).toBe(401)
    expect((await new Visitor().signIn(email, 'reset-long-password')).status).toBe(303)
    // used: 410, in the reader's language, on the page and on its button
    const used = await new Visitor('pt').get(link.replace('lang=es', 'lang=pt'))
    expect(used.status).toBe(410)
    expect(used.text).toContain('Este link não funciona mais')
    expect((await asker.post('/editors/reset/confirm', { token, newPassword: 'third-long-password', newPasswordAgain: 'third-long-password' })).status).toBe(410)
  })

  test('an expired link answers 410 and sets nothing', async () => {
    const { email, id } = await listingWithAccount('reset-expired')
    const token = await new EditorTokenStore(inst.tejido.store.db).issue({ purpose: 'password-reset', email, listingId: id }, Date.now() - 2 * HOUR)
    const v = new Visitor('fr')
    const page = await v.get(`/editors/reset/confirm?token=${token}`)
    expect(page.status).toBe(410)
    expect(page.text).toContain('Ce lien a expiré ou a déjà servi.')
    await v.get('/editors/reset')
    expect((await v.post('/editors/reset/confirm', { token, newPassword: 'expired-long-password', newPasswordAgain: 'expired-long-password' })).status).toBe(410)
    expect((await new Visitor().signIn(email)).status).toBe(303)
  })
})

describe('without mail (no SMTP_URL)', () => {
  let plain: TestInstance
  beforeAll(async () => {
    plain = await composeInstance({ PUBLIC_URL: PUBLIC })
  })
  afterAll(() => plain?.close())

  test('the reset page and the account page say plainly that these need mail; the rest works', async () => {
    const reset = await request(plain.tejido.app).get('/editors/reset').set('Accept-Language', 'pt')
    expect(reset.status).toBe(200)
    expect(reset.text).toContain('Aqui não é possível redefinir a senha por e-mail')
    expect(reset.text).not.toContain('action="/editors/reset"')
    const asked = await request(plain.tejido.app).post('/editors/reset').set('Cookie', ([] as string[]).concat(reset.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; '))
      .type('form').send({ _csrf: /name="_csrf" value="([^"]+)"/.exec(reset.text)?.[1] ?? '', email: 'editor@no-mail.example' })
    expect(asked.status).toBe(503)
    expect((await request(plain.tejido.app).get('/editors/reset/confirm?token=' + 'A'.repeat(43))).status).toBe(410)
    const made = await plain.tejido.listings.create(sampleListing({ slug: 'no-mail', nameMap: undefined }))
    if (!made.ok) throw new Error('listing refused')
    await new EditorAccountStore(plain.tejido.store.db).create('editor@no-mail.example', PASSWORD, made.value.id)
    const editor = request.agent(plain.tejido.app)
    const csrfOf = (text: string) => /name="_csrf" value="([^"]+)"/.exec(text)?.[1] as string
    const signInPage = await editor.get('/editors')
    await editor.post('/editors/sign-in').type('form').send({ _csrf: csrfOf(signInPage.text), email: 'editor@no-mail.example', password: PASSWORD }).expect(303)
    const page = await editor.get('/editors/account').expect(200)
    expect(page.text).toContain('Changing the email needs mail')
    expect(page.text).not.toContain('action="/editors/account/email"')
    const posted = await editor.post('/editors/account/email').type('form').send({ _csrf: csrfOf(page.text), newEmail: 'x@no-mail.example', current: PASSWORD })
    expect(posted.status).toBe(409)
    const changed = await editor.post('/editors/account/password').type('form').send({ _csrf: csrfOf(page.text), current: PASSWORD, newPassword: 'no-mail-long-password', newPasswordAgain: 'no-mail-long-password' })
    expect(changed.status).toBe(303)
  })
})
