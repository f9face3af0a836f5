/**
 * Sign-in attempts per client: five failures a minute, then 429 until the
 * window passes. express-rate-limit counts by req.ip (which TRUST_PROXY makes
 * the forwarded client behind a trusted proxy, and the socket's address
 * otherwise, so forged X-Forwarded-For headers do not help), IPv6 clients by
 * their /64 (one household or server gets one count, not 2^64), and its store
 * keeps every client of the window: filling it with other addresses never
 * resets anyone's count. Successful sign-ins do not count.
 */
import { rateLimit } from 'express-rate-limit'
import type { Request, Response, RequestHandler } from 'express'

export const SIGN_IN_WINDOW_MS = 60_000
export const SIGN_IN_FAILURES = 5

/**
 * SIGN_IN_FAILURES a window per client (IPv6 by /64). Only failures count,
 * unless `everyRequest`: for a form whose answer is always the same success
 * (a password reset), where there is no failure to count.
 */
export function signInLimiter(refuse: (req: Request, res: Response) => void, options: { everyRequest?: boolean } = {}): RequestHandler {
  return rateLimit({
    windowMs: SIGN_IN_WINDOW_MS,
    limit: SIGN_IN_FAILURES,
    skipSuccessfulRequests: !options.everyRequest,
    ipv6Subnet: 64,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (req, res) => {
      res.status(429).set('Retry-After', String(SIGN_IN_WINDOW_MS / 1000))
      refuse(req, res)
    }
  })
}
