/**
 * /editors: the account made with a listing signs in (rate limited per
 * address) and edits that listing with the same form, validated the same
 * way. Its moderation state is kept: an approved listing's changes are
 * published (and federated) at once, a pending one stays in the queue.
 */
import express, { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import type { Listing } from '../../directory/listing'
import { validateListing } from '../../directory/validate'
import type { EditorAccounts } from '../../web/accounts'
import { UI_LANGUAGES } from '../../web/i18n/translate'
import { joinPage, type JoinErrors, type JoinValues } from '../pages/join'
import { editorSignInPage } from '../pages/editors'
import { listingFromForm, formField, messageKey } from './join'
import { csrfToken, csrfValid, AttemptLimiter, type Sessions } from './session'
import { requestUi, type WebSettings } from './routes'
import { handle } from '../handle'
import { oversizedFields, withoutFields } from './form-limits'

export interface EditorDeps {
  listings: ListingService
  accounts: EditorAccounts
  sessions: Sessions
  web: WebSettings
  instance: { publicUrl: string }
}

/** Summary HTML back to the plain paragraphs the form edits. */
const asParagraphs = (htmlText: string): string =>
  htmlText.replace(/<\/p>\s*<p>/g, '\n\n').replace(/<br\s*\/?>/g, '\n').replace(/<[^<>]*>/g, '') // [^<>]: linear on runs of '<'
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').trim()

/** A listing as the form's values. */
export function formValues(l: Listing): JoinValues {
  const values: JoinValues = { name: l.name, kind: l.kind, defaultLanguage: l.defaultLanguage ?? 'en', services: l.services ?? [], languages: l.languages ?? [] }
  for (const lang of UI_LANGUAGES) {
    if (l.nameMap?.[lang]) values[`nameMap.${lang}`] = l.nameMap[lang]
    const summary = l.summaryMap?.[lang] ?? (lang === (l.defaultLanguage ?? 'en') ? l.summary : undefined)
    if (summary) values[`summaryMap.${lang}`] = asParagraphs(summary)
  }
  const place = l.location?.[0]
  if (place) {
    values['location.0.latitude'] = String(place.latitude)
    values['location.0.longitude'] = String(place.longitude)
    if (place.name) values['location.0.name'] = place.name
    if (place.country) values['location.0.country'] = place.country
  }
  if (l.contact?.website) values['contact.website'] = l.contact.website
  if (l.contact?.email) values['contact.email'] = l.contact.email
  return values
}

const EDITABLE = ['name', 'kind', 'defaultLanguage', 'nameMap', 'summaryMap', 'services', 'languages', 'location', 'contact'] as const

export function editorRoutes(deps: EditorDeps): Router {
  const router = Router()
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 })
  const limiter = new AttemptLimiter(5, 60000)
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

  router.post('/editors/sign-in', form, handle(async (req, res) => {
    if (oversizedFields(req.body).length) return res.status(413).type('html').send(editorSignInPage(ctx(req, res), 'form.tooLong'))
    if (!csrfValid(req)) return res.status(403).type('html').send(editorSignInPage(ctx(req, res), 'error.csrf'))
    const who = req.ip ?? 'unknown'
    if (limiter.blocked(who)) return res.status(429).set('Retry-After', '60').type('html').send(editorSignInPage(ctx(req, res), 'op.tooMany'))
    const body = req.body as Record<string, unknown>
    const account = typeof body.email === 'string' && typeof body.password === 'string' ? await deps.accounts.check(body.email, body.password) : null
    if (!account) {
      limiter.failed(who)
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
    res.type('html').send(joinPage({ ...c, status: c.ui.t(`ed.${listing.moderation}`) }, formValues(listing), {}))
  }))

  router.post('/editors/listing', form, handle(async (req, res) => {
    const listing = await own(req)
    if (!listing) return res.redirect(303, '/editors')
    const c = pageCtx(req, res)
    const oversized = oversizedFields(req.body)
    if (oversized.length) return res.status(413).type('html').send(joinPage(c, withoutFields(req.body as JoinValues, oversized), Object.fromEntries(oversized.map((f) => [f, 'error.tooLong']))))
    const values = req.body as JoinValues
    if (!csrfValid(req)) return res.status(403).type('html').send(joinPage(c, values, { name: 'error.csrf' }))
    const edited = listingFromForm({ ...(req.body as Record<string, unknown>) })
    // Only the first place and the website/email are on the form: the rest of the listing stays as it was.
    const firstPlace = (edited.location as unknown[] | undefined)?.[0]
    const location = firstPlace ? [firstPlace, ...(listing.location ?? []).slice(1)] : (listing.location ?? []).slice(1)
    const contact = { ...(listing.contact ?? {}), website: undefined, email: undefined, ...((edited.contact as object | undefined) ?? {}) }
    const next: Record<string, unknown> = { ...edited, slug: listing.slug, location, contact: JSON.parse(JSON.stringify(contact)) as object }
    if (location.length === 0) delete next.location
    if (Object.keys(next.contact as object).length === 0) delete next.contact
    const errors: JoinErrors = {}
    const checked = validateListing(next)
    if (!checked.ok) for (const e of checked.error) errors[formField(e.field)] ??= messageKey(e)
    if (Object.keys(errors).length) return res.status(422).type('html').send(joinPage(c, values, errors))
    const patch: Record<string, unknown> = {}
    for (const field of EDITABLE) patch[field] = next[field] ?? null
    const result = await deps.listings.update(listing.slug, patch)
    if (!result.ok) return res.status(422).type('html').send(joinPage(c, values, { name: 'error.invalid' }))
    res.type('html').send(joinPage({ ...c, status: c.ui.t('ed.saved') }, formValues(result.value), {}))
  }))

  return router
}
