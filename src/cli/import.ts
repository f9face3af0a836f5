/**
 * `npm run import -- FILE [--format F] [--encoding E] [--dry-run] [--on-conflict update|skip] [--pending]`:
 * a file in one of the import formats into the store (exchange/import.ts), with the
 * report at the end, and progress on stderr once a second while it runs
 * (rows done, rows per second, and the time left when the number of rows
 * is known). Whenever a Tejido server answers at PUBLIC_URL and ADMIN_TOKEN
 * is set, through it (POST /api/import, its report streamed), so its
 * search, its peers and the Murmurations index hear of every change as
 * they would of the API's, whatever the store (embedded or MongoDB). Else
 * into the store directly, saying what that leaves out (DIRECT_NOTICE);
 * a store a server holds (locked) without a way through it is refused.
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
  /** Where a notice goes (default stderr): what an import written directly into the store leaves out. */
  notice?: (line: string) => void
}

const toStderr = (line: string): void => void process.stderr.write(`${line}\n`)
const TERMINAL: ImportTerminal = { progress: toStderr, clock: Date.now, notice: toStderr }

/** How long the command waits for a server at PUBLIC_URL to answer before it writes into the store itself. */
const PROBE_MS = 3000

/** Whether a Tejido server answers at PUBLIC_URL (its liveness, GET /healthz). */
async function serverAnswers(publicUrl: string): Promise<boolean> {
  try {
    return (await fetch(`${publicUrl}/healthz`, { signal: AbortSignal.timeout(PROBE_MS) })).ok
  } catch {
    return false // nothing listens there, or not in time
  }
}

/** Said after an import written into the store directly: nothing heard of it but the store. */
export const DIRECT_NOTICE = [
  'Written directly into the store: no Tejido server answered at PUBLIC_URL with ADMIN_TOKEN set.',
  'Peers and the Murmurations index are not told of these listings, and a server running on this store does not show them',
  'in search until it is restarted (with Meilisearch: run `npm run reindex`). To import so they federate like any listing,',
  'start the server and run the import again with its PUBLIC_URL and ADMIN_TOKEN.'
].join('\n')

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

/** Why a store a server holds cannot be imported into: no token, or the server does not answer at PUBLIC_URL. */
function lockedText(config: Config): string {
  const held = `A Tejido server holds ${config.dataDir}, so the import must go through it.`
  if (!config.adminToken) return `${held}\nSet ADMIN_TOKEN to the token that server was started with, or stop the server.`
  return `${held}\nIt does not answer at PUBLIC_URL (${config.publicUrl}): set PUBLIC_URL (or PORT) to where it listens, or stop the server.`
}

async function throughServer(config: Config, command: ImportCommand, bytes: Buffer, deps: ImportDeps): Promise<ImportReport | string> {
  const held = `A Tejido server answers at ${config.publicUrl}, so the import goes through it.`
  const query = new URLSearchParams({ format: command.format, encoding: command.encoding, dryRun: String(command.dryRun), onConflict: command.onConflict, moderation: command.moderation })
  let res: Response
  try {
    res = await fetch(`${config.publicUrl}/api/import?${query.toString()}`, { method: 'POST', headers: { authorization: `Bearer ${config.adminToken ?? ''}`, 'content-type': 'application/octet-stream', accept: 'application/x-ndjson' }, body: bytes })
  } catch (e) {
    return `${held}\nIt could not be reached: ${e instanceof Error ? e.message : String(e)}; run the import again.`
  }
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
  if (config.adminToken && (await serverAnswers(config.publicUrl))) {
    report = await throughServer(config, { ...command, encoding: 'utf-8' }, Buffer.from(text, 'utf8'), deps) // the text as read, in UTF-8
  } else {
    try {
      report = await intoStore(config, command, text, deps)
    } catch (e) {
      if (storeRefusal(e)?.kind !== 'locked') throw e
      report = lockedText(config)
    }
    if (typeof report !== 'string' && !report.dryRun && report.created.length + report.updated.length) (terminal.notice ?? toStderr)(DIRECT_NOTICE)
  }
  if (typeof report === 'string') return { code: 1, text: report }
  return { code: report.refused.length ? 1 : 0, text: reportText(report) }
}
