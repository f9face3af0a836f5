/**
 * /editors: the account made with a listing signs in (rate limited per
 * address) and edits that listing with the same form, validated the same
 * way. Its moderation state is kept: an approved listing's changes are
 * published (and federated) at once, a pending one stays in the queue.
 * A save writes only what the person changed (see listing-form.ts), and
 * only onto the version the form was loaded at: if someone saved since, it
 * is refused, nothing is written, and the page says what they changed.
 */
import express, { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import type { Listing } from '../../../directory/listing'
import type { EditorAccounts } from '../../../directory/editor-accounts'
import { joinPage, fieldDisplay, type JoinErrors, type JoinValues } from '../join/view'
import { editorSignInPage } from './view'
import { formField, messageKey } from '../join/routes'
import { formValues, formPatch, fingerprint, changedSince } from '../form/listing-form'
import { csrfToken, csrfValid, type Sessions } from '../session'
import { signInLimiter } from '../sign-in-limit'
import { requestUi, type WebSettings } from '../ui'
import { handle } from '../../handle'
import { oversizedFields, withoutFields } from '../form/limits'

export interface EditorDeps {
  listings: ListingService
  accounts: EditorAccounts
  sessions: Sessions
  web: WebSettings
  instance: { publicUrl: string }
}

/** What the form carries to detect a save over a newer version, and to say what changed in it. */
const loadedAt = (listing: Listing) => ({ version: String(listing.version), fingerprint: fingerprint(formValues(listing)) })

export function editorRoutes(deps: EditorDeps): Router {
  const router = Router()
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 })
  const ctx = (req: Request, res: Response) => ({ ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res) })
  const own = async (req: Request): Promise<Listing | null> => {
    const id = await deps.sessions.editorOf(req)
    const prefix = `${deps.instance.publicUrl}/orgs/`
    if (!id || !id.startsWith(prefix)) return null
    const found = await deps.listings.get(id.slice(prefix.length))
    return found.ok ? found.value : null
  }
  const pageCtx = (req: Request, res: Response, status?: string) => ({ ...ctx(req, res), mode: 'edit' as const, tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution, ...(status ? { status } : {}) })

  router.get('/editors', handle(async (req, res) => {
    if (await own(req)) return res.redirect(303, '/editors/listing')
    res.type('html').send(editorSignInPage(ctx(req, res)))
  }))

  // Same limiter as the operators' sign-in: five failures a minute per client (IPv6 by /64).
  const limited = signInLimiter((req, res) => res.type('html').send(editorSignInPage(ctx(req, res), 'op.tooMany')))
  router.post('/editors/sign-in', limited, form, handle(async (req, res) => {
    if (oversizedFields(req.body).length) return res.status(413).type('html').send(editorSignInPage(ctx(req, res), 'form.tooLong'))
    if (!csrfValid(req)) return res.status(403).type('html').send(editorSignInPage(ctx(req, res), 'error.csrf'))
    const body = req.body as Record<string, unknown>
    const account = typeof body.email === 'string' && typeof body.password === 'string' ? await deps.accounts.check(body.email, body.password) : null
    if (!account) {
      return res.status(401).type('html').send(editorSignInPage(ctx(req, res), 'ed.bad'))
    }
    await deps.sessions.start(req, res, 'editor', account.listingId)
    res.redirect(303, '/editors/listing')
  }))

  router.post('/editors/sign-out', form, handle(async (req, res) => {
    if (!csrfValid(req)) return res.status(403).type('html').send(editorSignInPage(ctx(req, res), 'error.csrf'))
    await deps.sessions.end(req, res)
    res.redirect(303, '/editors')
  }))

  router.get('/editors/listing', handle(async (req, res) => {
    const listing = await own(req)
    if (!listing) return res.redirect(303, '/editors')
    res.set('Cache-Control', 'no-store')
    const c = pageCtx(req, res)
    res.type('html').send(joinPage({ ...c, status: c.ui.t(`ed.${listing.moderation}`), loaded: loadedAt(listing) }, formValues(listing), {}))
  }))

  router.post('/editors/listing', form, handle(async (req, res) => {
    const listing = await own(req)
    if (!listing) return res.redirect(303, '/editors')
    res.set('Cache-Control', 'no-store')
    const body = req.body as Record<string, unknown>
    const values = body as JoinValues
    // A page shown again keeps the version and fingerprint it was loaded with.
    const c = { ...pageCtx(req, res), loaded: { version: String(body._version ?? ''), fingerprint: String(body._fields ?? '') } }
    const oversized = oversizedFields(req.body)
    if (oversized.length) return res.status(413).type('html').send(joinPage(c, withoutFields(values, oversized), Object.fromEntries(oversized.map((f) => [f, 'error.tooLong']))))
    if (!csrfValid(req)) return res.status(403).type('html').send(joinPage(c, values, { name: 'error.csrf' }))
    const conflict = (current: Listing) => res.status(409).type('html').send(joinPage({
      ...c, conflict: changedSince(body._fields, formValues(current)).map((field) => ({ field, current: fieldDisplay(c.ui, field, formValues(current)) }))
    }, values, {}))
    const version = Number(body._version)
    if (!Number.isInteger(version) || version !== listing.version) return conflict(listing)
    const result = await deps.listings.update(listing.slug, formPatch(listing, body), (stored) => stored === version)
    if (!result.ok) {
      if (result.error.kind === 'stale') return conflict((await own(req)) ?? listing)
      const errors: JoinErrors = {}
      if (result.error.kind === 'invalid') for (const e of result.error.errors) errors[formField(e.field)] ??= messageKey(e)
      return res.status(422).type('html').send(joinPage(c, values, Object.keys(errors).length ? errors : { name: 'error.invalid' }))
    }
    res.type('html').send(joinPage({ ...c, status: c.ui.t('ed.saved'), loaded: loadedAt(result.value) }, formValues(result.value), {}))
  }))

  return router
}
