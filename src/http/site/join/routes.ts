/**
 * GET/POST /join: a co-op lists itself. The form becomes a listing input
 * that the schema validates (every error returned at once, next to its
 * field), plus an editor account; submitting creates a pending listing that
 * operators approve or reject. Nothing is written unless everything is valid.
 */
import express, { Router, type Request } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import { validateListing } from '../../../directory/validate'
import type { FieldError } from '../../../directory/result'
import { kindLabel, serviceLabel } from '../../../directory/vocabulary'
import { escapeHtml, html, trusted, type SafeHtml } from '../html'
import { EditorAccounts, hashPassword, looksLikeEmail, MIN_PASSWORD } from '../../../directory/editor-accounts'
import type { Listing } from '../../../directory/listing'
import type { ListingStore } from '../../../directory/listing-store'
import type { Logger } from 'pino'
import { page } from '../layout'
import { oversizedFields, withoutFields } from '../form/limits'
import { clientKey, joinRateLimit, pendingVerdict, JOIN_WINDOW_MS, type PendingLimits } from './limits'
import type { MessageKey } from '../i18n/messages'
import { UI_LANGUAGES, type Ui } from '../i18n/translate'
import { joinPage, type JoinErrors, type JoinValues } from './view'
import { csrfToken, csrfValid } from '../session'
import { requestUi, type WebSettings } from '../ui'
import { handle } from '../../handle'

export interface JoinDeps {
  listings: ListingService
  accounts: EditorAccounts
  web: WebSettings
}

/** A schema error's message as one of ours, in the reader's language. */
export function messageKey(e: FieldError): MessageKey {
  if (/is required|must NOT have fewer than 1 characters/.test(e.message)) return 'error.required'
  if (/must NOT have more|must NOT be longer/.test(e.message)) return 'error.tooLong'
  if (/must be [<>]=/.test(e.message)) return 'error.range'
  if (/format "email"/.test(e.message)) return 'error.email'
  return 'error.invalid'
}

/** Where a schema error is shown: the form field with that path, or the nearest one. */
export function formField(path: string): string {
  if (path === 'slug' || path === '(listing)') return 'name'
  if (/^(nameMap|summaryMap)$/.test(path)) return 'summaryMap.en'
  if (/^(services|languages)\.\d+$/.test(path)) return path.split('.')[0] as string
  if (/^location\.0$/.test(path) || path === 'location') return 'location.0.latitude'
  return path
}

// Runs of '-' are single by the time they are trimmed: `-+$` would be quadratic on a long run.
export const slugify = (name: string): string =>
  name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 56).replace(/-$/, '') || 'co-op'

/** Plain text paragraphs (blank lines between) as the small HTML a summary holds. */
const paragraphs = (plain: string): string => plain.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('')

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())

/** The listing a form describes (before a slug is chosen), as the API would receive it. */
export function listingFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const name = str(body.name)
  const defaultLanguage = UI_LANGUAGES.find((l) => l === body.defaultLanguage) ?? 'en'
  const nameMap: Record<string, string> = {}
  const summaryMap: Record<string, string> = {}
  for (const l of UI_LANGUAGES) {
    if (str(body[`nameMap.${l}`])) nameMap[l] = str(body[`nameMap.${l}`])
    if (str(body[`summaryMap.${l}`])) summaryMap[l] = paragraphs(str(body[`summaryMap.${l}`]))
  }
  const number = (v: unknown): number | string => (str(v) !== '' && Number.isFinite(Number(str(v))) ? Number(str(v)) : str(v))
  const lat = str(body['location.0.latitude'])
  const lng = str(body['location.0.longitude'])
  const place: Record<string, unknown> = {}
  if (lat || lng) {
    place.latitude = number(lat)
    place.longitude = number(lng)
    if (str(body['location.0.name'])) place.name = str(body['location.0.name'])
    if (str(body['location.0.country'])) place.country = str(body['location.0.country']).toUpperCase()
  }
  const contact: Record<string, string> = {}
  if (str(body['contact.website'])) contact.website = str(body['contact.website'])
  if (str(body['contact.email'])) contact.email = str(body['contact.email'])
  return {
    slug: slugify(name), name, kind: str(body.kind), defaultLanguage,
    ...(Object.keys(nameMap).length ? { nameMap } : {}),
    ...(Object.keys(summaryMap).length ? { summaryMap } : {}),
    ...(strings(body.services).length ? { services: strings(body.services) } : {}),
    ...(strings(body.languages).length ? { languages: strings(body.languages) } : {}),
    ...(lat || lng ? { location: [place] } : {}),
    ...(Object.keys(contact).length ? { contact } : {})
  }
}

function preview(ui: Ui, listing: Record<string, unknown>): SafeHtml {
  const summaries = (listing.summaryMap ?? {}) as Record<string, string>
  const summary = summaries[ui.lang] ?? Object.values(summaries)[0] ?? ''
  return html`<article class="profile"><h3>${String(listing.name ?? '')}</h3>
<p class="handle">${listing.kind ? kindLabel(String(listing.kind), ui.lang) : ''}</p>
<div class="summary">${trusted(summary)}</div>
${Array.isArray(listing.services) ? html`<ul class="tags">${(listing.services as string[]).map((s) => html`<li>${serviceLabel(s, ui.lang)}</li>`)}</ul>` : ''}</article>`
}

