/**
 * What keeps /join from flooding the moderation queue: a rate limit on
 * POST /join per client (IPv6 clients counted per /64, so one host cannot
 * rotate through its 2^64 addresses), and caps on how many applications may
 * wait for review — per client and in total — counted from the store, so
 * they hold across restarts and across processes.
 */
import { rateLimit, ipKeyGenerator, type RateLimitRequestHandler } from 'express-rate-limit'
import type { Request, Response } from 'express'
import type { ListingStore } from '../../../directory/listing-store'
import type { EditorAccounts } from '../../../directory/editor-accounts'

/** The operator's settings (MAX_PENDING_LISTINGS, MAX_PENDING_PER_CLIENT). */
export interface PendingLimits {
  maxPendingListings: number
  maxPendingPerClient: number
}

/** Enough for a person who fixes errors and previews several times; far from a script's pace. */
export const JOIN_POSTS_PER_WINDOW = 20
export const JOIN_WINDOW_MS = 15 * 60 * 1000
const IPV6_SUBNET = 64

/** The client as the limits count it: its IPv4 address or its IPv6 /64. */
export const clientKey = (req: Request): string => ipKeyGenerator(req.ip ?? 'unknown', IPV6_SUBNET)

/** The POST /join limiter; `refuse` answers the 429 in the reader's language. */
export function joinRateLimit(refuse: (req: Request, res: Response) => void): RateLimitRequestHandler {
  return rateLimit({
    windowMs: JOIN_WINDOW_MS,
    limit: JOIN_POSTS_PER_WINDOW,
    ipv6Subnet: IPV6_SUBNET,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (req, res) => refuse(req, res)
  })
}

export type PendingVerdict = { ok: true } | { ok: false; reason: 'client'; count: number } | { ok: false; reason: 'total' }

/** Whether one more application from this applicant may join the queue. */
export async function pendingVerdict(
  deps: { listingStore: ListingStore; accounts: EditorAccounts; publicUrl: string },
  limits: PendingLimits,
  applicant: string
): Promise<PendingVerdict> {
  const total = await deps.listingStore.count({ origin: deps.publicUrl, moderation: 'pending' })
  if (total >= limits.maxPendingListings) return { ok: false, reason: 'total' }
  const theirs = await deps.accounts.listingsOf(applicant)
  let pending = 0
  for (const id of theirs) if ((await deps.listingStore.byId(id))?.moderation === 'pending') pending++
  if (pending >= limits.maxPendingPerClient) return { ok: false, reason: 'client', count: pending }
  return { ok: true }
}
