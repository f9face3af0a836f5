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
import { Registration, type PendingLimits } from '../../../directory/registration'
import { formErrors } from '../form/errors'
import type { FormErrors, FormValues } from '../form/fields'
import { oversizedFields, withoutFields } from '../form/limits'
import { applicationFromForm } from '../form/parse'
import { withLocatedPlaces } from '../form/places'
import { logoErrors, type LogoCheck } from '../form/logo'
import { otherLanguageErrors } from '../form/other-languages'
import { csrfToken, csrfValid } from '../session'
import { requestUi, type WebSettings } from '../ui'
import { handle } from '../../handle'
import { clientKey, joinRateLimit, JOIN_WINDOW_MS } from './limits'
import { joinPage, joinPreview, type JoinPageContext, type JoinPageState } from './view'
import { refused, refusal } from './refusals'
import { askToConfirm, confirmRoutes, type JoinConfirm } from './confirm'

/** What /join is built from: the listings, the editor accounts, and the map's tile settings. */
export interface JoinDeps {
  listings: ListingService
  accounts: EditorAccounts
  web: WebSettings
  /** With mail (SMTP_URL): applications wait until their address is confirmed by a mailed link. */
  confirm?: JoinConfirm
  /** Checks a logo's address (form/logo.ts logoChecker); without it a logo is checked by the schema only. */
  logoCheck?: LogoCheck
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
  const confirming = deps.confirm && { registration, confirm: deps.confirm, logger: deps.logger, publicUrl: deps.instance.publicUrl }
  const context = (req: Request, res: Response): JoinPageContext =>
    ({ ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res), tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution })
  // Counted before the body is even parsed: a flood costs no parsing, no hashing, no store reads.
  const limiter = joinRateLimit((req, res) => refusal(req, res.set('Retry-After', String(JOIN_WINDOW_MS / 1000)), 429, (ui) => ui.t('join.tooMany')))

  // The form echoes what was typed, the password included (so Preview → Send works): no copy of it may be kept.
  router.use('/join', (_req, res, next) => {
    res.set('Cache-Control', 'no-store')
    next()
  })

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
    // A place named without coordinates is found in the gazetteer; a name it does not know is an error of its own.
    const parsed = applicationFromForm(body)
    const located = withLocatedPlaces(parsed.listing, ctx.ui.lang)
    const application = { ...parsed, listing: located.listing }
    const checked = registration.check(application)
    const schemaErrors = checked.ok ? [] : checked.error
    const errors = [...located.errors, ...otherLanguageErrors(body), ...schemaErrors, ...(await logoErrors(application.listing, schemaErrors, deps.logoCheck))]
    if (errors.length) return show(422, values, formErrors(errors))
    if (body.action === 'preview' && checked.ok) {
      return show(200, values, {}, { preview: joinPreview(ctx.ui, checked.value, { origin: deps.instance.publicUrl, tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution }) })
    }
    const applicant = deps.accounts.applicantOf(clientKey(req))
    if (confirming) return askToConfirm(req, res, confirming, application, applicant, (status, errors) => show(status, values, errors))
    const result = await registration.register(application, applicant)
    if (!result.ok) return refused(req, res, result.error, (status, errors) => show(status, values, errors))
    if (result.value.kind === 'discarded' && result.value.reason === 'email-held') {
      deps.logger.info({ applicant }, 'join: application for an email that already has an account, discarded')
    }
    res.redirect(303, `/join/sent?lang=${ctx.ui.lang}`) // reloading the thanks page sends nothing again
  }))

  router.get('/join/sent', (req, res) => {
    res.type('html').send(joinPage(context(req, res), {}, {}, { done: true }))
  })

  if (confirming) router.use(confirmRoutes(confirming, form))
  return router
}
