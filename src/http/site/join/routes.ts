/**
 * GET/POST /join: a co-op lists itself. The form becomes an application
 * (form/parse.ts) that registration (directory/registration.ts) checks
 * whole — every error returned at once, shown next to its field — and
 * turns into a pending listing and its editor account, which operators
 * approve or reject. Nothing is written unless everything is valid.
 */
import express, { Router, type Request, type Response } from 'express'
import type { Logger } from 'pino'
import type { ListingService } from '../../../directory/listing-service'
import type { EditorAccounts } from '../../../directory/editor-accounts'
import type { ListingStore } from '../../../directory/listing-store'
import { Registration, type PendingLimits, type RegistrationFailure } from '../../../directory/registration'
import { html } from '../html'
import { page } from '../layout'
import { formErrors } from '../form/errors'
import type { FormErrors, FormValues } from '../form/fields'
import { oversizedFields, withoutFields } from '../form/limits'
import { applicationFromForm } from '../form/parse'
import type { Ui } from '../i18n/translate'
import { csrfToken, csrfValid } from '../session'
import { requestUi, type WebSettings } from '../ui'
import { handle } from '../../handle'
import { clientKey, joinRateLimit, JOIN_WINDOW_MS } from './limits'
import { joinPage, joinPreview, type JoinPageContext, type JoinPageState } from './view'

/** What /join is built from: the listings, the editor accounts, and the map's tile settings. */
export interface JoinDeps {
  listings: ListingService
  accounts: EditorAccounts
  web: WebSettings
}

/** What the join page needs to refuse or accept: store access for the caps, and the caps. */
export interface JoinGuardDeps {
  listingStore: ListingStore
  instance: { publicUrl: string }
  pendingLimits: PendingLimits
  logger: Pick<Logger, 'info'>
}

/** GET and POST /join. */
export function joinRoutes(deps: JoinDeps & JoinGuardDeps): Router {
  const router = Router()
  const registration = new Registration({ listings: deps.listings, store: deps.listingStore, accounts: deps.accounts, origin: deps.instance.publicUrl, limits: deps.pendingLimits })
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 })
  const context = (req: Request, res: Response): JoinPageContext =>
    ({ ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res), tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution })
  // Counted before the body is even parsed: a flood costs no parsing, no hashing, no store reads.
  const limiter = joinRateLimit((req, res) => refusal(req, res.set('Retry-After', String(JOIN_WINDOW_MS / 1000)), 429, (ui) => ui.t('join.tooMany')))

  router.get('/join', (req, res) => {
    res.type('html').send(joinPage(context(req, res), {}, {}))
  })

  router.post('/join', limiter, form, handle(async (req, res) => {
    const ctx = context(req, res)
    const body = (req.body ?? {}) as Record<string, unknown>
    const show = (status: number, values: FormValues, errors: FormErrors, state?: JoinPageState) => res.status(status).type('html').send(joinPage(ctx, values, errors, state))
    // Every field's size before anything reads it (no regex, slug or hash sees more than its cap).
    const oversized = oversizedFields(body)
    if (oversized.length) return show(413, withoutFields(body, oversized) as FormValues, Object.fromEntries(oversized.map((f) => [f, 'error.tooLong'])))
    const values = body as FormValues
    if (!csrfValid(req)) return show(403, values, { name: 'error.csrf' })
    const application = applicationFromForm(body)
    if (body.action === 'preview') {
      const checked = registration.check(application)
      return checked.ok ? show(200, values, {}, { preview: joinPreview(ctx.ui, application.listing) }) : show(422, values, formErrors(checked.error))
    }
    const applicant = deps.accounts.applicantOf(clientKey(req))
    const result = await registration.register(application, applicant)
    if (!result.ok) return refused(req, res, result.error, (status, errors) => show(status, values, errors))
    if (result.value.kind === 'discarded' && result.value.reason === 'email-held') {
      deps.logger.info({ applicant }, 'join: application for an email that already has an account, discarded')
    }
    show(201, {}, {}, { done: true })
  }))

  return router
}

/** The page that says why an application was not taken: the form again with its errors, or a refusal. */
function refused(req: Request, res: Response, failure: RegistrationFailure, form: (status: number, errors: FormErrors) => void): void {
  switch (failure.kind) {
    case 'invalid': return form(422, formErrors(failure.errors))
    case 'queue-full': return refusal(req, res.set('Retry-After', '86400'), 503, (ui) => ui.t('join.queueFull'))
    case 'client-cap': return refusal(req, res, 429, (ui) => ui.t('join.clientCap', { count: failure.count }))
    case 'no-free-slug': return form(409, { name: 'error.invalid' })
    case 'not-created': return form(422, { name: 'error.invalid' })
  }
}

/** A page with only the reason an application is refused, and the way back to the form. */
function refusal(req: Request, res: Response, status: number, message: (ui: Ui) => string): void {
  const ui = requestUi(req, res)
  res.status(status).type('html').send(page({ title: ui.t('join.title'), ui, url: req.originalUrl, body: html`<h1>${ui.t('join.title')}</h1><p class="errors" role="alert">${message(ui)}</p><p><a href="/join">${ui.t('nav.join')}</a></p>` }))
}
