/**
 * A change of sign-in address: asked on the account page (with the current
 * password), it mails a link (single use, a day) to the NEW address and a
 * short notice to the old one; the link opens a page whose button (a POST:
 * mail scanners follow links, they do not press buttons) makes the change.
 * Whether the new address already has an account is said only there, to
 * whoever holds that address, never on the account page.
 */
import type { Request, Response } from 'express'
import { looksLikeEmail, normaliseEmail } from '../../../directory/editor-accounts'
import { html } from '../html'
import type { MessageKey } from '../i18n/messages'
import { oversizedFields } from '../form/limits'
import { csrfToken, csrfValid } from '../session'
import { requestUi } from '../ui'
import { MAX_LIVE_RESETS } from '../../../directory/editor-tokens'
import { handle } from '../../handle'
import { ACCOUNT_FIELD_CAPS } from './account-limits'
import { newAddressMail, oldAddressNotice } from './account-mail'
import { text, type AccountDeps, type AccountKit } from './account-rules'
import { confirmEmailPage, linkGonePage, messagePage } from './account-view'

export function emailChangeRoutes(kit: AccountKit, deps: AccountDeps): void {
  kit.post('/editors/account/email', 'email', async (req, res, editor, body) => {
    const mail = deps.mail
    if (!mail) return kit.show(req, res, editor, 409, { notice: 'account.emailNoMail' })
    const typed = text(body, 'newEmail').trim()
    const fail = (error: MessageKey) => kit.show(req, res, editor, 422, { form: 'email', errors: { newEmail: error }, newEmail: typed })
    if (!looksLikeEmail(typed)) return fail('account.badEmail')
    const newEmail = normaliseEmail(typed) // as the account will keep it
    if (newEmail === editor.account.email) return fail('account.sameEmail')
    // A bound on the mail this form sends to addresses no one has confirmed yet (it would relay otherwise).
    if ((await mail.tokens.live(editor.account.email, 'email-change', kit.now())) >= MAX_LIVE_RESETS) return kit.show(req, res, editor, 429, { form: 'email', errors: { newEmail: 'account.emailTooMany' }, newEmail: typed })
    const ui = requestUi(req, res)
    const token = await mail.tokens.issue({ purpose: 'email-change', email: editor.account.email, listingId: editor.listing.id, newEmail }, kit.now())
    const from = { mail, publicUrl: deps.publicUrl }
    await mail.outbox.enqueue(newAddressMail(ui, from, newEmail, editor.listing.name, token))
    await mail.outbox.enqueue(oldAddressNotice(ui, from, editor.account.email, editor.listing.name, newEmail))
    res.redirect(303, '/editors/account?done=email')
  })
  confirmRoutes(kit, deps)
}

/** The page the new address's link opens, its button, and the page that says it is done. */
function confirmRoutes(kit: AccountKit, deps: AccountDeps): void {
  const gone = (req: Request, res: Response) => res.status(410).type('html').send(linkGonePage(requestUi(req, res), req.originalUrl, { href: '/editors/account', label: 'account.emailTitle' }))
  /** The change a token stands for while it is live, without using it up. */
  const peek = async (token: string) => (deps.mail && token.length <= 100 ? deps.mail.tokens.peek(token, 'email-change', kit.now()) : null)

  kit.router.get('/editors/account/email/confirm', handle(async (req, res) => {
    const token = typeof req.query.token === 'string' ? req.query.token : ''
    const grant = await peek(token)
    if (!grant?.newEmail) return gone(req, res)
    res.set('Cache-Control', 'no-store').type('html').send(confirmEmailPage(requestUi(req, res), req.originalUrl, csrfToken(req, res), token, grant.newEmail))
  }))

  kit.router.post('/editors/account/email/confirm', kit.form, handle(async (req, res) => {
    const ui = requestUi(req, res)
    const refuse = (status: number, key: MessageKey) => res.status(status).type('html').send(messagePage(ui, req.originalUrl, 'account.confirmEmailTitle', html`<p class="errors" role="alert">${ui.t(key)}</p>`))
    if (oversizedFields(req.body, ACCOUNT_FIELD_CAPS).length) return refuse(413, 'form.tooLong')
    const token = text((req.body ?? {}) as Record<string, unknown>, 'token')
    if (!csrfValid(req)) {
      // the same page again, its button with a fresh CSRF token (the link is not used up)
      const peeked = await peek(token)
      const url = `/editors/account/email/confirm?token=${encodeURIComponent(token)}` // the link's, for the language switch
      return peeked?.newEmail ? res.status(403).type('html').send(confirmEmailPage(ui, url, csrfToken(req, res), token, peeked.newEmail, 'error.csrf')) : gone(req, res)
    }
    const grant = deps.mail ? await deps.mail.tokens.take(token, 'email-change', kit.now()) : null
    if (!grant?.newEmail) return gone(req, res)
    const changed = await deps.accounts.changeEmail(grant.email, grant.newEmail, grant.listingId)
    if (changed === 'gone') return gone(req, res)
    if (changed === 'taken') return refuse(409, 'account.emailTaken')
    // Links made for the old address (a reset, another change) stop working.
    await deps.mail?.tokens.revokeFor(grant.email)
    res.redirect(303, '/editors/account/email/changed')
  }))

  kit.router.get('/editors/account/email/changed', (req, res) => {
    const ui = requestUi(req, res)
    res.type('html').send(messagePage(ui, req.originalUrl, 'account.emailChangedTitle', html`<p class="notice" role="status">${ui.t('account.emailChangedBody')}</p>
<p><a href="/editors">${ui.t('ed.signIn')}</a></p>`))
  })
}
