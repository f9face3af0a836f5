/**
 * /operators/queue (issue 12, point 5): what waits for the operator —
 * applications and held changes — searchable and paged, each with a full
 * view; approve and reject (confirmed by a ticked box). Every POST answers
 * with a 303 redirect, errors included, carrying an allowlisted message key
 * (never text from the query), so a reload never resubmits. API twins:
 * POST /api/listings/:slug/approve|reject and /api/listings/:slug/change/...
 */
import type { Request, RequestHandler, Response, Router } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import type { HeldChanges } from '../../../directory/held-changes'
import type { DirectoryFailure } from '../../../directory/result'
import { csrfValid } from '../session'
import type { WebSettings } from '../ui'
import { handle } from '../../handle'
import type { OperatorContext } from './view'
import { queuePage } from './queue-items'
import { applicationPage, applicationPath, changePage, changePath, queueListPage, type QueueNotice } from './queue-view'

/** What the queue is built from. */
export interface QueueDeps {
  listings: ListingService
  heldChanges: HeldChanges
  web: WebSettings
}

/** The operator pages' shared guards (operators/routes.ts). */
export interface QueueGuards {
  ctx(req: Request, res: Response): OperatorContext
  signedIn: RequestHandler
  form: RequestHandler
}

const MESSAGES: Record<string, QueueNotice> = {
  approved: { kind: 'done', key: 'review.doneApproved' },
  rejected: { kind: 'done', key: 'review.doneRejected' },
  confirm: { kind: 'error', key: 'review.confirmNeeded' },
  gone: { kind: 'error', key: 'review.gone' },
  invalid: { kind: 'error', key: 'review.invalid' },
  changed: { kind: 'error', key: 'review.changedMeanwhile' },
  csrf: { kind: 'error', key: 'error.csrf' }
}

/** The message a redirect asked for (?done= or ?error=), if it is one of ours. */
const noticeOf = (req: Request): QueueNotice => {
  const key = typeof req.query.error === 'string' ? req.query.error : typeof req.query.done === 'string' ? req.query.done : ''
  return Object.hasOwn(MESSAGES, key) ? MESSAGES[key] : undefined
}

const MAX_SEARCH = 100

const slugOf = (req: Request): string => req.params.slug as string
const body = (req: Request): Record<string, unknown> => (req.body ?? {}) as Record<string, unknown>
const confirmed = (req: Request): boolean => body(req).confirm === 'yes'

/** The form's heldAt (the change the operator looked at); undefined when missing or unreadable, which the decision then refuses as replaced. */
function heldAtOf(req: Request): Date | null {
  const raw = body(req).heldAt
  const at = typeof raw === 'string' && raw.length <= 30 ? new Date(raw) : null
  return at && Number.isFinite(at.getTime()) ? at : null
}

const errorKey = (failure: DirectoryFailure): string => (failure.kind === 'invalid' ? 'invalid' : failure.kind === 'stale' ? 'changed' : 'gone')

/** A page with a message from MESSAGES (its other query kept). */
const withError = (path: string, key: string): string => `${path}${path.includes('?') ? '&' : '?'}error=${key}`

/** The application's origin (?origin=, a mirror's), or this instance's. */
function originOf(req: Request, local: string): string {
  const raw = req.query.origin
  if (typeof raw !== 'string' || raw.length > 300) return local
  try {
    return new URL(raw).origin === raw ? raw : local
  } catch {
    return local
  }
}

/** The version the operator looked at; NaN when missing, which no stored version passes. */
const versionSeen = (req: Request): number => Number(typeof body(req)._version === 'string' ? body(req)._version : NaN)

export function queueRoutes(router: Router, deps: QueueDeps, guards: QueueGuards): void {
  const { ctx, signedIn, form } = guards
  const settings = () => ({ host: new URL(deps.listings.origin).host, tileUrl: deps.web.tileUrl, tileAttribution: deps.web.tileAttribution })
  /** A POST with a bad CSRF token goes back where it came from, saying so. */
  const posted = (back: (req: Request) => string): RequestHandler => (req, res, next) => (csrfValid(req) ? next() : res.redirect(303, withError(back(req), 'csrf')))

  router.get('/operators/queue', signedIn, handle(async (req, res) => {
    const search = typeof req.query.q === 'string' ? req.query.q.slice(0, MAX_SEARCH).trim() : ''
    const page = typeof req.query.page === 'string' && /^\d{1,6}$/.test(req.query.page) ? Number(req.query.page) : 1
    const result = await queuePage(deps, { page, search })
    res.type('html').send(queueListPage(ctx(req, res), result, search, noticeOf(req)))
  }))

  const application = (req: Request) => deps.listings.find(originOf(req, deps.listings.origin), slugOf(req))
  router.get('/operators/queue/applications/:slug', signedIn, handle(async (req, res) => {
    const found = await application(req)
    if (found?.moderation !== 'pending') return res.redirect(303, '/operators/queue?error=gone')
    res.type('html').send(applicationPage(ctx(req, res), found, settings(), noticeOf(req)))
  }))

  router.get('/operators/queue/changes/:slug', signedIn, handle(async (req, res) => {
    const waiting = await deps.heldChanges.waitingFor(slugOf(req))
    if (!waiting.ok) return res.redirect(303, '/operators/queue?error=gone')
    res.type('html').send(changePage(ctx(req, res), waiting.value.listing, waiting.value.change, settings(), noticeOf(req)))
  }))

  // Applications: the listing's own moderation, only while it is pending (a published listing is withdrawn elsewhere).
  const fromApplication = (req: Request) => applicationPath({ slug: slugOf(req), origin: originOf(req, deps.listings.origin) })
  for (const [verb, state] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    router.post(`/operators/listings/:slug/${verb}`, signedIn, form, posted(fromApplication), handle(async (req, res) => {
      if (verb === 'reject' && !confirmed(req)) return res.redirect(303, `${withError(fromApplication(req), 'confirm')}#reject`)
      const found = await application(req)
      if (found?.moderation !== 'pending') return res.redirect(303, '/operators/queue?error=gone')
      // only the version the operator looked at: an applicant's save since then is seen before it is decided on
      const seen = versionSeen(req)
      const result = await deps.listings.setModeration(found.slug, state, { origin: found.origin, accepts: (version) => version === seen })
      res.redirect(303, result.ok ? `/operators/queue?done=${state}` : withError(fromApplication(req), errorKey(result.error)))
    }))
  }

  // Changes: applied onto the listing as it is now, or declined; only the very change the operator looked at.
  const fromChange = (req: Request) => changePath(slugOf(req))
  router.post('/operators/queue/changes/:slug/approve', signedIn, form, posted(fromChange), handle(async (req, res) => {
    const result = await deps.heldChanges.approve(slugOf(req), heldAtOf(req) ?? new Date(0))
    res.redirect(303, result.ok ? '/operators/queue?done=approved' : `${fromChange(req)}?error=${errorKey(result.error)}`)
  }))
  router.post('/operators/queue/changes/:slug/reject', signedIn, form, posted(fromChange), handle(async (req, res) => {
    if (!confirmed(req)) return res.redirect(303, `${fromChange(req)}?error=confirm#reject`)
    const result = await deps.heldChanges.reject(slugOf(req), heldAtOf(req) ?? new Date(0))
    res.redirect(303, result.ok ? '/operators/queue?done=rejected' : `${fromChange(req)}?error=${errorKey(result.error)}`)
  }))
}
