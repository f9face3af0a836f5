/**
 * What keeps /join from flooding the moderation queue: a rate limit on
 * POST /join per client (IPv6 clients counted per /64, so one host cannot
 * rotate through its 2^64 addresses). The caps on how many applications may
 * wait for review — per client and in total, counted from the store so they
 * hold across restarts and across processes — are registration's
 * (directory/registration.ts); the client they count is `clientKey`.
 */
import { rateLimit, ipKeyGenerator, type RateLimitRequestHandler } from 'express-rate-limit'
import type { Request, Response } from 'express'

// The caps' settings live with registration; app.ts still names them from here.
export type { PendingLimits } from '../../../directory/registration'

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
