/**
 * Import, first part (issue 13): rows of Tejido JSON (the export's own
 * format) become this instance's listings, each row validated by the
 * listing schema and written whole or not at all. A row is matched to an
 * existing listing by its slug (Tejido JSON keeps the slugs it carries);
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

/** One row of a file: its number as a person counts (1 is the first) and what it holds, or why it could not be read. */
export type ImportRow = { row: number; data: unknown } | { row: number; unreadable: string }

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

async function importRow(listings: ListingService, data: unknown, options: ImportOptions): Promise<Outcome> {
  const checked = validateListing(data)
  if (!checked.ok) return { kind: 'refused', errors: checked.error }
  const wanted = checked.value
  const found = await listings.get(wanted.slug)
  if (!found.ok && found.error.kind === 'gone') return { kind: 'refused', errors: [{ field: 'slug', message: `"${wanted.slug}" belonged to a deleted listing and cannot be reused; give the row another slug` }] }
  if (!found.ok) {
    if (options.dryRun) return { kind: 'created', slug: wanted.slug }
    const created = await listings.create(wanted, options.moderation)
    return created.ok ? { kind: 'created', slug: wanted.slug } : { kind: 'refused', errors: created.error.kind === 'invalid' ? created.error.errors : [{ field: 'slug', message: created.error.kind === 'conflict' ? created.error.what : created.error.kind }] }
  }
  const stored = found.value
  if (isDeepStrictEqual(wanted, inputOf(stored))) return { kind: 'unchanged', slug: wanted.slug }
  if (options.onConflict === 'skip') return { kind: 'skipped', slug: wanted.slug }
  if (options.dryRun) return { kind: 'updated', slug: wanted.slug }
  const updated = await listings.update(wanted.slug, replacement(stored, wanted as unknown as Record<string, unknown>), (version) => version === stored.version)
  if (updated.ok) return { kind: updated.value.version === stored.version ? 'unchanged' : 'updated', slug: wanted.slug }
  return { kind: 'refused', errors: updated.error.kind === 'invalid' ? updated.error.errors : [{ field: 'slug', message: `listing ${wanted.slug} changed while it was imported; run the import again` }] }
}

/** Imports the rows one by one (each whole or not at all) and reports every one. */
export async function importRows(listings: ListingService, rows: AsyncIterable<ImportRow>, options: ImportOptions): Promise<ImportReport> {
  const report: ImportReport = { dryRun: options.dryRun, created: [], updated: [], unchanged: [], skipped: [], refused: [] }
  for await (const read of rows) {
    const { row } = read
    if ('unreadable' in read) {
      report.refused.push({ row, field: '(row)', message: read.unreadable })
      continue
    }
    const outcome = await importRow(listings, read.data, options)
    if (outcome.kind === 'refused') report.refused.push(...outcome.errors.map((e) => ({ row, field: e.field, message: e.message })))
    else report[outcome.kind].push(outcome.slug)
  }
  return report
}
