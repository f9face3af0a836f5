/**
 * /editors: the account made with a listing signs in (rate limited per
 * address) and edits that listing with the same form, validated the same
 * way. What may be edited, and how a save lands, is the editing use case's
 * (directory/editing.ts): its moderation state is kept, a save writes only
 * what the person changed (form/listing-form.ts) and only onto the version
 * the form was loaded at; if someone saved since, it is refused, nothing is
 * written, and the page says what they changed. Only "Save" writes:
 * "Preview" (or a form sent without saying which) is the same edit checked
 * the same way and shown in the public profile's layout, written nowhere.
 * An approved listing's save may be partly held for review (REVIEW_CHANGES,
 * directory/held-changes.ts): the page then says what waits and since when,
 * and its form shows the proposed values, so a reload never loses them.
 */
import express, { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import { isPublished, type Listing } from '../../../directory/listing'
import type { EditorAccounts } from '../../../directory/editor-accounts'
import { Editing } from '../../../directory/editing'
import { withHeld, type HeldChanges } from '../../../directory/held-changes'
import type { HeldChange } from '../../../directory/change-review'
import { heldNotice, WITHDRAW_PATH } from './held-notice'
import { fieldList } from '../review/diff'
import { joinPage, type JoinPageContext } from '../join/view'
import { editorSignInPage, type SignInContext } from './view'
import type { FormValues } from '../form/fields'
import { oversizedFields } from '../form/limits'
import { formValues, fingerprint } from '../form/listing-form'
import type { LogoCheck } from '../form/logo'
import { answerEdit, answeredLogo, answeredOversized, editOf, postedContext } from './edit-answers'
import { csrfToken, csrfValid, type Sessions } from '../session'
import { signInLimiter } from '../sign-in-limit'
import { requestUi, type WebSettings } from '../ui'
import type { Ui } from '../i18n/translate'
import { handle } from '../../handle'

/** What /editors is built from: the listings, the accounts and sessions, and the map's tiles. */
export interface EditorDeps {
  listings: ListingService
  accounts: EditorAccounts
  sessions: Sessions
  web: WebSettings
  /** Changes of approved listings held for review (REVIEW_CHANGES). */
  heldChanges: HeldChanges
  /** Fetches a logo the edit sets, to keep only images of bounded size (none: the schema's check only). */
  logoCheck?: LogoCheck
}

/** What the form carries to detect a save over a newer version, and to say what changed in it. */
const loadedAt = (listing: Listing) => ({ version: String(listing.version), fingerprint: fingerprint(formValues(listing)) })

const signInContext = (req: Request, res: Response) => ({ ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res) })

/** /editors: sign-in, sign-out, and the form for the signed-in editor's listing. */
export function editorRoutes(deps: EditorDeps): Router {
  const router = Router()
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 })
  const editing = new Editing({ listings: deps.listings, review: deps.heldChanges })
  const own = async (req: Request): Promise<Listing | null> => editing.own(await deps.sessions.editorOf(req))
  signInRoutes(router, deps, form, own)

  router.get('/editors/listing', handle(async (req, res) => {
    const listing = await own(req)
    if (!listing) return res.redirect(303, '/editors')
    res.set('Cache-Control', 'no-store')
    const c = formContext(deps, req, res)
    const held = await deps.heldChanges.of(listing.id)
    const status = savedStatus(c.ui, req.query.saved, held) ?? c.ui.t(req.query.error === 'csrf' ? 'error.csrf' : req.query.withdrawn === '1' && !held ? 'review.withdrawn' : `ed.${listing.moderation}`)
    res.type('html').send(joinPage({ ...c, status, loaded: loadedAt(listing), ...heldContext(c, listing, held) }, formValues(withHeld(listing, held)), {}))
  }))

  // Withdraws the editor's held change (or dismisses a declined one's notice).
  router.post(WITHDRAW_PATH, form, handle(async (req, res) => {
    const listing = await own(req)
    if (!listing) return res.redirect(303, '/editors')
    if (!csrfValid(req)) return res.redirect(303, '/editors/listing?error=csrf')
    await deps.heldChanges.withdraw(listing.id)
    res.redirect(303, '/editors/listing?withdrawn=1')
  }))

  router.post('/editors/listing', form, handle(async (req, res) => {
    const listing = await own(req)
    if (!listing) return res.redirect(303, '/editors')
    res.set('Cache-Control', 'no-store')
    const body = req.body as Record<string, unknown>
    const posted = { ctx: postedContext(formContext(deps, req, res), body), body }
    const c = posted.ctx
    if (answeredOversized(res, posted)) return
    if (!csrfValid(req)) return res.status(403).type('html').send(joinPage(c, body as FormValues, { name: 'error.csrf' }))
    if (await answeredLogo(res, posted, listing, deps.logoCheck)) return
    const edit = editOf(body)
    // Only an explicit Save writes; a preview goes through the same checks and is written nowhere.
    const saving = body.action === 'submit'
    const submitted = saving ? await editing.submit(listing, edit) : null
    // Saved: back to the form by a redirect, so a reload shows it again instead of sending the save twice.
    if (submitted?.ok) return res.redirect(303, `/editors/listing?saved=${submitted.value.held ? 'held' : 'live'}`)
    answerEdit(res, posted, submitted ?? editing.preview(listing, edit), previewSettings(deps))
  }))

  return router
}

