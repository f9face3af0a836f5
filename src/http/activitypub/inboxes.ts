/**
 * The inboxes (/actor/inbox, /orgs/SLUG/inbox) over HTTP: a guard's rate
 * limit before the body is read, the raw body capped, then the guard's
 * outcome rendered — 202, or problem+json saying why it was refused.
 */
import express, { type Request, type Response, type NextFunction, type RequestHandler } from 'express'
import { INBOX_BODY_LIMIT, type InboxGuard, type InboxOutcome, type InboxRequest } from '../../federation/inbox/guard'
import { REQUIRED_SIGNED_HEADERS } from '../../federation/signatures/verify-request'
import { sendProblem } from '../problem'

/** What a refusal is called, for problem+json's title. */
const TITLES: Record<Exclude<InboxOutcome['kind'], 'accepted'>, string> = {
  'bad-signature': 'Signature refused',
  malformed: 'Malformed activity',
  'not-the-actor': 'Signer is not the actor',
  refused: 'Activity refused'
}

function render(res: Response, outcome: InboxOutcome): void {
  switch (outcome.kind) {
    case 'accepted':
      res.status(202).end()
      return
    case 'bad-signature':
      res.set('WWW-Authenticate', `Signature realm="tejido",headers="${REQUIRED_SIGNED_HEADERS.join(' ')}"`)
      return sendProblem(res, { status: outcome.status, title: TITLES[outcome.kind], detail: outcome.reason })
    case 'malformed':
      return sendProblem(res, { status: 400, title: TITLES[outcome.kind], detail: outcome.reason })
    case 'not-the-actor':
      return sendProblem(res, { status: 403, title: TITLES[outcome.kind], detail: outcome.reason })
    case 'refused':
      return sendProblem(res, { status: outcome.refusal.status, title: TITLES[outcome.kind], detail: outcome.refusal.reason })
  }
}

const inboxRequest = (req: Request): InboxRequest => ({
  method: req.method,
  target: req.originalUrl,
  header: (name) => req.get(name),
  body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  params: req.params as Record<string, string>
})

/** The handlers to mount an inbox at a POST route. */
export function inboxRoute(guard: InboxGuard): RequestHandler[] {
  const limit: RequestHandler = (req, res, next) => {
    const wait = guard.throttle({ header: (name) => req.get(name), address: req.ip })
    if (wait > 0) {
      res.set('Retry-After', String(wait))
      return sendProblem(res, { status: 429, title: 'Too many requests', detail: `Slow down; retry in ${wait} s` })
    }
    next()
  }
  const raw = express.raw({ type: () => true, limit: INBOX_BODY_LIMIT })
  const receive = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      render(res, await guard.receive(inboxRequest(req)))
    } catch (e) {
      next(e)
    }
  }
  return [limit, raw, receive]
}
