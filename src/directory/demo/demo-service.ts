/**
 * Demo data as a use case: load the fictional listings (marked `example`)
 * and remove them all again, through the ListingService, so they are
 * validated, indexed and federated (Create, then Delete) like any listing.
 * Used by `POST/DELETE /api/demo`, the operator pages and `npm run seed`.
 */
import type { ListingService } from '../listing-service'
import type { Listing, ListingInput } from '../listing'
import { demoListings } from './demo-data'

/** What loading did: created, already there (slug taken: left as it is), refused (with why). */
export interface DemoLoadReport { created: number; existing: number; failed: Array<{ slug: string; reason: string }> }

/** Loading more than this in one call is the CLI's job (it writes to the store directly when it can). */
export const MAX_DEMO_COUNT = 1000
export const DEFAULT_DEMO_COUNT = 320

/**
 * The slugs a demo listing may take, in order: its own, then (once removed
 * demo data left a tombstone on it, which keeps a deleted actor's id from
 * being reused) `-again-2`, `-again-3`... Deterministic, so loading stays idempotent.
 */
function slugsFor(slug: string): string[] {
  return [slug, ...Array.from({ length: 20 }, (_, n) => `${slug.slice(0, 50)}-again-${n + 2}`)]
}

/** Creates one demo listing under the first of its slugs that is free; 'existing' if one is already there. */
async function createOne(service: ListingService, listing: ListingInput): Promise<'created' | 'existing' | string> {
  for (const slug of slugsFor(listing.slug)) {
    const result = await service.create({ ...listing, slug })
    if (result.ok) return 'created'
    if (result.error.kind !== 'conflict') return JSON.stringify(result.error)
    const current = await service.get(slug)
    if (current.ok) return 'existing'
    if (current.error.kind !== 'gone') return JSON.stringify(current.error)
  }
  return 'every slug it may take belonged to deleted demo listings'
}

export async function loadDemo(service: ListingService, count: number): Promise<DemoLoadReport> {
  const report: DemoLoadReport = { created: 0, existing: 0, failed: [] }
  for (const listing of demoListings(count)) {
    const outcome = await createOne(service, listing)
    if (outcome === 'created') report.created++
    else if (outcome === 'existing') report.existing++
    else report.failed.push({ slug: listing.slug, reason: outcome })
  }
  return report
}

const PAGE = 100

/** Every local listing marked as an example (read in full before any is deleted, so paging does not skip). */
async function localExamples(service: ListingService, origin: string): Promise<Listing[]> {
  const found: Listing[] = []
  for (let page = 1; ; page++) {
    const { items, total } = await service.list({ origin, page, perPage: PAGE })
    found.push(...items.filter((l) => l.example === true))
    if (page * PAGE >= total || items.length === 0) return found
  }
}

/** Deletes every local example listing (a published one leaves a tombstone and federates as Delete); answers how many went. */
export async function removeDemo(service: ListingService, origin: string): Promise<{ removed: number }> {
  let removed = 0
  for (const listing of await localExamples(service, origin)) {
    const result = await service.delete(listing.slug)
    if (result.ok) removed++
  }
  return { removed }
}
