/**
 * RFC 7807 problem+json, from one place: handlers return failures as values
 * and this turns them, and any error that escapes, into a clear answer.
 */
import type { Request, Response, NextFunction, ErrorRequestHandler } from 'express'
import type { Logger } from 'pino'
import type { DirectoryFailure, FieldError } from '../directory/result'

export interface Problem {
  status: number
  title: string
  detail?: string
  errors?: FieldError[]
}

export function sendProblem(res: Response, problem: Problem): void {
  res.status(problem.status).type('application/problem+json').send(JSON.stringify({ type: 'about:blank', ...problem }))
}

export function failureToProblem(failure: DirectoryFailure): Problem {
  switch (failure.kind) {
    case 'invalid':
      return {
        status: 422,
        title: 'Invalid listing',
        detail: failure.errors.map((e) => `${e.field}: ${e.message}`).join('; '),
        errors: failure.errors
      }
    case 'not-found':
      return { status: 404, title: 'Not found', detail: `No ${failure.what}` }
    case 'gone':
      return { status: 410, title: 'Gone', detail: `The ${failure.what} was deleted` }
    case 'conflict':
      return { status: 409, title: 'Conflict', detail: failure.what, ...(failure.field ? { errors: [{ field: failure.field, message: failure.what }] } : {}) }
    case 'stale':
      return { status: 412, title: 'Precondition Failed', detail: `The ${failure.what} is now at version ${failure.version} (ETag "v${failure.version}"), not one named in If-Match: read it again and reapply the change. Nothing was written.` }
  }
}

/** MongoDB's OutOfDiskSpace, which the embedded engine reports too when its disk is full. */
const OUT_OF_DISK_SPACE = 14031

function isOutOfDiskSpace(error: unknown): boolean {
  const e = error as { code?: unknown; codeName?: unknown } | null
  return e?.code === OUT_OF_DISK_SPACE || e?.codeName === 'OutOfDiskSpace'
}

/** The embedded engine could not write its files for another reason (nothing of the write was stored). */
function isDiskWriteFailure(error: unknown): boolean {
  return (error as { diskWriteFailed?: unknown } | null)?.diskWriteFailed === true
}

/** Body-parser and other errors become 4xx; a full disk 507, another failed disk write 503; anything unexpected a logged 500. */
export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error)
    const e = error as { type?: string; status?: number; statusCode?: number; message?: string; limit?: number }
    const status = e.status ?? e.statusCode
    if (e.type === 'entity.too.large') {
      return sendProblem(res, { status: 413, title: 'Payload too large', detail: `The body is larger than the ${e.limit} bytes accepted here` })
    }
    if (e.type === 'entity.parse.failed') {
      return sendProblem(res, { status: 400, title: 'Malformed JSON', detail: 'The request body is not valid JSON' })
    }
    if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported') {
      return sendProblem(res, { status: 415, title: 'Unsupported encoding', detail: e.message })
    }
    if (status && status >= 400 && status < 500) {
      return sendProblem(res, { status, title: 'Bad request', detail: e.message })
    }
    if (isOutOfDiskSpace(error)) {
      // Nothing of the write was stored; reads go on. Logged once per refusal, for the operator.
      logger.error({ err: error, url: req.originalUrl, method: req.method }, 'write refused: the disk is full')
      res.set('Retry-After', '60')
      return sendProblem(res, {
        status: 507, title: 'Insufficient storage',
        detail: 'The server has no room left to store this change, so nothing was saved. Reading still works; try again once the operator has freed disk space.'
      })
    }
    if (isDiskWriteFailure(error)) {
      logger.error({ err: error, url: req.originalUrl, method: req.method }, 'write refused: the data directory could not be written')
      res.set('Retry-After', '60')
      return sendProblem(res, {
        status: 503, title: 'Storage unavailable',
        detail: 'The server could not write this change to its disk, so nothing was saved. Reading still works; try again later.'
      })
    }
    logger.error({ err: error, url: req.originalUrl, method: req.method }, 'unhandled error')
    sendProblem(res, { status: 500, title: 'Internal error', detail: 'Something went wrong on our side; it has been logged.' })
  }
}

export function notFound(req: Request, res: Response): void {
  sendProblem(res, { status: 404, title: 'Not found', detail: `Nothing at ${req.path}` })
}
