/**
 * Import, first part (issue 13): rows of Tejido JSON (the export's own
 * format) become this instance's listings, each row validated by the
 * listing schema and written whole or not at all. A row is matched to an
 * existing listing by its identifier in its format, its slug or its
 * website (import-match.ts; Tejido JSON keeps the slugs it carries);
 * a matched row replaces the listing (`onConflict: 'update'`) or leaves it
 * (`'skip'`); a row equal to the stored listing writes nothing, so the same
 * file imported twice changes nothing, not even `version`. A dry run works
 * every row out the same way and writes nothing, its report the real run's. The report names every
 * row: created, updated, unchanged, skipped, or refused with its row
 * number, field and message — at the end, and row by row as it goes
 * (`onRow`, the streamed report), with progress (`onProgress`).
 *
 * A place given by town and country without coordinates is geocoded
 * offline first (geocode.ts), or the row refused at `location`. Rows are
 * worked out in the file's order; their writes overlap (see
 * WRITES_IN_FLIGHT), each still one listing whole, and a row that concerns
 * a listing an earlier row is still writing waits for that write.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Listing, ModerationState } from '../directory/listing'
import { inputOf, type ListingService } from '../directory/listing-service'
import { validateListing } from '../directory/validate'
import type { DirectoryFailure, FieldError } from '../directory/result'
import { ImportMatcher } from './import-match'
import { createGeocoder, geocodeRow, type Geocoder } from './geocode'
import { progressOf, type ImportProgress } from './import-progress'
import { isRecord } from '../support/is-record'

/**
 * One row of a file: its number as a person counts (1 is the first) and the
 * listing it holds, or why it could not be read. A lossy format names the
 * top-level `fields` it carries: a matched listing keeps its other fields
 * (and gains the row's external ids); without `fields` a row is the whole
 * listing and replaces it.
 */
export type ImportRow = { row: number; data: unknown; fields?: readonly string[] } | { row: number; unreadable: string }

export interface ImportOptions {
  dryRun: boolean
  onConflict: 'update' | 'skip'
  /** The moderation state of listings it creates (operator imports: approved). */
  moderation: ModerationState
}

export interface RowRefusal { row: number; field: string; message: string }

export interface ImportReport {
  dryRun: boolean
  created: string[]
  updated: string[]
  unchanged: string[]
  skipped: string[]
  refused: RowRefusal[]
}

type Outcome = { kind: 'created' | 'updated' | 'unchanged' | 'skipped'; slug: string } | { kind: 'refused'; errors: FieldError[] }

/** What became of one row, as the streamed report (POST /api/import as NDJSON) gives it. */
export type RowOutcome = { row: number; kind: 'created' | 'updated' | 'unchanged' | 'skipped'; slug: string } | { row: number; kind: 'refused'; errors: FieldError[] }

/** What an import run uses besides the rows; every field has a default. */
export interface ImportDeps {
  /** Finds places given by name and country (default: over the process's shared gazetteer). */
  geocoder?: Geocoder
  /** Told each row's outcome as soon as it is known; the import waits for it (a stream's backpressure). */
  onRow?: (outcome: RowOutcome) => void | Promise<void>
  /** Told the progress after every row (the caller throttles what it shows). */
  onProgress?: (progress: ImportProgress) => void
  /** How many rows the file holds, when the caller knows (for the ETA). */
  total?: number
  /** Milliseconds, for rows per second (default Date.now; tests give their own). */
  clock?: () => number
}

/** The merge patch that makes `stored` exactly `wanted`: every field of the row, and null for each field it lacks. */
function replacement(stored: Listing, wanted: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...wanted }
  for (const key of Object.keys(inputOf(stored))) if (!(key in wanted)) patch[key] = null
  return patch
}


/** What the row makes of the stored listing: the row whole, or (lossy formats) the row over the fields it does not carry, external ids merged. */
function wantedOf(stored: Record<string, unknown> | undefined, data: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!stored) return data
  if (!fields) return { ...data, slug: stored.slug }
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => !fields.includes(key) && key !== 'externalIds'))
  // only what the format carries: a value it gives a new listing for want of one (a kind) does not replace the stored one
  const carried = Object.fromEntries(Object.entries(data).filter(([key]) => fields.includes(key)))
  const externalIds = { ...(isRecord(stored.externalIds) ? stored.externalIds : {}), ...(isRecord(data.externalIds) ? data.externalIds : {}) }
  return { ...kept, ...carried, slug: stored.slug, ...(Object.keys(externalIds).length ? { externalIds } : {}) }
}

