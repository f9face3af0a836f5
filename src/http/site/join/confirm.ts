/**
 * With mail, an application waits for its address to be confirmed: /join
 * keeps it (JoinConfirmations) and mails a single-use link; the link opens a
 * page whose button (a POST: mail scanners follow links, they do not press
 * buttons) sends it to the moderation queue. The answer to /join is the same
 * whether or not the address already had an account, and no mail goes to it
 * then, so the page tells no one who has an account.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express'
import type { Logger } from 'pino'
import type { JoinConfirmations } from '../../../directory/join-confirmations'
import type { Application, Registration } from '../../../directory/registration'
import type { MailOutbox } from '../../../mail/outbox'
import { composeMail } from '../../../mail/layout'
import { html } from '../html'
import { page } from '../layout'
import type { FormErrors } from '../form/fields'
import type { Ui } from '../i18n/translate'
import { csrfToken, csrfValid } from '../session'
import { requestUi } from '../ui'
import { handle } from '../../handle'
import { refused, refusal } from './refusals'

/** What confirming needs: where mail goes out, where applications wait, the instance's name for the message. */
export interface JoinConfirm {
  outbox: Pick<MailOutbox, 'enqueue'>
  confirmations: JoinConfirmations
  instanceName: string
  now?: () => number
}

interface ConfirmDeps {
  registration: Registration
  confirm: JoinConfirm
  logger: Pick<Logger, 'info'>
  publicUrl: string
}

const nameOf = (listing: Record<string, unknown>): string => (typeof listing.name === 'string' ? listing.name : '')

/** POST /join with mail: checks the application, keeps it, mails the link; the same page for every address. */
export async function askToConfirm(req: Request, res: Response, deps: ConfirmDeps, application: Application, applicant: string, form: (status: number, errors: FormErrors) => void): Promise<void> {
  const prepared = await deps.registration.prepare(application, applicant)
  if (!prepared.ok) return refused(req, res, prepared.error, form)
  const ui = requestUi(req, res)
  if (prepared.value.kind === 'discarded') deps.logger.info({ applicant }, 'join: application for an email that already has an account, discarded')
  else {
    const now = (deps.confirm.now ?? Date.now)()
    const token = await deps.confirm.confirmations.hold(prepared.value.application, now)
    await deps.confirm.outbox.enqueue(confirmationMail(ui, deps, application.email, nameOf(prepared.value.application.listing), token))
  }
  res.redirect(303, `/join/check?lang=${ui.lang}`) // reloading the page it leads to mails nothing again
}

function confirmationMail(ui: Ui, deps: ConfirmDeps, to: string, name: string, token: string) {
  const link = `${deps.publicUrl}/join/confirm?token=${encodeURIComponent(token)}&lang=${ui.lang}`
  return composeMail({
    to, lang: ui.lang, subject: ui.t('join.mailSubject', { name }),
    paragraphs: [ui.t('join.mailIntro', { name, instance: deps.confirm.instanceName }), ui.t('join.mailOutro')],
    action: { label: ui.t('join.mailAction'), url: link },
    footer: ui.t('join.mailFooter', { url: `${deps.publicUrl}/join` })
  })
}

/** GET /join/check (where a sent application leads: check your email), GET /join/confirm (the page with the button), POST /join/confirm (the application joins the queue), and GET /join/confirmed, the thanks it redirects to. */
export function confirmRoutes(deps: ConfirmDeps, form: RequestHandler): Router {
  const router = Router()
  router.get('/join/confirm', (req, res) => {
    const ui = requestUi(req, res)
    const token = typeof req.query.token === 'string' ? req.query.token : ''
    const body = html`<h1>${ui.t('join.confirmTitle')}</h1><form method="post" action="/join/confirm">
<input type="hidden" name="_csrf" value="${csrfToken(req, res)}"><input type="hidden" name="token" value="${token}">
<button type="submit">${ui.t('join.confirmButton')}</button></form>`
    res.type('html').send(page({ title: ui.t('join.confirmTitle'), ui, url: req.originalUrl, body }))
  })
  router.post('/join/confirm', form, handle(async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>
    if (!csrfValid(req)) return refusal(req, res, 403, (ui) => ui.t('error.csrf'))
    const token = typeof body.token === 'string' ? body.token : ''
    const prepared = await deps.confirm.confirmations.take(token, (deps.confirm.now ?? Date.now)())
    if (!prepared) return refusal(req, res, 410, (ui) => ui.t('join.confirmGone'))
    const result = await deps.registration.complete(prepared)
    if (!result.ok) return refused(req, res, result.error, () => refusal(req, res, 422, (ui) => ui.t('join.confirmGone')))
    res.redirect(303, `/join/confirmed?lang=${requestUi(req, res).lang}`) // reloading the thanks page sends nothing again
  }))
  router.get('/join/check', (req, res) => {
    const ui = requestUi(req, res)
    const body = html`<h1>${ui.t('join.checkTitle')}</h1><p class="notice" role="status">${ui.t('join.checkBody')}</p>`
    res.type('html').send(page({ title: ui.t('join.checkTitle'), ui, url: req.originalUrl, body }))
  })

  router.get('/join/confirmed', (req, res) => {
    const ui = requestUi(req, res)
    const thanks = html`<h1>${ui.t('join.title')}</h1><p class="notice" role="status">${ui.t('join.thanks')}</p><p>${ui.t('join.thanksAccount')}</p><p><a href="/editors">${ui.t('ed.signIn')}</a></p>`
    res.type('html').send(page({ title: ui.t('join.title'), ui, url: req.originalUrl, body: thanks }))
  })
  return router
}
