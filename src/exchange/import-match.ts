/**
 * Which existing listing an import row is (issue 13): by the row's
 * identifier in its own format (kept on the listing as `externalIds`), then
 * by slug, then — for rows that carry no slug — by normalised website
 * (a Tejido row keeps its slug, so another listing's website cannot claim
 * it); a row that matches none is new and,
 * when its format carries no slug, gets one from its name that no listing,
 * deleted listing or earlier row holds. The index is built once from the
 * instance's own listings and kept current as rows are written, so a file
 * with the same co-op twice matches its first row.
 *
 * A lossy row with neither an identifier of its format nor a website is
 * given an identifier derived from the cells that name it (rowId), so the
 * same file imported twice matches it. A SEA export names a listing that has
 * no SEA identifier by its slug, so a SEA Identifier that is the slug of
 * such a listing here is that listing.
 */
import { createHash } from 'node:crypto'
import type { ExternalIdFormat, Listing } from '../directory/listing'
import type { ListingService } from '../directory/listing-service'
import { slugify } from '../directory/registration'
import { websiteKey } from './website-key'

/** Slugs are cut to this length before a number is added, so "-99" still fits the schema's 64. */
const SLUG_BASE = 56
const SLUG_TRIES = 1000

type Keyed = Pick<Listing, 'slug' | 'externalIds' | 'contact'>

const externalKey = (format: string, id: string): string => `${format}\u0000${id}`

/** Formats whose export writes a listing's slug as its identifier when it has none of that format (sea-csv.ts: Identifier). */
const SLUG_AS_ID: ReadonlySet<string> = new Set(['sea-csv'])

/** What marks an identifier Tejido derived, not one the file gave. */
export const DERIVED_ID_PREFIX = 'tejido-derived:'

/**
 * A stable identifier for a row whose format gives it none: a hash of the
 * cells that name it (name and place), compared without case or extra
 * spaces. The same row in the same file gives the same identifier; a row
 * whose name or place changed is another co-op to the import.
 */
export function derivedId(cells: ReadonlyArray<string | number | undefined>): string {
  const text = cells.map((c) => (c === undefined ? '' : String(c).normalize('NFC').trim().toLowerCase().split(/\s+/).join(' '))).join('\u0000')
  return DERIVED_ID_PREFIX + createHash('sha256').update(text).digest('hex').slice(0, 24)
}

/**
 * A lossy row's identifier in its format: the one it gives; else, when it
 * has no website to be matched by either, one derived from `naming` (its
 * name and place); else none (its website matches it, and a listing it
 * matches keeps the identifiers it has).
 */
export function rowId(given: string | undefined, website: unknown, naming: ReadonlyArray<string | number | undefined>): string | undefined {
  if (given) return given
  return websiteKey(website) ? undefined : derivedId(naming)
}

export class ImportMatcher {
  private readonly byExternal = new Map<string, string>()
  private readonly byWebsite = new Map<string, string>()
  private readonly slugs = new Set<string>()
  /** The formats each listing has an identifier of, by slug (a SEA Identifier that is a slug names a listing without a SEA one). */
  private readonly idFormats = new Map<string, Set<string>>()

  private constructor(private readonly listings: Pick<ListingService, 'get'>) {}

  /** The matcher over every listing of this instance, streamed from the store. */
  static async of(listings: Pick<ListingService, 'get' | 'all' | 'origin'>): Promise<ImportMatcher> {
    const matcher = new ImportMatcher(listings)
    for await (const listing of listings.all({ origin: listings.origin })) matcher.remember(listing)
    return matcher
  }

  /** Keeps a listing's keys, so later rows find it. */
  remember(listing: Keyed): void {
    this.slugs.add(listing.slug)
    const formats = this.idFormats.get(listing.slug) ?? new Set<string>()
    this.idFormats.set(listing.slug, formats)
    for (const [format, id] of Object.entries(listing.externalIds ?? {})) {
      if (!id) continue
      this.byExternal.set(externalKey(format, id), listing.slug)
      formats.add(format)
    }
    const site = websiteKey(listing.contact?.website)
    if (site && !this.byWebsite.has(site)) this.byWebsite.set(site, listing.slug)
  }

  /** The slug of the listing the row is, if it is one already held. */
  existing(row: Record<string, unknown>): string | undefined {
    const ids = row.externalIds && typeof row.externalIds === 'object' ? (row.externalIds as Partial<Record<ExternalIdFormat, unknown>>) : {}
    for (const [format, id] of Object.entries(ids)) {
      if (typeof id !== 'string') continue
      const slug = this.byExternal.get(externalKey(format, id)) ?? (SLUG_AS_ID.has(format) && this.idFormats.get(id)?.has(format) === false ? id : undefined)
      if (slug) return slug
    }
    if (typeof row.slug === 'string') return this.slugs.has(row.slug) ? row.slug : undefined // a row's own slug is its identity
    const contact = row.contact && typeof row.contact === 'object' ? (row.contact as Record<string, unknown>) : {}
    const site = websiteKey(contact.website)
    return site ? this.byWebsite.get(site) : undefined
  }

  /** A slug from the row's name that no listing, deleted listing or earlier row of this import holds. */
  async freshSlug(name: unknown): Promise<string> {
    const base = slugify(typeof name === 'string' ? name : '').slice(0, SLUG_BASE).replace(/-$/, '')
    for (let n = 1; n <= SLUG_TRIES; n++) {
      const slug = n === 1 ? base : `${base}-${n}`
      if (this.slugs.has(slug)) continue
      const held = await this.listings.get(slug)
      if (!held.ok && held.error.kind === 'not-found') {
        this.slugs.add(slug)
        return slug
      }
      this.slugs.add(slug) // held or deleted: never offered again in this run
    }
    throw new Error(`no free slug for "${base}" after ${SLUG_TRIES} tries`)
  }
}
