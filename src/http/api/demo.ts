/**
 * `POST /api/demo` loads the fictional demo listings through the
 * ListingService (indexed and federated like any listing; slugs already
 * taken are left), `DELETE /api/demo` removes every local example listing.
 * Operator only (mounted behind requireOperator). What `npm run seed` calls
 * while the server owns the embedded store.
 */
import { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { DEFAULT_DEMO_COUNT, MAX_DEMO_COUNT, loadDemo, removeDemo } from '../../directory/demo/demo-service'
import { handle } from '../handle'
import { sendProblem } from '../problem'
import { JSON_BODY_TYPES, hasBody } from '../preconditions'

/** The body's `count` (the default when the body is empty or has none), or null once a problem is sent. */
function countOf(req: Request, res: Response): number | null {
  if (hasBody(req) && !req.is([...JSON_BODY_TYPES])) {
    sendProblem(res, { status: 415, title: 'Unsupported Media Type', detail: 'Send the body as application/json, e.g. {"count": 50}, or no body at all' })
    return null
  }
  const body: unknown = req.body
  if (body === undefined || (typeof body === 'object' && body !== null && Object.keys(body).length === 0)) return DEFAULT_DEMO_COUNT
  const count = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { count?: unknown }).count : undefined
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > MAX_DEMO_COUNT) {
    const message = `count must be a whole number from 1 to ${MAX_DEMO_COUNT}`
    sendProblem(res, { status: 400, title: 'Bad count', detail: `${message} (default ${DEFAULT_DEMO_COUNT})`, errors: [{ field: 'count', message }] })
    return null
  }
  return count
}

export function demoApi(service: ListingService, origin: string): Router {
  const router = Router()
  router.post('/', handle(async (req, res) => {
    const count = countOf(req, res)
    if (count === null) return
    const report = await loadDemo(service, count)
    res.json(report) // `failed` is empty unless a demo listing no longer passes the schema (a bug)
  }))
  router.delete('/', handle(async (_req, res) => {
    res.json(await removeDemo(service, origin))
  }))
  return router
}
