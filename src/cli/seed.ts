/**
 * `npm run seed`: loads the demo listings into the configured store. Safe to
 * run twice (existing slugs are left alone). With the embedded engine, the
 * server must be stopped first: one process owns DATA_DIR at a time.
 */
import type { Config } from '../config/config'
import { openStore } from '../composition/store'
import { DocumentListingStore } from '../storage/document-listing-store'
import { DirectoryEvents } from '../directory/events'
import { ListingService } from '../directory/listing-service'
import { demoListings } from './demo-data'

export interface SeedReport { created: number; existing: number; failed: Array<{ slug: string; reason: string }> }

export async function seed(config: Config, count: number): Promise<SeedReport> {
  const store = await openStore(config)
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const events = new DirectoryEvents(() => undefined)
    const service = new ListingService({ store: listingStore, events, origin: config.publicUrl })
    const report: SeedReport = { created: 0, existing: 0, failed: [] }
    for (const listing of demoListings(count)) {
      const result = await service.create(listing)
      if (result.ok) report.created++
      else if (result.error.kind === 'conflict') report.existing++
      else report.failed.push({ slug: listing.slug, reason: JSON.stringify(result.error) })
    }
    return report
  } finally {
    await store.close()
  }
}
