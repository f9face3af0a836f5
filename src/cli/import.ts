/**
 * `npm run import -- FILE [--format F] [--encoding E] [--dry-run] [--on-conflict update|skip] [--pending]`:
 * a file in one of the import formats into the store (exchange/import.ts), with the
 * report at the end, and progress on stderr once a second while it runs
 * (rows done, rows per second, and the time left when the number of rows
 * is known). While a server holds the embedded store, through it
 * (POST /api/import with ADMIN_TOKEN, its report streamed), so its search
 * and peers hear of every change as they would of the API's.
 */
import fs from 'node:fs'
import { flagValue } from './args'
import type { Config } from '../config/config'
import { openStore } from '../composition/store'
import { storeRefusal } from '../composition/store-refusal'
import { DocumentListingStore } from '../storage/document-listing-store'
import { DirectoryEvents } from '../directory/events'
import { ListingService } from '../directory/listing-service'
import { addToReport, emptyReport, importRows, type ImportDeps, type ImportOptions, type ImportReport, type RowOutcome } from '../exchange/import'
import { progressOf, progressText, throttledProgress } from '../exchange/import-progress'
import { createGeocoder } from '../exchange/geocode'
import { formatOfFileName, IMPORT_FORMATS, isImportFormat, readRows, type ImportFormat } from '../exchange/import-readers'
import { decodeFile, FILE_ENCODINGS, isFileEncoding, type FileEncoding } from '../exchange/decode'

export interface ImportCommand extends ImportOptions { file: string; format: ImportFormat; encoding: FileEncoding }

/** The command line's options, or what is wrong with it. */
export function importOptions(args: string[]): ImportCommand | string {
  const value = (flag: string): string | undefined => flagValue(args, flag)
  const flagged = new Set(['--format', '--on-conflict', '--encoding'].flatMap((f) => (args.includes(f) ? [args[args.indexOf(f) + 1]] : [])))
  const file = args.find((a) => !a.startsWith('--') && !flagged.has(a))
  if (!file) return 'name the file to import'
  const format = value('--format') ?? formatOfFileName(file) ?? 'json'
  if (!isImportFormat(format)) return `--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${format}"`
  const encoding = value('--encoding') ?? 'utf-8'
  if (!isFileEncoding(encoding)) return `--encoding must be one of ${FILE_ENCODINGS.join(', ')}`
  const onConflict = value('--on-conflict') ?? 'update'
  if (onConflict !== 'update' && onConflict !== 'skip') return '--on-conflict must be update or skip'
  return { file, format, encoding, onConflict, dryRun: args.includes('--dry-run'), moderation: args.includes('--pending') ? 'pending' : 'approved' }
}

/** The report for a person: counts, then each refused row. */
export function reportText(report: ImportReport): string {
  const lines = [`${report.dryRun ? 'Dry run (nothing written): would create' : 'Created'} ${report.created.length}, ${report.dryRun ? 'update' : 'updated'} ${report.updated.length}; ${report.unchanged.length} unchanged, ${report.skipped.length} skipped, ${report.refused.length} refused.`]
  for (const r of report.refused) lines.push(`  row ${r.row}: ${r.field}: ${r.message}`)
  return lines.join('\n')
}

/** Where the command shows its progress, and its clock (tests give their own). */
export interface ImportTerminal {
  progress: (line: string) => void
  clock: () => number
}

const TERMINAL: ImportTerminal = { progress: (line) => process.stderr.write(`${line}\n`), clock: Date.now }

/** Formats with a row a line: JSON Lines, and the CSV formats after their header line (a quoted newline makes the count a little high: the ETA is a bound). */
const LINE_FORMATS: ReadonlyMap<string, number> = new Map([['jsonl', 0], ['csv', 1], ['sea-csv', 1], ['kvm-csv', 1]])

/** Rows of a file whose rows are lines (its non-blank lines, less a header), counted without parsing; other formats' counts are not known ahead. */
export function rowsAhead(format: ImportFormat, text: string): number | undefined {
  const header = LINE_FORMATS.get(format)
  if (header === undefined) return undefined
  let rows = -header
  for (let start = 0; start < text.length;) {
    const next = text.indexOf('\n', start)
    const end = next === -1 ? text.length : next
    if (text.slice(start, end).trim()) rows++
    start = end + 1
  }
  return Math.max(rows, 0)
}

