/**
 * Keeps the search index in step with the store: rebuilt from it at start
 * (or `reindex`), then fed by domain events — local and mirrored listings
 * alike. Only published listings are searchable. The embedded engine applies
 * a change before the event returns, so an API write is searchable when its
 * response is sent.
 *
 * An index that lives in memory (see `SearchIndex.persist`) is saved at
 * shutdown and loaded at start instead: several times faster than indexing
 * every listing again. The store stays the truth: after loading, each
 * listing's stamp is compared with the store's, and whatever changed while
 * the server was down (a seed, a crash before the save) is indexed again.
 */
import type { Logger } from 'pino'
import type { ListingStore } from '../directory/listing-store'
import type { DirectoryEvents } from '../directory/events'
import { isPublished, type Listing } from '../directory/listing'
import { isPersistent, listingStamp, type SearchIndex } from './search-index'
import { readSnapshot, writeSnapshot } from './snapshot-file'

/** What loading a saved index did: listings indexed after it, and those indexed again or removed to catch up with the store. */
export interface SnapshotLoad { indexed: number; caughtUp: number; removed: number }

export class SearchIndexer {
  constructor(private readonly index: SearchIndex, private readonly store: Pick<ListingStore, 'all' | 'stamps' | 'byId'>, private readonly logger: Logger) {}

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

  /** Loads the index saved in `file` and catches it up with the store; null when the engine keeps its own, or there is no usable snapshot. */
  async load(file: string): Promise<SnapshotLoad | null> {
    if (!isPersistent(this.index)) return null
    const bytes = await readSnapshot(file)
    if (!bytes || !this.index.restore(bytes)) return null
    return this.catchUp(this.index.stamps())
  }

  /** Saves the index in `file`, when it is one that lives in memory. */
  async save(file: string): Promise<void> {
    if (isPersistent(this.index)) await writeSnapshot(file, this.index.persist())
  }

  /** Indexes again what changed since `indexed` (id → stamp), and removes what is gone or no longer published. */
  private async catchUp(indexed: Map<string, string>): Promise<SnapshotLoad> {
    let caughtUp = 0
    let removed = 0
    for (const s of await this.store.stamps()) {
      const have = indexed.get(s.id)
      indexed.delete(s.id)
      if (!isPublished(s)) {
        if (have !== undefined) {
          await this.index.remove(s.id)
          removed++
        }
        continue
      }
      if (have === listingStamp(s)) continue
      const listing = await this.store.byId(s.id)
      if (listing) await this.index.upsert(listing)
      caughtUp++
    }
    for (const id of indexed.keys()) {
      await this.index.remove(id) // gone from the store
      removed++
    }
    return { indexed: await this.index.count(), caughtUp, removed }
  }

  subscribe(events: DirectoryEvents): void {
    const apply = (listing: Listing) => (isPublished(listing) ? this.index.upsert(listing) : this.index.remove(listing.id))
    const guard = (work: Promise<void>, id: string) => work.catch((e: unknown) => this.logger.error({ err: e, id }, 'search index update failed'))
    events.on('listing.created', ({ listing }) => guard(apply(listing), listing.id))
    events.on('listing.updated', ({ listing }) => guard(apply(listing), listing.id))
    events.on('listing.deleted', ({ listing }) => guard(this.index.remove(listing.id), listing.id))
  }
}
