/**
 * The forgotten password: /editors/reset asks for the account's address and
 * answers the same redirect and page whether or not it has an account; the
 * look-up and the mail happen after the answer is sent, so neither the page
 * nor its timing tells who has an account. The mailed link (single use, an
 * hour) opens a new-password form; setting it burns the link, ends every
 * session of the listing and leads to the sign-in. Without mail, the page
 * says that reset by email is not available here and to ask the operator.
 */
import type express from 'express'
import type { Request, Response, Router } from 'express'
import { looksLikeEmail, MAX_EMAIL, normaliseEmail } from '../../../directory/editor-accounts'
import { Editing } from '../../../directory/editing'
import { MAX_LIVE_RESETS } from '../../../directory/editor-tokens'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { oversizedFields } from '../form/limits'
import { csrfToken, csrfValid } from '../session'
import { requestUi } from '../ui'
import { handle } from '../../handle'
import { ACCOUNT_FIELD_CAPS, resetLimiter } from './account-limits'
import { resetMail } from './account-mail'
import { linkGonePage } from './account-view'
import { newPasswordErrors, type AccountDeps } from './account-rules'
import { resetNewPasswordPage, resetRequestPage, type ResetState } from './reset-view'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The link's own address, for the language switch of a page shown again after a POST (the token is in the body then). */
const linkUrl = (token: string) => `/editors/reset/confirm?token=${encodeURIComponent(token.length <= 100 ? token : '')}`

export function resetRoutes(router: Router, deps: AccountDeps, form: express.RequestHandler, now: () => number): void {
  const editing = new Editing({ listings: deps.listings })
  const requestPage = (req: Request, res: Response, status: number, state: ResetState = {}) => {
    const ctx = { ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res), mailOn: !!deps.mail, instanceName: deps.instanceName }
    res.status(status).type('html').send(resetRequestPage(ctx, state))
  }
  const gone = (req: Request, res: Response) =>
    res.status(410).type('html').send(linkGonePage(requestUi(req, res), req.originalUrl, { href: '/editors/reset', label: 'account.resetAgain' }))

  /** Looks the address up and, when it has an account, mails it a link; after the answer, so that it takes no visible time. */
  const sendLink = async (ui: Ui, email: string): Promise<void> => {
    const mail = deps.mail
    const listingId = mail ? await deps.accounts.listingOf(email) : null
    const listing = mail && listingId ? await editing.own(listingId) : null
    if (!mail || !listingId || !listing) return
    // A few live links per address at most, whoever asks: no one fills a stranger's inbox.
    if ((await mail.tokens.live(email, 'password-reset', now())) >= MAX_LIVE_RESETS) return deps.logger.info({ listing: listingId }, 'password reset: enough live links already, none sent')
    const token = await mail.tokens.issue({ purpose: 'password-reset', email, listingId }, now())
    await mail.outbox.enqueue(resetMail(ui, { mail, publicUrl: deps.publicUrl }, email, listing.name, token))
  }

  router.get('/editors/reset', (req, res) => requestPage(req, res, 200, { sent: req.query.sent === '1' }))

  const limited = resetLimiter((req, res) => requestPage(req, res, 429, { error: 'op.tooMany' }))
  router.post('/editors/reset', limited, form, (req, res) => {
    if (oversizedFields(req.body, ACCOUNT_FIELD_CAPS).length) return requestPage(req, res, 413, { error: 'form.tooLong' })
    if (!deps.mail) return requestPage(req, res, 503) // writes nothing: the page that says reset needs mail
    if (!csrfValid(req)) return requestPage(req, res, 403, { error: 'error.csrf' })
    const typed = text((req.body as Record<string, unknown>).email).trim()
    if (!looksLikeEmail(typed)) return requestPage(req, res, 422, { emailError: 'account.badEmail', email: typed.slice(0, MAX_EMAIL) })
    const ui = requestUi(req, res)
    void sendLink(ui, normaliseEmail(typed)).catch((e: unknown) => deps.logger.error({ err: e }, 'password reset: the link could not be sent'))
    res.redirect(303, '/editors/reset?sent=1')
  })

  router.get('/editors/reset/confirm', handle(async (req, res) => {
    const token = text(req.query.token)
    const grant = deps.mail && token.length <= 100 ? await deps.mail.tokens.peek(token, 'password-reset', now()) : null
    if (!grant) return gone(req, res)
    res.set('Cache-Control', 'no-store').type('html').send(resetNewPasswordPage({ ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res), token }))
  }))

  router.post('/editors/reset/confirm', form, handle(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    const token = text(body.token)
    const again = (status: number, errors: Record<string, MessageKey>, error?: MessageKey) =>
      res.status(status).type('html').send(resetNewPasswordPage({ ui: requestUi(req, res), url: linkUrl(token), csrf: csrfToken(req, res), token: token.length <= 100 ? token : '' }, errors, error))
    if (oversizedFields(req.body, ACCOUNT_FIELD_CAPS).length) return again(413, {}, 'form.tooLong')
    const mail = deps.mail
    // A link that no longer works says so before anything else is asked of the person.
    if (!mail || !(await mail.tokens.peek(token, 'password-reset', now()))) return gone(req, res)
    if (!csrfValid(req)) return again(403, {}, 'error.csrf')
    const errors = newPasswordErrors(text(body.newPassword), text(body.newPasswordAgain))
    if (Object.keys(errors).length) return again(422, errors)
    const grant = await mail.tokens.take(token, 'password-reset', now())
    if (!grant || !(await deps.accounts.setPassword(grant.email, text(body.newPassword)))) return gone(req, res)
    await deps.sessions.endEditors(grant.listingId)
    await mail.tokens.revokeFor(grant.email)
    res.redirect(303, '/editors?notice=reset')
  }))
}
