/**
 * /editors/account: a signed-in editor looks after the account and the
 * listing. Change the password (the current one first; the listing's other
 * sessions end), change the sign-in address (email-change.ts), sign out
 * everywhere, and delete the listing (ticked as understood;
 * ListingService.delete, so peers get a Delete and /orgs/SLUG answers 410;
 * the account goes with it). The forgotten password is reset.ts. Every POST
 * answers 303 when it worked, and the page again, with a 4xx and the
 * fields' errors, when it did not.
 */
import express, { Router, type Request, type Response } from 'express'
import { Editing } from '../../../directory/editing'
import { html } from '../html'
import type { MessageKey } from '../i18n/messages'
import { oversizedFields } from '../form/limits'
import { csrfToken, csrfValid } from '../session'
import { signInLimiter } from '../sign-in-limit'
import { requestUi } from '../ui'
import { handle } from '../../handle'
import { ACCOUNT_FIELD_CAPS } from './account-limits'
import { newPasswordErrors, text, type AccountDeps, type AccountKit, type Editor } from './account-rules'
import { accountPage, messagePage } from './account-view'
import { emailChangeRoutes } from './email-change'
import { resetRoutes } from './reset'

export type { AccountDeps } from './account-rules'

/** The notices a step redirects to (`?done=`): only these, so a link cannot make the page say anything else. */
const NOTICES: Readonly<Record<string, MessageKey>> = Object.freeze({ password: 'account.passwordChanged', email: 'account.emailSent' })

/** /editors/account and its forms, the new address's confirmation, and the forgotten password. */
export function accountRoutes(deps: AccountDeps): Router {
  const kit = accountKit(deps)
  kit.router.get('/editors/account', handle(async (req, res) => {
    const editor = await signedIn(deps, req)
    if (!editor) return res.redirect(303, '/editors')
    const done = typeof req.query.done === 'string' && Object.hasOwn(NOTICES, req.query.done) ? NOTICES[req.query.done] : undefined
    kit.show(req, res, editor, 200, done ? { notice: done } : {})
  }))
  passwordRoute(kit, deps)
  emailChangeRoutes(kit, deps)
  closingRoutes(kit, deps)
  resetRoutes(kit.router, deps, kit.form, kit.now)
  return kit.router
}

/** The signed-in editor (the listing of the session and its account), or null. */
async function signedIn(deps: AccountDeps, req: Request): Promise<Editor | null> {
  const listingId = await deps.sessions.editorOf(req)
  if (!listingId) return null
  const [listing, account] = await Promise.all([new Editing({ listings: deps.listings }).own(listingId), deps.accounts.ofListing(listingId)])
  return listing && account ? { listing, account } : null
}

function accountKit(deps: AccountDeps): AccountKit {
  const router = Router()
  const form = express.urlencoded({ extended: false, limit: '20kb', parameterLimit: 20 })
  const show: AccountKit['show'] = (req, res, editor, status, state) => {
    const ui = requestUi(req, res)
    res.set('Cache-Control', 'no-store').status(status).type('html').send(accountPage({
      // after a POST too, the language switch leads to the page itself (the forms' addresses take no GET)
      ui, url: req.method === 'GET' ? req.originalUrl : '/editors/account', csrf: csrfToken(req, res), listingName: editor.listing.name, email: editor.account.email, mailOn: !!deps.mail
    }, state))
  }
  // Guessing the current password through a stolen session is limited like the sign-in (failures count).
  const tooMany = (req: Request, res: Response) => {
    const ui = requestUi(req, res)
    res.type('html').send(messagePage(ui, req.originalUrl, 'account.title', html`<p class="errors" role="alert">${ui.t('op.tooMany')}</p>
<p><a href="/editors/account">${ui.t('account.title')}</a></p>`))
  }
  const post: AccountKit['post'] = (path, formName, act) => {
    router.post(path, signInLimiter(tooMany), form, handle(async (req, res) => {
      const editor = await signedIn(deps, req)
      if (!editor) return res.redirect(303, '/editors')
      if (oversizedFields(req.body, ACCOUNT_FIELD_CAPS).length) return show(req, res, editor, 413, { notice: 'form.tooLong' })
      if (!csrfValid(req)) return show(req, res, editor, 403, { notice: 'error.csrf' })
      const body = req.body as Record<string, unknown>
      const asksPassword = formName === 'password' || formName === 'email'
      if (asksPassword && !(await deps.accounts.check(editor.account.email, text(body, 'current')))) return show(req, res, editor, 422, { form: formName, errors: { current: 'account.wrongPassword' } })
      return act(req, res, editor, body)
    }))
  }
  return { router, form, show, post, now: () => (deps.mail?.now ?? Date.now)() }
}

function passwordRoute(kit: AccountKit, deps: AccountDeps): void {
  kit.post('/editors/account/password', 'password', async (req, res, editor, body) => {
    const errors = newPasswordErrors(text(body, 'newPassword'), text(body, 'newPasswordAgain'))
    if (Object.keys(errors).length) return kit.show(req, res, editor, 422, { form: 'password', errors })
    await deps.accounts.setPassword(editor.account.email, text(body, 'newPassword'))
    // Whoever else had this account is out, and old links (a reset, a change of address) stop working.
    await deps.sessions.endEditors(editor.listing.id, req)
    await deps.mail?.tokens.revokeFor(editor.account.email)
    res.redirect(303, '/editors/account?done=password')
  })
}

/** Sign out everywhere, and delete the listing (with the page that says it is gone). */
function closingRoutes(kit: AccountKit, deps: AccountDeps): void {
  kit.post('/editors/account/sign-out-everywhere', null, async (req, res, editor) => {
    await deps.sessions.endEditors(editor.listing.id)
    await deps.sessions.end(req, res)
    res.redirect(303, '/editors?notice=everywhere')
  })

  kit.post('/editors/account/delete', 'delete', async (req, res, editor, body) => {
    if (body.understand !== 'yes') return kit.show(req, res, editor, 422, { form: 'delete', errors: { understand: 'account.deleteUnticked' } })
    const deleted = await deps.listings.delete(editor.listing.slug)
    if (!deleted.ok && deleted.error.kind !== 'gone' && deleted.error.kind !== 'not-found') return kit.show(req, res, editor, 409, { form: 'delete', notice: 'error.invalid' })
    // The deletion's event removes the listing's accounts too; done here as well, so the answer comes after it.
    await deps.accounts.removeFor(editor.listing.id)
    await deps.mail?.tokens.revokeForListing(editor.listing.id)
    await deps.sessions.endEditors(editor.listing.id)
    await deps.sessions.end(req, res)
    deps.logger.info({ listing: editor.listing.id }, 'listing deleted by its editor')
    res.redirect(303, '/editors/account/deleted')
  })

  kit.router.get('/editors/account/deleted', (req, res) => {
    const ui = requestUi(req, res)
    res.type('html').send(messagePage(ui, req.originalUrl, 'account.deletedTitle', html`<p class="notice" role="status">${ui.t('account.deletedBody')}</p>
<p><a href="/">${ui.t('nav.map')}</a></p>`))
  })
}
