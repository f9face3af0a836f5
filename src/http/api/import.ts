/**
 * POST /api/import?format=F&encoding=E&dryRun=true|false&onConflict=update|skip&moderation=approved|pending
 * (operator token; the file as the body): the rows of a file in one of the
 * import formats (exchange/import-readers.ts) imported as this instance's listings (exchange/import.ts), answered with
 * the report of every row. A dry run writes nothing. The file must be UTF-8
 * (with or without BOM) unless `encoding` declares another; otherwise it
 * is refused (415), saying so.
 *
 * With `Accept: application/x-ndjson` the report is streamed as the rows
 * are worked out: one line per row (`{"row":3,"kind":"created","slug":…}`
 * or `{"row":4,"kind":"refused","errors":[{"field","message"}]}`), in the
 * file's order, then `{"summary":{…counts}}`; a failure after the first
 * line (a full disk) ends the stream with `{"error":"…"}` instead.
 */
import { writeChunk } from '../stream-out'
import express, { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import type { ModerationState } from '../../directory/listing'
import { importRows, summaryOf, type ImportDeps, type ImportOptions, type ImportRow, type RowOutcome } from '../../exchange/import'
import type { Geocoder } from '../../exchange/geocode'
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

const NDJSON = 'application/x-ndjson'

/** Whether the client asked for the streamed report (and not the default JSON). */
const wantsStream = (req: Request): boolean => req.accepts(['application/json', NDJSON]) === NDJSON

/** Writes a line, waiting while the client is slower than the import (unless it has gone: the import goes on, each row whole). */
async function writeLine(res: Response, value: unknown): Promise<void> {
  await writeChunk(res, `${JSON.stringify(value)}\n`)
}

/** The streamed report: a line per row, then the summary (or the error that ended the run). */
async function streamReport(res: Response, listings: ListingService, rows: AsyncIterable<ImportRow>, options: ImportOptions, deps: ImportDeps): Promise<void> {
  res.status(200).type(NDJSON).set('Cache-Control', 'no-store')
  res.flushHeaders()
  try {
    const report = await importRows(listings, rows, options, { ...deps, onRow: (outcome: RowOutcome) => writeLine(res, outcome) })
    await writeLine(res, { summary: summaryOf(report) })
  } catch (e) {
    await writeLine(res, { error: `the import stopped: ${e instanceof Error ? e.message : String(e)}; the rows before were written whole, run it again to finish` })
  }
  res.end()
}

export function importRoutes(listings: ListingService, geocoder?: Geocoder): Router {
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
    const options = { dryRun: dryRun === 'true', onConflict, moderation }
    const deps = geocoder ? { geocoder } : {}
    if (wantsStream(req)) return streamReport(res, listings, readRows(format, decoded.text), options, deps)
    res.json(await importRows(listings, readRows(format, decoded.text), options, deps))
  }))
  return router
}
