/** Secrets compared in constant time (bearer tokens, session and CSRF tokens), and the operator API's Bearer check. */
import { timingSafeEqual, createHash } from 'node:crypto'
import type { RequestHandler } from 'express'
import { sendProblem } from './problem'

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

/** Constant-time equality of two secrets of any lengths (their digests are compared). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected))
}

/** The token of an `Authorization: Bearer TOKEN` header, or undefined (no regex: headers are outside input). */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header || header.slice(0, 7).toLowerCase() !== 'bearer ') return undefined
  const token = header.slice(7).trim()
  return token || undefined
}

export function requireOperator(adminToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!adminToken) {
      res.set('WWW-Authenticate', 'Bearer realm="tejido"')
      return sendProblem(res, { status: 401, title: 'Operator API disabled', detail: 'Set ADMIN_TOKEN to enable the operator API.' })
    }
    const token = bearerToken(req.get('authorization'))
    if (!token || !sameSecret(token, adminToken)) {
      res.set('WWW-Authenticate', 'Bearer realm="tejido"')
      return sendProblem(res, { status: 401, title: 'Unauthorized', detail: 'Send Authorization: Bearer <ADMIN_TOKEN>.' })
    }
    next()
  }
}
