/**
 * The API twins of the queue's held changes (Bearer ADMIN_TOKEN), mounted
 * beside /api/listings: GET /api/listings/:slug/change (404 when none
 * waits), POST /api/listings/:slug/change/approve (the listing as it now
 * is) and /reject (the declined change). An optional `heldAt` in the JSON
 * body makes the decision only for that very proposal (409 otherwise).
 */
import { Router, type Request } from 'express'
import type { HeldChanges } from '../../directory/held-changes'
import type { HeldChange } from '../../directory/change-review'
import { failureToProblem, sendProblem } from '../problem'
import { handle } from '../handle'
import { etagOf } from '../preconditions'
import { listingJson } from './listings'

const changeJson = (change: HeldChange): Record<string, unknown> => ({
  ...change,
  heldAt: change.heldAt.toISOString(),
  ...(change.decidedAt ? { decidedAt: change.decidedAt.toISOString() } : {})
})

/** The body's heldAt: undefined when absent, null when unreadable (refused). */
function heldAtOf(req: Request): Date | undefined | null {
  const raw = (req.body as Record<string, unknown> | undefined)?.heldAt
  if (raw === undefined) return undefined
  const at = typeof raw === 'string' && raw.length <= 30 ? new Date(raw) : null
  return at && Number.isFinite(at.getTime()) ? at : null
}

export function heldChangesApi(changes: HeldChanges): Router {
  const router = Router()
  const badHeldAt = { status: 400, title: 'Bad request body', detail: 'heldAt must be the ISO date of the change, as GET answers it', errors: [{ field: 'heldAt', message: 'must be an ISO date' }] }

  router.get('/:slug/change', handle(async (req, res) => {
    const waiting = await changes.waitingFor(req.params.slug as string)
    if (!waiting.ok) return sendProblem(res, failureToProblem(waiting.error))
    res.json({ listing: listingJson(waiting.value.listing), change: changeJson(waiting.value.change) })
  }))

  router.post('/:slug/change/approve', handle(async (req, res) => {
    const heldAt = heldAtOf(req)
    if (heldAt === null) return sendProblem(res, badHeldAt)
    const result = await changes.approve(req.params.slug as string, heldAt)
    if (!result.ok) return sendProblem(res, failureToProblem(result.error))
    res.set('ETag', etagOf(result.value.listing)).json(listingJson(result.value.listing))
  }))

  router.post('/:slug/change/reject', handle(async (req, res) => {
    const heldAt = heldAtOf(req)
    if (heldAt === null) return sendProblem(res, badHeldAt)
    const result = await changes.reject(req.params.slug as string, heldAt)
    if (!result.ok) return sendProblem(res, failureToProblem(result.error))
    res.json(changeJson(result.value))
  }))

  return router
}