/** What the join page needs to refuse or accept: store access for the caps, and the caps. */
export interface JoinGuardDeps {
  listingStore: ListingStore
  instance: { publicUrl: string }
  pendingLimits: PendingLimits
  logger: Pick<Logger, 'info'>
}

export function joinRoutes(deps: JoinDeps & JoinGuardDeps): Router {
  const router = Router()
  const form = express.urlencoded({ extended: false, limit: '200kb', parameterLimit: 500 })
  const context = (req: Request, res: express.Response) => {
    const ui = requestUi(req, res)
    return { ui, url: req.originalUrl, csrf: csrfToken(req, res), tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution }
  }
  const refusal = (req: Request, res: express.Response, status: number, message: (ui: Ui) => string) => {
    const ui = requestUi(req, res)
    res.status(status).type('html').send(page({ title: ui.t('join.title'), ui, url: req.originalUrl, body: html`<h1>${ui.t('join.title')}</h1><p class="errors" role="alert">${message(ui)}</p><p><a href="/join">${ui.t('nav.join')}</a></p>` }))
  }
  // Counted before the body is even parsed: a flood costs no parsing, no hashing, no store reads.
  const limiter = joinRateLimit((req, res) => refusal(req, res.set('Retry-After', String(JOIN_WINDOW_MS / 1000)), 429, (ui) => ui.t('join.tooMany')))

  router.get('/join', (req, res) => {
    res.type('html').send(joinPage(context(req, res), {}, {}))
  })

  router.post('/join', limiter, form, handle(async (req, res) => {
    const ctx = context(req, res)
    const body = (req.body ?? {}) as Record<string, unknown>
    // Every field's size before anything reads it (no regex, slug or hash sees more than its cap).
    const oversized = oversizedFields(body)
    if (oversized.length) return res.status(413).type('html').send(joinPage(ctx, withoutFields(body, oversized) as JoinValues, Object.fromEntries(oversized.map((f) => [f, 'error.tooLong']))))
    const values = body as JoinValues
    if (!csrfValid(req)) return res.status(403).type('html').send(joinPage(ctx, values, { name: 'error.csrf' }))
    const errors: JoinErrors = {}
    const listing = listingFromForm(body)
    const checked = validateListing(listing)
    if (!checked.ok) for (const e of checked.error) errors[formField(e.field)] ??= messageKey(e)
    if (Object.values(listing.summaryMap ?? {}).length === 0) errors['summaryMap.en'] ??= 'error.required'
    const email = str(body['account.email'])
    const password = typeof body['account.password'] === 'string' ? body['account.password'] : ''
    if (!looksLikeEmail(email)) errors['account.email'] = 'error.email'
    if (password.length < MIN_PASSWORD) errors['account.password'] = 'error.password'
    if (Object.keys(errors).length) return res.status(422).type('html').send(joinPage(ctx, values, errors))
    if (body.action === 'preview') return res.type('html').send(joinPage(ctx, values, {}, { preview: preview(ctx.ui, listing) }))

    const applicant = deps.accounts.applicantOf(clientKey(req))
    const verdict = await pendingVerdict({ listingStore: deps.listingStore, accounts: deps.accounts, publicUrl: deps.instance.publicUrl }, deps.pendingLimits, applicant)
    if (!verdict.ok && verdict.reason === 'total') return refusal(req, res.set('Retry-After', '86400'), 503, (ui) => ui.t('join.queueFull'))
    if (!verdict.ok) return refusal(req, res, 429, (ui) => ui.t('join.clientCap', { count: verdict.count }))

    const thanks = () => res.status(201).type('html').send(joinPage(ctx, {}, {}, { done: true }))
    if (await emailIsHeld(deps, email)) {
      // Same answer, same scrypt cost as a new account; the existing account is left exactly as it was.
      await hashPassword(password)
      deps.logger.info({ applicant }, 'join: application for an email that already has an account, discarded')
      return thanks()
    }
    const created = await createPending(deps.listings, listing)
    if (created === 'invalid') return res.status(422).type('html').send(joinPage(ctx, values, { name: 'error.invalid' }))
    if (created === 'no-slug') return res.status(409).type('html').send(joinPage(ctx, values, { name: 'error.invalid' }))
    if (!(await deps.accounts.create(email, password, created.id, applicant))) {
      await deps.listings.delete(created.slug) // the email was taken meanwhile: leave nothing half-written, say nothing
    }
    thanks()
  }))

  return router
}

/**
 * True when an account has this email and its listing still exists. An
 * account whose listing was deleted holds nothing: it is released, so the
 * owner of the address can apply again instead of being turned away forever.
 */
async function emailIsHeld(deps: { accounts: EditorAccounts; listingStore: ListingStore }, email: string): Promise<boolean> {
  const listingId = await deps.accounts.listingOf(email)
  if (!listingId) return false
  if (await deps.listingStore.byId(listingId)) return true
  await deps.accounts.release(email, listingId)
  return false
}

/** A pending listing under a free slug (the name's, else with a number). */
async function createPending(listings: ListingService, listing: Record<string, unknown>): Promise<Listing | 'invalid' | 'no-slug'> {
  for (let n = 1; n <= 50; n++) {
    const slug = n === 1 ? String(listing.slug) : `${String(listing.slug).slice(0, 56)}-${n}`
    const result = await listings.create({ ...listing, slug }, 'pending')
    if (result.ok) return result.value
    if (result.error.kind !== 'conflict') return 'invalid'
  }
  return 'no-slug'
}
