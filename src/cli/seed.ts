/**
 * `npm run seed`: loads the demo listings into the configured store. Safe to
 * run twice (existing slugs are left alone). With the embedded engine, one
 * process owns DATA_DIR at a time: while a server holds it, the CLI asks that
 * server instead (seed-remote.ts).
 */
import type { Config } from '../config/config'
import { openStore } from '../composition/store'
import { DocumentListingStore } from '../storage/document-listing-store'
import { DirectoryEvents } from '../directory/events'
import { ListingService } from '../directory/listing-service'
import { loadDemo, type DemoLoadReport } from '../directory/demo/demo-service'

export type SeedReport = DemoLoadReport

export async function seed(config: Config, count: number): Promise<SeedReport> {
  const store = await openStore(config)
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const events = new DirectoryEvents(() => undefined)
    const service = new ListingService({ store: listingStore, events, origin: config.publicUrl })
    return await loadDemo(service, count)
  } finally {
    await store.close()
  }
}
