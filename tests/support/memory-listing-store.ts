/**
 * A ListingStore in memory, for unit tests of the directory's use cases
 * without an engine. Values are copied in and out, as a real store's are.
 */
import type { Listing, ModerationState } from '../../src/directory/listing'
import type { ChangeQuery, DirectoryChange, ListingPage, ListingQuery, ListingStamp, ListingStore, Tombstone } from '../../src/directory/listing-store'

/** A deep copy made in this realm (structuredClone's objects come from Node's own, which isDeepStrictEqual tells apart under Jest). */
function copy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (Array.isArray(value)) return value.map(copy) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)])) as T
  return value
}

/** The stores' order: newest change first, ties by id ascending (negative when `a` comes first). */
function changeOrder(a: { at: Date; id: string }, b: { at: Date; id: string }): number {
  return b.at.getTime() - a.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}
const newestFirst = (a: Listing, b: Listing) => changeOrder({ at: a.updated, id: a.id }, { at: b.updated, id: b.id })

export class MemoryListingStore implements ListingStore {
  readonly listings = new Map<string, Listing>()
  readonly tombstones = new Map<string, Tombstone>()

  async init(): Promise<void> {}
  async ping(): Promise<void> {}

  async byId(id: string): Promise<Listing | null> {
    const found = this.listings.get(id)
    return found ? copy(found) : null
  }

  async bySlug(origin: string, slug: string): Promise<Listing | null> {
    const found = [...this.listings.values()].find((l) => l.origin === origin && l.slug === slug)
    return found ? copy(found) : null
  }

  async insert(listing: Listing): Promise<boolean> {
    if (this.listings.has(listing.id) || (await this.bySlug(listing.origin, listing.slug))) return false
    this.listings.set(listing.id, copy(listing))
    this.tombstones.delete(listing.id) // a listing that comes back is no longer a tombstone
    return true
  }

  async replace(listing: Listing, expectedVersion: number): Promise<boolean> {
    if (this.listings.get(listing.id)?.version !== expectedVersion) return false
    this.listings.set(listing.id, copy(listing))
    return true
  }

  async remove(id: string, deleted: Date, expectedVersion?: number): Promise<Listing | null> {
    const found = this.listings.get(id)
    if (!found || (expectedVersion !== undefined && found.version !== expectedVersion)) return null
    this.listings.delete(id)
    this.tombstones.set(id, { id, slug: found.slug, origin: found.origin, deleted })
    return copy(found)
  }

  async discard(id: string, expectedVersion: number): Promise<Listing | null> {
    const found = this.listings.get(id)
    if (!found || found.version !== expectedVersion) return null
    this.listings.delete(id)
    return copy(found)
  }

  async tombstone(id: string): Promise<Tombstone | null> {
    return this.tombstones.get(id) ?? null
  }

  private matching(filter: { origin?: string; moderation?: ModerationState }): Listing[] {
    return [...this.listings.values()].filter((l) => (!filter.origin || l.origin === filter.origin) && (!filter.moderation || l.moderation === filter.moderation))
  }

  async list(query: ListingQuery): Promise<ListingPage> {
    const all = this.matching(query).sort(newestFirst)
    const items = all.slice((query.page - 1) * query.perPage, query.page * query.perPage).map(copy)
    return { items, total: all.length, page: query.page, perPage: query.perPage }
  }

  async count(filter: { origin?: string; moderation?: ModerationState }): Promise<number> {
    return this.matching(filter).length
  }

  async *all(filter: { origin?: string; moderation?: ModerationState } = {}): AsyncIterable<Listing> {
    for (const l of this.matching(filter)) yield copy(l)
  }

  async stamps(): Promise<ListingStamp[]> {
    return [...this.listings.values()].map((l) => ({ id: l.id, version: l.version, updated: l.updated, moderation: l.moderation, provenance: { lastVerified: l.provenance.lastVerified } }))
  }

  async idsOf(origin: string): Promise<string[]> {
    return this.matching({ origin }).map((l) => l.id)
  }

  async changes(query: ChangeQuery): Promise<DirectoryChange[]> {
    const all: DirectoryChange[] = [
      ...this.matching({ origin: query.origin }).map((l): DirectoryChange => ({ kind: 'listing', at: l.updated, id: l.id, listing: copy(l) })),
      ...[...this.tombstones.values()].filter((t) => t.origin === query.origin).map((t): DirectoryChange => ({ kind: 'tombstone', at: t.deleted, id: t.id, tombstone: t }))
    ]
    return all
      .filter((c) => (!query.since || c.at > query.since) && (!query.before || changeOrder(c, query.before) > 0))
      .sort(changeOrder)
      .slice(0, query.limit)
  }

  async countTombstones(origin: string): Promise<number> {
    return [...this.tombstones.values()].filter((t) => t.origin === origin).length
  }
}
