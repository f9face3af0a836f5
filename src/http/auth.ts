/** The operator API's bearer token (ADMIN_TOKEN), compared in constant time. */
import { timingSafeEqual, createHash } from 'node:crypto'
import type { RequestHandler } from 'express'
import { sendProblem } from './problem'

const digest = (s: string): Buffer => createHash('sha256').update(s).digest()

export function requireOperator(adminToken: string | undefined): RequestHandler {
  const expected = adminToken ? digest(adminToken) : null
  return (req, res, next) => {
    if (!expected) {
      res.set('WWW-Authenticate', 'Bearer realm="tejido"')
      return sendProblem(res, { status: 401, title: 'Operator API disabled', detail: 'Set ADMIN_TOKEN to enable the operator API.' })
    }
    const match = /^Bearer\s+(\S.*)$/i.exec(req.get('authorization') ?? '')
    if (!match || !timingSafeEqual(digest((match[1] as string).trim()), expected)) {
      res.set('WWW-Authenticate', 'Bearer realm="tejido"')
      return sendProblem(res, { status: 401, title: 'Unauthorized', detail: 'Send Authorization: Bearer <ADMIN_TOKEN>.' })
    }
    next()
  }
}