/** A row worked out: its outcome already, or the one write that makes it (each write is one listing, whole). */
type Plan = Outcome | { slug: string; write: () => Promise<Outcome> }

const refusedWrite = (error: DirectoryFailure): Outcome => ({ kind: 'refused', errors: error.kind === 'invalid' ? error.errors : [{ field: 'slug', message: error.kind === 'conflict' ? error.what : error.kind }] })

/**
 * A dry run's stand-in for a write: what the listing would be is kept for
 * the run's later rows (as a real run's later rows find it stored), and
 * startRow remembers the row's keys as it does for a write, so a dry run
 * reports exactly what the real run would.
 */
function dryWrite(run: Run, kind: 'created' | 'updated', slug: string, wanted: Record<string, unknown>): Plan {
  run.planned.set(slug, wanted)
  return { slug, write: async () => ({ kind, slug }) }
}

/** Works out what a row does to the store, reading but not writing. */
async function planRow(run: Run, row: { data: unknown; fields?: readonly string[] }): Promise<Plan> {
  const { listings, matcher, options } = run
  if (!isRecord(row.data)) return { kind: 'refused', errors: [{ field: '(row)', message: 'a row is one listing, an object of its fields' }] }
  const located = geocodeRow(row.data, run.geocoder)
  if (located.errors.length) return { kind: 'refused', errors: located.errors }
  const read = { data: located.data, fields: row.fields }
  const held = matcher.existing(read.data)
  // A slug no listing here holds is new, unless a deleted listing held it: a real run's create says so itself, a dry run must ask.
  const slugOf = held ?? (options.dryRun && typeof read.data.slug === 'string' ? read.data.slug : undefined)
  if (slugOf) await run.inFlight.get(slugOf) // an earlier row of this file is still writing that listing
  const planned = slugOf ? run.planned.get(slugOf) : undefined // a dry run: an earlier row would have written it
  const found = slugOf && !planned ? await listings.get(slugOf) : undefined
  if (found && !found.ok && found.error.kind === 'gone') return { kind: 'refused', errors: [{ field: 'slug', message: `"${slugOf}" belonged to a deleted listing and cannot be reused; give the row another slug` }] }
  const stored = found?.ok ? found.value : undefined
  const before = planned ?? (stored ? inputOf(stored) : undefined)
  const data = before || typeof read.data.slug === 'string' ? read.data : { ...read.data, slug: await matcher.freshSlug(read.data.name) }
  if (!before && !options.dryRun) {
    // create validates the row itself (by the same schema): once per row is enough
    const slug = String(data.slug)
    return { slug, write: async () => {
      const created = await listings.create(data, options.moderation)
      return created.ok ? { kind: 'created', slug } : refusedWrite(created.error)
    } }
  }
  const checked = validateListing(wantedOf(before, data, read.fields))
  if (!checked.ok) return { kind: 'refused', errors: checked.error }
  const wanted = checked.value as unknown as Record<string, unknown>
  const slug = checked.value.slug
  if (!before) return dryWrite(run, 'created', slug, wanted)
  if (isDeepStrictEqual(wanted, before)) return { kind: 'unchanged', slug }
  if (options.onConflict === 'skip') return { kind: 'skipped', slug }
  if (options.dryRun || !stored) return dryWrite(run, 'updated', slug, wanted) // (only a dry run has a listing before that is not stored)
  return { slug, write: async () => {
    const updated = await listings.update(slug, replacement(stored, wanted), (version) => version === stored.version)
    if (updated.ok) return { kind: updated.value.version === stored.version ? 'unchanged' : 'updated', slug }
    return updated.error.kind === 'invalid' ? refusedWrite(updated.error) : { kind: 'refused', errors: [{ field: 'slug', message: `listing ${slug} changed while it was imported; run the import again` }] }
  } }
}

