/**
 * GET /api/export?format=F: the directory's listings in one of the export
 * formats (exchange/export-formats.ts), streamed page by page from the store
 * so memory stays flat whatever the size. Anyone gets the published
 * listings (each carries its data licence); the operator token gets every
 * listing, optionally of one moderation state (`moderation=`) or `origin=`.
 */
import { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { MODERATION_STATES as MODERATION, PUBLISHED, type ModerationState } from '../../directory/listing'
import { EXPORT_FORMATS, EXPORT_MEDIA, exportChunks, isExportFormat, selectedListings } from '../../exchange/export-formats'
import { bearerToken, sameSecret } from '../auth'
import { handle } from '../handle'
import { sendProblem } from '../problem'

const isOperator = (req: Request, adminToken: string | undefined): boolean => {
  const token = bearerToken(req.get('authorization'))
  return !!adminToken && !!token && sameSecret(token, adminToken)
}

/** Writes the chunks, waiting whenever the client reads slower than the store gives. */
async function stream(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) {
    if (res.destroyed) return
    if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve))
  }
  res.end()
}

const isOrigin = (raw: string): boolean => URL.canParse(raw) && new URL(raw).origin === raw

const refuse = (res: Response, field: string, message: string) =>
  sendProblem(res, { status: 400, title: 'Bad query parameter', detail: `${field} ${message}`, errors: [{ field, message }] })

export function exportRoutes(listings: ListingService, adminToken: string | undefined): Router {
  const router = Router()
  router.get('/export', handle(async (req, res) => {
    const format = req.query.format ?? 'json'
    if (!isExportFormat(format)) return refuse(res, 'format', `must be one of ${EXPORT_FORMATS.join(', ')}`)
    const operator = isOperator(req, adminToken)
    const moderation = req.query.moderation
    if (moderation !== undefined && (!operator || !MODERATION.includes(moderation as ModerationState))) {
      return refuse(res, 'moderation', operator ? `must be one of ${MODERATION.join(', ')}` : 'needs the operator token (anyone gets the published listings)')
    }
    const origin = typeof req.query.origin === 'string' ? req.query.origin : undefined
    if (origin !== undefined && !isOrigin(origin)) return refuse(res, 'origin', 'must be scheme://host[:port]')
    const selected = { ...(origin ? { origin } : {}), ...(operator ? (moderation ? { moderation: moderation as ModerationState } : {}) : { moderation: PUBLISHED }) }
    const media = EXPORT_MEDIA[format]
    res.type(media.type).set('Content-Disposition', `attachment; filename="tejido.${media.extension}"`).set('Cache-Control', operator ? 'no-store' : 'public, max-age=60')
    await stream(res, exportChunks(format, selectedListings(listings, selected)))
  }))
  return router
}
