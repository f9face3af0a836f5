/**
 * The operator's listings: the paged, searchable list, and for this
 * instance's own listings edit and delete. An operator's edit is the
 * editors' form and use case (directory/editing.ts: only onto the version
 * loaded, Preview never writes) and goes live at once, as the operator is
 * the one who approves. Delete is confirmed on its own page, federates a
 * Delete and leaves the slug answering 410. Mirrored listings belong to
 * their origin: neither edited nor deleted here.
 */
import express, { type Request, type Response, type Router } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import type { Listing } from '../../../directory/listing'
import { Editing } from '../../../directory/editing'
import { joinPage, type JoinPageContext } from '../join/view'
import { answerEdit, answeredLogo, answeredOversized, editOf, postedContext } from '../editors/edit-answers'
import { formValues, fingerprint } from '../form/listing-form'
import type { LogoCheck } from '../form/logo'
import type { WebSettings } from '../ui'
import { html, type SafeHtml } from '../html'
import { operatorNav } from './view'
import { handle } from '../../handle'
import { findListings, parseFilter, pageRange } from './listing-finder'
import { listingsPage, deleteConfirmPage, filterHref } from './listings-view'
import { withOutcome } from './outcome'
import type { Guards } from './routes'

export interface ListingPagesDeps {
  listings: ListingService
  web: WebSettings
  /** The demo data controls shown under the list. */
  demo: (ctx: ReturnType<Guards['ctx']>, query: Request['query']) => SafeHtml
  /** Fetches a logo the edit sets, to keep only images of bounded size (none: the schema's check only). */
  logoCheck?: LogoCheck
  now?: () => Date
}

const LIST = '/operators/listings'
/** No listing's slug is longer (the schema caps it): anything else names none and is not looked up. */
const MAX_SLUG = 64
const editPath = (slug: string) => `${LIST}/${encodeURIComponent(slug)}/edit`
const deletePath = (slug: string) => `${LIST}/${encodeURIComponent(slug)}/delete`

/** This instance's listing of that slug, or why not: none (gone or never), or another instance's (not ours to touch). */
async function localListing(listings: ListingService, slug: unknown): Promise<Listing | 'notFound'> {
  if (typeof slug !== 'string' || !slug || slug.length > MAX_SLUG) return 'notFound'
  const found = await listings.get(slug)
  return found.ok ? found.value : 'notFound'
}

export function listingPageRoutes(router: Router, deps: ListingPagesDeps, g: Guards): void {
  const now = deps.now ?? (() => new Date())
  router.get(LIST, g.signedIn, handle(async (req, res) => {
    const filter = parseFilter(req.query)
    const result = await findListings(deps.listings, filter)
    const { pages } = pageRange(result)
    // past the last page (fewer listings than when the link was made): the last page
    if (filter.page > pages) return res.redirect(303, filterHref(filter, pages))
    const ctx = g.ctx(req, res)
    res.type('html').send(listingsPage(ctx, { result, filter, localOrigin: deps.listings.origin, now: now(), query: req.query, demo: deps.demo(ctx, req.query) }))
  }))
  deleteRoutes(router, deps, g)
  editRoutes(router, deps, g)
}

function deleteRoutes(router: Router, deps: ListingPagesDeps, g: Guards): void {
  router.get(`${LIST}/:slug/delete`, g.signedIn, handle(async (req, res) => {
    const listing = await localListing(deps.listings, req.params.slug)
    if (listing === 'notFound') return res.redirect(303, withOutcome(LIST, { error: 'notFound' }))
    res.type('html').send(deleteConfirmPage(g.ctx(req, res), listing, req.query))
  }))
  router.post(`${LIST}/:slug/delete`, g.signedIn, g.form, g.posted, handle(async (req, res) => {
    const slug = req.params.slug as string
    const body = req.body as Record<string, unknown>
    if (body.confirm !== 'yes') return res.redirect(303, withOutcome(deletePath(slug), { error: 'unconfirmed' }))
    const version = Number(body._version)
    const deleted = await deps.listings.delete(slug, (stored) => stored === version)
    if (deleted.ok) return res.redirect(303, withOutcome(LIST, { done: 'deleted' }))
    // changed since the confirmation was shown: confirm again, seeing what it is now
    if (deleted.error.kind === 'stale') return res.redirect(303, withOutcome(deletePath(slug), { error: 'changed' }))
    res.redirect(303, withOutcome(LIST, { error: 'notFound' }))
  }))
}

/** What the form carries to detect a save over a newer version, and to say what changed in it. */
const loadedAt = (listing: Listing) => ({ version: String(listing.version), fingerprint: fingerprint(formValues(listing)) })

function editRoutes(router: Router, deps: ListingPagesDeps, g: Guards): void {
  const editing = new Editing({ listings: deps.listings })
  // the listing form is large (every field, every language): the editors' limits
  const bigForm = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 })
  const formContext = (req: Request, res: Response, listing: Listing): JoinPageContext & { mode: 'edit' } => {
    const ctx = g.ctx(req, res)
    const { ui, url, csrf } = ctx
    // the operator's page: their navigation and a way back, never the editor's sign-out (it would end this session)
    const heading = { title: ui.t('opList.editTitle', { name: listing.name }), lead: operatorNav(ctx), actions: html`<p><a href="${LIST}">${ui.t('opList.backToListings')}</a></p>` }
    return { ui, url, csrf, mode: 'edit', formAction: editPath(listing.slug), heading, status: ui.t('opList.editNote'), tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution }
  }

  router.get(`${LIST}/:slug/edit`, g.signedIn, handle(async (req, res) => {
    const listing = await localListing(deps.listings, req.params.slug)
    if (listing === 'notFound') return res.redirect(303, withOutcome(LIST, { error: 'notLocal' }))
    const c = formContext(req, res, listing)
    res.type('html').send(joinPage({ ...c, ...(req.query.done === 'saved' ? { status: c.ui.t('opList.saved') } : {}), loaded: loadedAt(listing) }, formValues(listing), {}))
  }))

  router.post(`${LIST}/:slug/edit`, g.signedIn, bigForm, g.posted, handle(async (req, res) => {
    const listing = await localListing(deps.listings, req.params.slug)
    if (listing === 'notFound') return res.redirect(303, withOutcome(LIST, { error: 'notLocal' }))
    const body = req.body as Record<string, unknown>
    const posted = { ctx: postedContext(formContext(req, res, listing), body), body }
    if (answeredOversized(res, posted) || (await answeredLogo(res, posted, listing, deps.logoCheck))) return
    const edit = editOf(body)
    const saving = body.action === 'submit'
    const saved = saving ? await editing.save(listing, edit) : editing.preview(listing, edit)
    if (saved.ok && saving) return res.redirect(303, withOutcome(editPath(listing.slug), { done: 'saved' }))
    answerEdit(res, posted, saved, { host: new URL(deps.listings.origin).host, tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution })
  }))
}
