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
 */
import type { ExternalIdFormat, Listing } from '../directory/listing'
import type { ListingService } from '../directory/listing-service'
import { slugify } from '../directory/registration'
import { websiteKey } from './website-key'

/** Slugs are cut to this length before a number is added, so "-99" still fits the schema's 64. */
const SLUG_BASE = 56
const SLUG_TRIES = 1000

type Keyed = Pick<Listing, 'slug' | 'externalIds' | 'contact'>

const externalKey = (format: string, id: string): string => `${format}\u0000${id}`

export class ImportMatcher {
  private readonly byExternal = new Map<string, string>()
  private readonly byWebsite = new Map<string, string>()
  private readonly slugs = new Set<string>()

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
    for (const [format, id] of Object.entries(listing.externalIds ?? {})) if (id) this.byExternal.set(externalKey(format, id), listing.slug)
    const site = websiteKey(listing.contact?.website)
    if (site && !this.byWebsite.has(site)) this.byWebsite.set(site, listing.slug)
  }

  /** The slug of the listing the row is, if it is one already held. */
  existing(row: Record<string, unknown>): string | undefined {
    const ids = row.externalIds && typeof row.externalIds === 'object' ? (row.externalIds as Partial<Record<ExternalIdFormat, unknown>>) : {}
    for (const [format, id] of Object.entries(ids)) {
      const slug = typeof id === 'string' ? this.byExternal.get(externalKey(format, id)) : undefined
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
