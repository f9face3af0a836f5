/**
 * POST /api/import?format=json|jsonl&dryRun=true|false&onConflict=update|skip&moderation=approved|pending
 * (operator token; the file as the body): Tejido JSON or JSON Lines rows
 * imported as this instance's listings (exchange/import.ts), answered with
 * the report of every row. A dry run writes nothing. The file must be UTF-8
 * (with or without BOM): another encoding is refused, saying so.
 */
import express, { Router, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import type { ModerationState } from '../../directory/listing'
import { importRows, tejidoJsonRows } from '../../exchange/import'
import { handle } from '../handle'
import { sendProblem } from '../problem'

/** The formats import reads so far; the others of issue 13 are still to come. */
const IMPORT_FORMATS = ['json', 'jsonl'] as const
type ImportFormat = (typeof IMPORT_FORMATS)[number]
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
    const format = choice<ImportFormat>(req.query.format, IMPORT_FORMATS, 'json')
    if (!format) return refuse(res, 'format', `must be one of ${IMPORT_FORMATS.join(', ')} (the CSV, Murmurations and Karte von Morgen formats are not built yet)`)
    const dryRun = choice(req.query.dryRun, ['true', 'false'], 'false')
    if (!dryRun) return refuse(res, 'dryRun', 'must be true or false')
    const onConflict = choice(req.query.onConflict, ['update', 'skip'] as const, 'update')
    if (!onConflict) return refuse(res, 'onConflict', 'must be update or skip')
    const moderation = choice<ModerationState>(req.query.moderation, ['approved', 'pending'], 'approved')
    if (!moderation) return refuse(res, 'moderation', 'must be approved or pending')
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0)
    if (!body.length) return sendProblem(res, { status: 400, title: 'No file', detail: 'Send the file as the request body.' })
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body)
    } catch {
      return sendProblem(res, { status: 415, title: 'Not UTF-8', detail: 'The file is not UTF-8 text. Save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and send it again.' })
    }
    const report = await importRows(listings, tejidoJsonRows(text, format), { dryRun: dryRun === 'true', onConflict, moderation })
    res.json(report)
  }))
  return router
}
