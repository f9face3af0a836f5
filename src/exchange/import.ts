/**
 * Import, first part (issue 13): rows of Tejido JSON (the export's own
 * format) become this instance's listings, each row validated by the
 * listing schema and written whole or not at all. A row is matched to an
 * existing listing by its identifier in its format, its slug or its
 * website (import-match.ts; Tejido JSON keeps the slugs it carries);
 * a matched row replaces the listing (`onConflict: 'update'`) or leaves it
 * (`'skip'`); a row equal to the stored listing writes nothing, so the same
 * file imported twice changes nothing, not even `version`. A dry run works
 * every row out the same way and writes nothing. The report names every
 * row: created, updated, unchanged, skipped, or refused with its row
 * number, field and message.
 */
import { isDeepStrictEqual } from 'node:util'
import type { Listing, ModerationState } from '../directory/listing'
import { inputOf, type ListingService } from '../directory/listing-service'
import { validateListing } from '../directory/validate'
import type { FieldError } from '../directory/result'
import { ImportMatcher } from './import-match'

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

/** The merge patch that makes `stored` exactly `wanted`: every field of the row, and null for each field it lacks. */
function replacement(stored: Listing, wanted: Record<string, unknown>): Record<string, unknown> {
  const patch: Record<string, unknown> = { ...wanted }
  for (const key of Object.keys(inputOf(stored))) if (!(key in wanted)) patch[key] = null
  return patch
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** What the row makes of the stored listing: the row whole, or (lossy formats) the row over the fields it does not carry, external ids merged. */
function wantedOf(stored: Record<string, unknown> | undefined, data: Record<string, unknown>, fields: readonly string[] | undefined): Record<string, unknown> {
  if (!stored) return data
  if (!fields) return { ...data, slug: stored.slug }
  const kept = Object.fromEntries(Object.entries(stored).filter(([key]) => !fields.includes(key) && key !== 'externalIds'))
  const externalIds = { ...(isRecord(stored.externalIds) ? stored.externalIds : {}), ...(isRecord(data.externalIds) ? data.externalIds : {}) }
  return { ...kept, ...data, slug: stored.slug, ...(Object.keys(externalIds).length ? { externalIds } : {}) }
}

async function importRow(listings: ListingService, matcher: ImportMatcher, read: { data: unknown; fields?: readonly string[] }, options: ImportOptions): Promise<Outcome> {
  if (!isRecord(read.data)) return { kind: 'refused', errors: [{ field: '(row)', message: 'a row is one listing, an object of its fields' }] }
  const matched = matcher.existing(read.data)
  const found = matched ? await listings.get(matched) : typeof read.data.slug === 'string' ? await listings.get(read.data.slug) : undefined
  if (found && !found.ok && found.error.kind === 'gone') return { kind: 'refused', errors: [{ field: 'slug', message: `"${String(read.data.slug)}" belonged to a deleted listing and cannot be reused; give the row another slug` }] }
  const stored = found?.ok ? found.value : undefined
  const data = stored || typeof read.data.slug === 'string' ? read.data : { ...read.data, slug: await matcher.freshSlug(read.data.name) }
  const checked = validateListing(wantedOf(stored ? inputOf(stored) : undefined, data, read.fields))
  if (!checked.ok) return { kind: 'refused', errors: checked.error }
  const wanted = checked.value
  if (!stored) {
    if (options.dryRun) return { kind: 'created', slug: wanted.slug }
    const created = await listings.create(wanted, options.moderation)
    if (created.ok) matcher.remember(created.value)
    return created.ok ? { kind: 'created', slug: wanted.slug } : { kind: 'refused', errors: created.error.kind === 'invalid' ? created.error.errors : [{ field: 'slug', message: created.error.kind === 'conflict' ? created.error.what : created.error.kind }] }
  }
  if (isDeepStrictEqual(wanted, inputOf(stored))) return { kind: 'unchanged', slug: wanted.slug }
  if (options.onConflict === 'skip') return { kind: 'skipped', slug: wanted.slug }
  if (options.dryRun) return { kind: 'updated', slug: wanted.slug }
  const updated = await listings.update(wanted.slug, replacement(stored, wanted as unknown as Record<string, unknown>), (version) => version === stored.version)
  if (updated.ok) matcher.remember(updated.value)
  if (updated.ok) return { kind: updated.value.version === stored.version ? 'unchanged' : 'updated', slug: wanted.slug }
  return { kind: 'refused', errors: updated.error.kind === 'invalid' ? updated.error.errors : [{ field: 'slug', message: `listing ${wanted.slug} changed while it was imported; run the import again` }] }
}

/** Imports the rows one by one (each whole or not at all) and reports every one. */
export async function importRows(listings: ListingService, rows: AsyncIterable<ImportRow>, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { dryRun: options.dryRun, created: [], updated: [], unchanged: [], skipped: [], refused: [] }
  const matcher = await ImportMatcher.of(listings)
  for await (const read of rows) {
    const { row } = read
    if ('unreadable' in read) {
      report.refused.push({ row, field: '(row)', message: read.unreadable })
      continue
    }
    const outcome = await importRow(listings, matcher, read, options)
    if (outcome.kind === 'refused') report.refused.push(...outcome.errors.map((e) => ({ row, field: e.field, message: e.message })))
    else report[outcome.kind].push(outcome.slug)
  }
  return report
}