async function intoStore(config: Config, command: ImportCommand, text: string, deps: ImportDeps): Promise<ImportReport> {
  const store = await openStore(config)
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const listings = new ListingService({ store: listingStore, events: new DirectoryEvents(() => undefined), origin: config.publicUrl })
    return await importRows(listings, readRows(command.format, text), command, { ...deps, geocoder: createGeocoder() })
  } finally {
    await store.close()
  }
}

/** The lines of a streamed body, as they arrive. */
async function* linesOf(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder()
  let buffered = ''
  for await (const chunk of body) {
    buffered += decoder.decode(chunk, { stream: true })
    let newline
    while ((newline = buffered.indexOf('\n')) !== -1) {
      yield buffered.slice(0, newline)
      buffered = buffered.slice(newline + 1)
    }
  }
  if (buffered.trim()) yield buffered
}

async function throughServer(config: Config, command: ImportCommand, bytes: Buffer, deps: ImportDeps): Promise<ImportReport | string> {
  const held = `A Tejido server holds ${config.dataDir}, so the import goes through it (${config.publicUrl}).`
  if (!config.adminToken) return `${held}\nSet ADMIN_TOKEN to the token that server was started with, or stop the server.`
  const query = new URLSearchParams({ format: command.format, encoding: command.encoding, dryRun: String(command.dryRun), onConflict: command.onConflict, moderation: command.moderation })
  const res = await fetch(`${config.publicUrl}/api/import?${query.toString()}`, { method: 'POST', headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' }, body: bytes })
  if (!res.ok || !res.body) return `${held}\nIt answered ${res.status}: ${(await res.text()).slice(0, 300)}`
  const report = emptyReport(command.dryRun)
  const clock = deps.clock ?? Date.now
  const started = clock()
  let done = 0
  for await (const line of linesOf(res.body as unknown as AsyncIterable<Uint8Array>)) { // a web ReadableStream is async-iterable in Node 20
    let item: RowOutcome | { summary: unknown } | { error: string }
    try {
      item = JSON.parse(line) as typeof item
    } catch {
      return `${held}\nIt sent a line that is not JSON: ${line.slice(0, 200)}`
    }
    if ('error' in item) return `${held}\n${item.error}`
    if ('summary' in item) return report
    addToReport(report, item)
    deps.onProgress?.(progressOf(++done, deps.total, clock() - started))
  }
  return `${held}\nIts report ended early (the server stopped?); run the import again to finish.`
}

/** The file's text, or why it has none; its bytes are not kept (a file of 100,000 rows is large enough once). */
function fileText(command: ImportCommand): { text: string } | { code: number; text: string } {
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(command.file)
  } catch (e) {
    return { code: 66, text: `Cannot read ${command.file}: ${e instanceof Error ? e.message : String(e)}` } // EX_NOINPUT
  }
  const decoded = decodeFile(bytes, command.encoding)
  return decoded.ok ? { text: decoded.text } : { code: 65, text: `${command.file}: ${decoded.message}` } // EX_DATAERR
}

/** Runs the import: the report's text and the exit code (1 when a row was refused or the file could not be read). */
export async function importFile(config: Config, command: ImportCommand, terminal: ImportTerminal = TERMINAL): Promise<{ code: number; text: string }> {
  const read = fileText(command)
  if ('code' in read) return read
  const { text } = read
  const total = rowsAhead(command.format, text)
  const deps: ImportDeps = { clock: terminal.clock, onProgress: throttledProgress((p) => terminal.progress(progressText(p)), terminal.clock), ...(total === undefined ? {} : { total }) }
  let report: ImportReport | string
  try {
    report = await intoStore(config, command, text, deps)
  } catch (e) {
    if (storeRefusal(e)?.kind !== 'locked') throw e
    report = await throughServer(config, { ...command, encoding: 'utf-8' }, Buffer.from(text, 'utf8'), deps) // the text as read, in UTF-8
  }
  if (typeof report === 'string') return { code: 1, text: report }
  return { code: report.refused.length ? 1 : 0, text: reportText(report) }
}
