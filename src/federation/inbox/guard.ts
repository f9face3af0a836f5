/**
 * What stands in front of every inbox, enforced by Tejido whatever apex or
 * the environment say: a capped raw body, a per-host rate limit, a valid HTTP
 * signature, a well-formed activity, a signer that is the activity's actor on
 * the same origin, and no second effect for a replayed activity id. Only then
 * does the handler run, with the parsed activity and its verified sender.
 */
import express, { type Request, type Response, type NextFunction, type RequestHandler } from 'express'
import { verifyRequest, type VerifiedSender } from '../signatures/verify-request'
import { parseSignatureHeader } from '../signatures/http-signature'
import { parseActivity, type InboundActivity } from './activity-shape'
import type { KeyResolver } from '../signatures/key-resolver'
import type { ReplayGuard } from './replay-guard'
import type { RateLimiter } from './rate-limiter'
import { sendProblem } from '../../http/problem'

export const INBOX_BODY_LIMIT = 1024 * 1024

export interface InboxGuardDeps {
  keys: KeyResolver
  replay: ReplayGuard
  limiter: RateLimiter
  now?: () => Date
}

export interface VerifiedInbound { activity: InboundActivity; sender: VerifiedSender }

/** A refusal a handler returns (its status and why); anything thrown is a bug (500). */
export interface InboxRefusal { status: 400 | 403 | 404 | 409 | 422; reason: string }

export type InboxHandler = (inbound: VerifiedInbound, req: Request) => Promise<InboxRefusal | undefined>

const origin = (url: string): string => new URL(url).origin

/** The host a request claims to come from, for rate limiting before any verification. */
function claimedHost(req: Request): string {
  const header = req.get('signature') ?? req.get('authorization')?.replace(/^signature /i, '')
  if (header) {
    const parsed = parseSignatureHeader(header)
    if (parsed.ok) {
      try {
        return new URL(parsed.value.keyId).host
      } catch {
        // fall through to the address
      }
    }
  }
  return req.ip ?? 'unknown'
}

export function inboxGuard(deps: InboxGuardDeps, handle: InboxHandler): RequestHandler[] {
  const now = deps.now ?? (() => new Date())
  const limit: RequestHandler = (req, res, next) => {
    const wait = deps.limiter.take(claimedHost(req))
    if (wait > 0) {
      res.set('Retry-After', String(wait))
      return sendProblem(res, { status: 429, title: 'Too many requests', detail: `Slow down; retry in ${wait} s` })
    }
    next()
  }
  const raw = express.raw({ type: () => true, limit: INBOX_BODY_LIMIT })
  const check = async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
      const verified = await verifyRequest({ method: req.method, target: req.originalUrl, header: (n) => req.get(n), body }, deps.keys, now())
      if (!verified.ok) {
        res.set('WWW-Authenticate', 'Signature realm="tejido",headers="(request-target) host date digest"')
        return sendProblem(res, { status: verified.error.status, title: 'Signature refused', detail: verified.error.reason })
      }
      const parsed = parseActivity(body)
      if (!parsed.ok) return sendProblem(res, { status: 400, title: 'Malformed activity', detail: parsed.error })
      const activity = parsed.value
      const sender = verified.value
      if (sender.owner !== activity.actor || origin(sender.keyId) !== origin(activity.actor)) {
        return sendProblem(res, { status: 403, title: 'Signer is not the actor', detail: `signed by ${sender.owner} (key ${sender.keyId}) for an activity of ${activity.actor}` })
      }
      if (!(await deps.replay.claim(activity.id))) {
        res.status(202).end() // already handled: no second effect
        return
      }
      let refusal: InboxRefusal | undefined
      try {
        refusal = await handle({ activity, sender }, req)
      } catch (e) {
        await deps.replay.release(activity.id)
        throw e
      }
      if (refusal) {
        await deps.replay.release(activity.id)
        return sendProblem(res, { status: refusal.status, title: 'Activity refused', detail: refusal.reason })
      }
      if (!res.headersSent) res.status(202).end()
    } catch (e) {
      next(e)
    }
  }
  return [limit, raw, check]
}
