/**
 * What stands in front of every inbox, enforced by Tejido whatever apex or
 * the environment say: a per-host rate limit, a valid HTTP signature, a
 * well-formed activity, a signer that is the activity's actor on the same
 * origin, and no second effect for a replayed activity id. Only then does the
 * handler run, with the parsed activity and its verified sender.
 *
 * The guard knows nothing of HTTP frameworks: it reads an InboxRequest and
 * returns what happened as a value (accepted, or a refusal saying why);
 * http/activitypub/inboxes.ts caps the body, builds the request and renders
 * the outcome as problem+json.
 */
import { verifyRequest, type SignedRequest, type VerifiedSender } from '../signatures/verify-request'
import { parseSignatureHeader } from '../signatures/http-signature'
import { parseActivity, type InboundActivity } from './activity-shape'
import type { KeyResolver } from '../signatures/key-resolver'
import type { ReplayGuard } from './replay-guard'
import type { RateLimiter } from './rate-limiter'

/** The largest inbox body read; a larger one is refused before parsing. */
export const INBOX_BODY_LIMIT = 1024 * 1024

export interface InboxGuardDeps {
  keys: KeyResolver
  replay: ReplayGuard
  limiter: RateLimiter
  now?: () => Date
}

/** An inbox POST as the guard reads it: the signed parts, the raw body and the route's parameters. */
export interface InboxRequest extends SignedRequest {
  /** The route's parameters (the listing's slug for /orgs/SLUG/inbox). */
  params: Readonly<Record<string, string>>
}

/** Who may be throttled: the request's headers and the address it came from. */
export interface InboxCaller {
  header(name: string): string | undefined
  address: string | undefined
}

export interface VerifiedInbound { activity: InboundActivity; sender: VerifiedSender }

/** A refusal a handler returns (its status and why); anything thrown is a bug (500). */
export interface InboxRefusal { status: 400 | 403 | 404 | 409 | 422; reason: string }

export type InboxHandler = (inbound: VerifiedInbound, params: Readonly<Record<string, string>>) => Promise<InboxRefusal | undefined>

/** What the guard made of a POST: accepted (also a replay, which has no second effect), or refused and why. */
export type InboxOutcome =
  | { kind: 'accepted' }
  | { kind: 'bad-signature'; status: 401 | 403; reason: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'not-the-actor'; reason: string }
  | { kind: 'refused'; refusal: InboxRefusal }

/** The two steps of the guard: the rate limit before the body is read, the rest after. */
export interface InboxGuard {
  /** 0 when this caller may go on, else the seconds it should wait. */
  throttle(caller: InboxCaller): number
  /** Verifies, parses, binds the signer to the actor, claims the activity id once, and runs the handler. */
  receive(req: InboxRequest): Promise<InboxOutcome>
}

const origin = (url: string): string => new URL(url).origin

/** The host a request claims to come from, for rate limiting before any verification. */
function claimedHost(caller: InboxCaller): string {
  const header = caller.header('signature') ?? caller.header('authorization')?.replace(/^signature /i, '')
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
  return caller.address ?? 'unknown'
}

export function inboxGuard(deps: InboxGuardDeps, handle: InboxHandler): InboxGuard {
  const now = deps.now ?? (() => new Date())
  return {
    throttle: (caller) => deps.limiter.take(claimedHost(caller)),
    async receive(req) {
      const verified = await verifyRequest(req, deps.keys, now())
      if (!verified.ok) return { kind: 'bad-signature', ...verified.error }
      const parsed = parseActivity(req.body)
      if (!parsed.ok) return { kind: 'malformed', reason: parsed.error }
      const activity = parsed.value
      const sender = verified.value
      if (sender.owner !== activity.actor || origin(sender.keyId) !== origin(activity.actor)) {
        return { kind: 'not-the-actor', reason: `signed by ${sender.owner} (key ${sender.keyId}) for an activity of ${activity.actor}` }
      }
      if (!(await deps.replay.claim(activity.id))) return { kind: 'accepted' } // already handled: no second effect
      let refusal: InboxRefusal | undefined
      try {
        refusal = await handle({ activity, sender }, req.params)
      } catch (e) {
        await deps.replay.release(activity.id)
        throw e
      }
      if (!refusal) return { kind: 'accepted' }
      await deps.replay.release(activity.id)
      return { kind: 'refused', refusal }
    }
  }
}
