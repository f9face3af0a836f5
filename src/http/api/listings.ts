/**
 * Operator CRUD for listings (Bearer ADMIN_TOKEN). A listing reads and writes
 * as the same JSON; read-only fields are ignored on input. Failures come back
 * as problem+json naming the field, and nothing is written. Each listing
 * carries its version as a strong ETag ("v7"); PATCH and DELETE honour
 * If-Match (412 when stale), and bodies must be JSON (415 otherwise).
 */
import { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { MODERATION_STATES as MODERATION, type ModerationState } from '../../directory/listing'
import type { DirectoryFailure } from '../../directory/result'
import { failureToProblem, sendProblem } from '../problem'
import { handle } from '../handle'
import { etagOf, ifMatch, requireJsonBody } from '../preconditions'
import { listingJson } from '../../exchange/export-formats'

/** The JSON shape of a listing (one home: exchange/export-formats.ts, which exports the same). */
export { listingJson }

function intParam(req: Request, res: Response, name: string, fallback: number, max: number): number | null {
  const raw = req.query[name]
  if (raw === undefined) return fallback
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    sendProblem(res, { status: 400, title: 'Bad query parameter', detail: `${name} must be an integer from 1 to ${max}`, errors: [{ field: name, message: `must be an integer from 1 to ${max}` }] })
    return null
  }
  return Number(raw)
}

function originParam(req: Request, res: Response): string | undefined | null {
  const raw = req.query.origin
  if (raw === undefined) return undefined
  try {
    if (typeof raw !== 'string') throw new Error()
    const url = new URL(raw)
    if (!['http:', 'https:'].includes(url.protocol) || url.origin !== raw.replace(/\/$/, '')) throw new Error()
    return url.origin
  } catch {
    sendProblem(res, { status: 400, title: 'Bad query parameter', detail: 'origin must be scheme://host[:port]', errors: [{ field: 'origin', message: 'must be scheme://host[:port]' }] })
    return null
  }
}

/** A failure as problem+json; a stale one also names the current version's ETag. */
function sendStaleOrProblem(res: Response, failure: DirectoryFailure): void {
  if (failure.kind === 'stale') res.set('ETag', etagOf(failure))
  sendProblem(res, failureToProblem(failure))
}


export function listingsApi(service: ListingService): Router {
  const router = Router()

  router.get('/', handle(async (req, res) => {
    const page = intParam(req, res, 'page', 1, 100000)
    if (page === null) return
    const perPage = intParam(req, res, 'perPage', 20, 100)
    if (perPage === null) return
    const origin = originParam(req, res)
    if (origin === null) return
    const moderation = req.query.moderation
    if (moderation !== undefined && !MODERATION.includes(moderation as ModerationState)) {
      return sendProblem(res, { status: 400, title: 'Bad query parameter', detail: `moderation must be one of ${MODERATION.join(', ')}`, errors: [{ field: 'moderation', message: 'unknown state' }] })
    }
    const result = await service.list({ origin, moderation: moderation as ModerationState | undefined, page, perPage })
    res.json({ ...result, items: result.items.map(listingJson) })
  }))

  router.post('/', requireJsonBody('Accept-Post'), handle(async (req, res) => {
    const result = await service.create(req.body)
    if (!result.ok) return sendProblem(res, failureToProblem(result.error))
    res.status(201).location(result.value.id).set('ETag', etagOf(result.value)).json(listingJson(result.value))
  }))

  router.get('/:slug', handle(async (req, res) => {
    const result = await service.get(req.params.slug as string)
    if (!result.ok) return sendProblem(res, failureToProblem(result.error))
    // Express answers 304 itself when If-None-Match names this tag.
    res.set('ETag', etagOf(result.value)).json(listingJson(result.value))
  }))

  router.patch('/:slug', requireJsonBody('Accept-Patch'), handle(async (req, res) => {
    const accepts = ifMatch(req, res)
    if (accepts === null) return
    const result = await service.update(req.params.slug as string, req.body, accepts)
    if (!result.ok) return sendStaleOrProblem(res, result.error)
    res.set('ETag', etagOf(result.value)).json(listingJson(result.value))
  }))

  // Moderation: only approved listings are searchable, shown and federated.
  for (const [action, state] of [['approve', 'approved'], ['reject', 'rejected']] as const) {
    router.post(`/:slug/${action}`, handle(async (req, res) => {
      const result = await service.setModeration(req.params.slug as string, state)
      if (!result.ok) return sendProblem(res, failureToProblem(result.error))
      res.set('ETag', etagOf(result.value)).json(listingJson(result.value))
    }))
  }

  router.delete('/:slug', handle(async (req, res) => {
    const accepts = ifMatch(req, res)
    if (accepts === null) return
    const result = await service.delete(req.params.slug as string, accepts)
    if (!result.ok) return sendStaleOrProblem(res, result.error)
    res.status(204).end()
  }))

  return router
}