/** The editor form's page context: the form in edit mode, with the map's tiles. */
const formContext = (deps: EditorDeps, req: Request, res: Response): JoinPageContext & { mode: 'edit' } =>
  ({ ...signInContext(req, res), mode: 'edit', tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution })

/** The notice of the listing's held change, if it has one. */
/** After a save's redirect (`?saved=`): what it did, the held fields named while they still wait; undefined otherwise. */
function savedStatus(ui: Ui, saved: unknown, held: HeldChange | null): string | undefined {
  if (saved === 'held' && held) return ui.t('review.savedHeld', { fields: fieldList(ui, held) })
  return saved === 'held' || saved === 'live' ? ui.t('ed.saved') : undefined
}

const heldContext = (c: { ui: JoinPageContext['ui']; csrf: string }, listing: Listing, held: HeldChange | null) =>
  (held ? { notice: heldNotice(c.ui, c.csrf, listing, held) } : {})

/** What the preview's profile is rendered with: this instance's host and the map's tiles. */
const previewSettings = (deps: EditorDeps) => ({ host: new URL(deps.listings.origin).host, tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution })

/** A slug no longer than any listing's (the schema caps it at 64): anything else names no listing and is not looked up. */
const MAX_SLUG = 64

/**
 * The sign-in page's context; with `?listing=SLUG` (a profile's "Edit this
 * listing"), the name of that listing when it is published here, so the page
 * says whose account to use. An unpublished listing's name is not shown.
 */
async function signInFor(deps: EditorDeps, req: Request, res: Response): Promise<SignInContext> {
  const slug = typeof req.query.listing === 'string' && req.query.listing.length <= MAX_SLUG ? req.query.listing : ''
  const found = slug ? await deps.listings.get(slug) : null
  const listing = found?.ok && isPublished(found.value) ? found.value : null
  return { ...signInContext(req, res), ...(listing ? { listingName: listing.name } : {}) }
}

/** Signing in and out: the sign-in page (or the form, once signed in), the sign-in itself, and the sign-out. */
function signInRoutes(router: Router, deps: EditorDeps, form: express.RequestHandler, own: (req: Request) => Promise<Listing | null>): void {
  router.get('/editors', handle(async (req, res) => {
    const signedIn = await own(req)
    const wanted = typeof req.query.listing === 'string' ? req.query.listing : undefined
    // Signed in for this listing (or for whichever): straight to the form. For another listing: the sign-in, to switch.
    if (signedIn && (wanted === undefined || wanted === signedIn.slug)) return res.redirect(303, '/editors/listing')
    res.type('html').send(editorSignInPage(await signInFor(deps, req, res)))
  }))

  // Same limiter as the operators' sign-in: five failures a minute per client (IPv6 by /64).
  const limited = signInLimiter((req, res) => res.type('html').send(editorSignInPage(signInContext(req, res), 'op.tooMany')))
  router.post('/editors/sign-in', limited, form, handle(async (req, res) => {
    if (oversizedFields(req.body).length) return res.status(413).type('html').send(editorSignInPage(signInContext(req, res), 'form.tooLong'))
    if (!csrfValid(req)) return res.status(403).type('html').send(editorSignInPage(signInContext(req, res), 'error.csrf'))
    const body = req.body as Record<string, unknown>
    const account = typeof body.email === 'string' && typeof body.password === 'string' ? await deps.accounts.check(body.email, body.password) : null
    if (!account) {
      return res.status(401).type('html').send(editorSignInPage(signInContext(req, res), 'ed.bad'))
    }
    await deps.sessions.start(req, res, 'editor', account.listingId)
    res.redirect(303, '/editors/listing')
  }))

  router.post('/editors/sign-out', form, handle(async (req, res) => {
    if (!csrfValid(req)) return res.status(403).type('html').send(editorSignInPage(signInContext(req, res), 'error.csrf'))
    await deps.sessions.end(req, res)
    res.redirect(303, '/editors')
  }))
}