/** One import run: what every row shares. */
interface Run {
  listings: ListingService
  matcher: ImportMatcher
  geocoder: Geocoder
  options: ImportOptions
  /** The writes under way, by the slug they write. */
  inFlight: Map<string, Promise<Outcome>>
  /** A dry run's listings as its rows would have left them, by slug (a real run's are in the store). */
  planned: Map<string, Record<string, unknown>>
}

/**
 * Rows written at once. Each row is still its own write, whole or not at
 * all; the store commits writes that arrive together in one flush to disk,
 * so a file goes in many times faster than one row per flush.
 */
const WRITES_IN_FLIGHT = 64

/** Starts a row: its outcome, at once or when its write is done; later rows see its keys from now on. */
async function startRow(run: Run, read: ImportRow): Promise<{ outcome: Promise<Outcome> }> {
  if ('unreadable' in read) return { outcome: Promise.resolve({ kind: 'refused', errors: [{ field: '(row)', message: read.unreadable }] }) }
  const plan = await planRow(run, read)
  if (!('write' in plan)) return { outcome: Promise.resolve(plan) }
  const written = plan.write()
  run.inFlight.set(plan.slug, written)
  const keys = read.data as Partial<Listing> // planRow took it as a record
  run.matcher.remember({ slug: plan.slug, externalIds: keys.externalIds, contact: keys.contact })
  void written.finally(() => { if (run.inFlight.get(plan.slug) === written) run.inFlight.delete(plan.slug) }).catch(() => undefined)
  return { outcome: written }
}

/** An empty report, for a run to fill. */
export const emptyReport = (dryRun: boolean): ImportReport => ({ dryRun, created: [], updated: [], unchanged: [], skipped: [], refused: [] })

/** Counts one row's outcome in the report (the one home of how an outcome is reported, streamed or not). */
export function addToReport(report: ImportReport, outcome: RowOutcome): void {
  if (outcome.kind === 'refused') report.refused.push(...outcome.errors.map((e) => ({ row: outcome.row, field: e.field, message: e.message })))
  else report[outcome.kind].push(outcome.slug)
}

/** The counts of a report: the streamed report's last line. */
export interface ImportSummary { dryRun: boolean; rows: number; created: number; updated: number; unchanged: number; skipped: number; refused: number }

export function summaryOf(report: ImportReport): ImportSummary {
  const refused = new Set(report.refused.map((r) => r.row)).size
  const { dryRun, created, updated, unchanged, skipped } = report
  return { dryRun, rows: created.length + updated.length + unchanged.length + skipped.length + refused, created: created.length, updated: updated.length, unchanged: unchanged.length, skipped: skipped.length, refused }
}

/**
 * Imports the rows (each whole or not at all) and reports every one, in
 * the file's order, as it goes and at the end. A store failure (a full
 * disk) ends the run with that error once the writes under way are done;
 * the rows written so far are whole, and running the import again finishes it.
 */
export async function importRows(listings: ListingService, rows: AsyncIterable<ImportRow>, options: ImportOptions, deps: ImportDeps = {}): Promise<ImportReport> {
  const report = emptyReport(options.dryRun)
  const run: Run = { listings, matcher: await ImportMatcher.of(listings), geocoder: deps.geocoder ?? createGeocoder(), options, inFlight: new Map(), planned: new Map() }
  const clock = deps.clock ?? Date.now
  const started = clock()
  const pending: Array<{ row: number; outcome: Promise<Outcome> }> = []
  let done = 0
  const finishOldest = async (): Promise<void> => {
    const { row, outcome } = pending.shift() as { row: number; outcome: Promise<Outcome> }
    const settled: RowOutcome = { row, ...(await outcome) }
    addToReport(report, settled)
    await deps.onRow?.(settled)
    deps.onProgress?.(progressOf(++done, deps.total, clock() - started))
  }
  try {
    for await (const read of rows) {
      pending.push({ row: read.row, ...(await startRow(run, read)) })
      while (pending.length >= WRITES_IN_FLIGHT || (pending.length && !run.inFlight.size)) await finishOldest()
    }
    while (pending.length) await finishOldest()
  } finally {
    await Promise.allSettled(pending.map((p) => p.outcome)) // no write outlives the run
  }
  return report
}
