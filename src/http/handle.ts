/** Express 4 ignores rejected promises: route them to the problem handler. */
import type { Request, Response, NextFunction, RequestHandler } from 'express'

export function handle(fn: (req: Request, res: Response, next: NextFunction) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res, next).catch(next)
  }
}
