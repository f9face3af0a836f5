/**
 * POST /api/import?format=F&encoding=E&dryRun=true|false&onConflict=update|skip&moderation=approved|pending
 * (operator token; the file as the body): the rows of a file in one of the
 * import formats (exchange/import-readers.ts) imported as this instance's listings (exchange/import.ts), answered with
 * the report of every row. A dry run writes nothing. The file must be UTF-8
 * (with or without BOM) unless `encoding` declares another; otherwise it
 * is refused (415), saying so.
 */
import express, { Router, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import type { ModerationState } from '../../directory/listing'
import { importRows } from '../../exchange/import'
import { IMPORT_FORMATS, isImportFormat, readRows } from '../../exchange/import-readers'
import { decodeFile, FILE_ENCODINGS, isFileEncoding } from '../../exchange/decode'
import { handle } from '../handle'
import { sendProblem } from '../problem'

/** The largest file taken in one request. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024

const choice = <T extends string>(raw: unknown, allowed: readonly T[], fallback: T): T | null =>
  raw === undefined ? fallback : (allowed as readonly unknown[]).includes(raw) ? (raw as T) : null

const refuse = (res: Response, field: string, message: string) =>
  sendProblem(res, { status: 400, title: 'Bad query parameter', detail: `${field} ${message}`, errors: [{ field, message }] })

export function importRoutes(listings: ListingService): Router {
  const router = Router()
  const file = express.raw({ type: () => true, limit: MAX_IMPORT_BYTES })
  router.post('/', file, handle(async (req, res) => {
    const format = req.query.format ?? 'json'
    if (!isImportFormat(format)) return refuse(res, 'format', `must be one of ${IMPORT_FORMATS.join(', ')}`)
    const encoding = req.query.encoding ?? 'utf-8'
    if (!isFileEncoding(encoding)) return refuse(res, 'encoding', `must be one of ${FILE_ENCODINGS.join(', ')}`)
    const dryRun = choice(req.query.dryRun, ['true', 'false'], 'false')
    if (!dryRun) return refuse(res, 'dryRun', 'must be true or false')
    const onConflict = choice(req.query.onConflict, ['update', 'skip'] as const, 'update')
    if (!onConflict) return refuse(res, 'onConflict', 'must be update or skip')
    const moderation = choice<ModerationState>(req.query.moderation, ['approved', 'pending'], 'approved')
    if (!moderation) return refuse(res, 'moderation', 'must be approved or pending')
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    if (!body.length) return sendProblem(res, { status: 400, title: 'No file', detail: 'Send the file as the request body.' })
    const decoded = decodeFile(body, encoding)
    if (!decoded.ok) return sendProblem(res, { status: 415, title: 'Not readable text', detail: decoded.message })
    const report = await importRows(listings, readRows(format, decoded.text), { dryRun: dryRun === 'true', onConflict, moderation })
    res.json(report)
  }))
  return router
}
