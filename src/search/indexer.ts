/**
 * Keeps the search index in step with the store: rebuilt from it at start
 * (or `reindex`), then fed by domain events — local and mirrored listings
 * alike. Only published listings are searchable. The embedded engine applies
 * a change before the event returns, so an API write is searchable when its
 * response is sent.
 */
import type { Logger } from 'pino'
import type { ListingStore } from '../directory/listing-store'
import type { DirectoryEvents } from '../directory/events'
import { isPublished, type Listing } from '../directory/listing'
import type { SearchIndex } from './search-index'

export class SearchIndexer {
  constructor(private readonly index: SearchIndex, private readonly store: ListingStore, private readonly logger: Logger) {}

  async rebuild(): Promise<number> {
    await this.index.clear()
    let n = 0
    for await (const listing of this.store.all()) {
      if (isPublished(listing)) {
        await this.index.upsert(listing)
        n++
      }
    }
    return n
  }

  subscribe(events: DirectoryEvents): void {
    const apply = (listing: Listing) => (isPublished(listing) ? this.index.upsert(listing) : this.index.remove(listing.id))
    const guard = (work: Promise<void>, id: string) => work.catch((e: unknown) => this.logger.error({ err: e, id }, 'search index update failed'))
    events.on('listing.created', ({ listing }) => guard(apply(listing), listing.id))
    events.on('listing.updated', ({ listing }) => guard(apply(listing), listing.id))
    events.on('listing.deleted', ({ listing }) => guard(this.index.remove(listing.id), listing.id))
  }
}
