/**
 * ListingStore over the MongoDB driver API. The same code runs on MongoDB
 * (MONGODB_URL) and on the embedded engine, which implements the driver calls
 * used here with MongoDB's semantics.
 */
import { insertUnlessTaken, type DocumentDb, type DocumentCollection, type FindOptions } from './document-db'
import type { Listing, ModerationState } from '../directory/listing'
import type { ListingStore, ListingQuery, ListingPage, Tombstone, DirectoryChange, ListingStamp, ChangeQuery, ListingFilter } from '../directory/listing-store'

const NO_ID: FindOptions = { projection: { _id: 0 } }

export class DocumentListingStore implements ListingStore {
  private readonly listings: DocumentCollection<Listing>
  private readonly tombstones: DocumentCollection<Tombstone>

  constructor(private readonly db: DocumentDb) {
    this.listings = db.collection<Listing>('listings')
    this.tombstones = db.collection<Tombstone>('tombstones')
  }

  async init(): Promise<void> {
    await this.listings.createIndex({ id: 1 }, { unique: true, name: 'listing-id' })
    await this.listings.createIndex({ origin: 1, slug: 1 }, { unique: true, name: 'origin-slug' })
    await this.listings.createIndex({ origin: 1, updated: -1 }, { name: 'origin-updated' })
    await this.tombstones.createIndex({ id: 1 }, { unique: true, name: 'tombstone-id' })
    await this.tombstones.createIndex({ origin: 1, deleted: -1 }, { name: 'tombstone-origin-deleted' })
  }

  byId(id: string): Promise<Listing | null> {
    return this.listings.findOne({ id }, NO_ID)
  }

  bySlug(origin: string, slug: string): Promise<Listing | null> {
    return this.listings.findOne({ origin, slug }, NO_ID)
  }

  async insert(listing: Listing): Promise<boolean> {
    if (!(await insertUnlessTaken(this.listings, { ...listing }))) return false
    // A listing that comes back (a mirror re-created at its origin) is no longer a tombstone.
    if (await this.tombstones.findOne({ id: listing.id }, { projection: { _id: 1 } })) await this.tombstones.deleteOne({ id: listing.id })
    return true
  }

  async replace(listing: Listing, expectedVersion: number): Promise<boolean> {
    const result = await this.listings.replaceOne({ id: listing.id, version: expectedVersion }, { ...listing })
    return result.matchedCount === 1
  }

  async remove(id: string, deleted: Date, expectedVersion?: number): Promise<Listing | null> {
    // The version is part of the filter, so the check and the delete are one atomic step.
    const result = await this.listings.findOneAndDelete(expectedVersion === undefined ? { id } : { id, version: expectedVersion }, NO_ID)
    const removed = result.value
    if (removed) {
      await this.tombstones.replaceOne({ id }, { id, slug: removed.slug, origin: removed.origin, deleted }, { upsert: true })
    }
    return removed
  }

  async discard(id: string, expectedVersion: number): Promise<Listing | null> {
    return (await this.listings.findOneAndDelete({ id, version: expectedVersion }, NO_ID)).value
  }

  tombstone(id: string): Promise<Tombstone | null> {
    return this.tombstones.findOne({ id }, NO_ID)
  }

  async list({ origin, moderation, page, perPage }: ListingQuery): Promise<ListingPage> {
    const filter = { ...(origin ? { origin } : {}), ...(moderation ? { moderation } : {}) }
    const [items, total] = await Promise.all([
      this.listings.find(filter, NO_ID).sort({ updated: -1, id: 1 }).skip((page - 1) * perPage).limit(perPage).toArray(),
      this.listings.countDocuments(filter)
    ])
    return { items, total, page, perPage }
  }

  count(filter: { origin?: string; moderation?: ModerationState }): Promise<number> {
    return this.listings.countDocuments(filter)
  }

  async changes({ origin, since, before, limit }: ChangeQuery): Promise<DirectoryChange[]> {
    const window = (field: 'updated' | 'deleted') => {
      const range: Record<string, unknown>[] = []
      if (since) range.push({ [field]: { $gt: since } })
      if (before) range.push({ $or: [{ [field]: { $lt: before.at } }, { [field]: before.at, id: { $gt: before.id } }] })
      return range.length ? { origin, $and: range } : { origin }
    }
    const [listings, tombstones] = await Promise.all([
      this.listings.find(window('updated'), NO_ID).sort({ updated: -1, id: 1 }).limit(limit).toArray(),
      this.tombstones.find(window('deleted'), NO_ID).sort({ deleted: -1, id: 1 }).limit(limit).toArray()
    ])
    const merged: DirectoryChange[] = [
      ...listings.map((listing) => ({ kind: 'listing' as const, at: listing.updated, id: listing.id, listing })),
      ...tombstones.map((tombstone) => ({ kind: 'tombstone' as const, at: tombstone.deleted, id: tombstone.id, tombstone }))
    ]
    merged.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    return merged.slice(0, limit)
  }

  async *all(filter: ListingFilter = {}): AsyncIterable<Listing> {
    const query = { ...(filter.origin ? { origin: filter.origin } : {}), ...(filter.moderation ? { moderation: filter.moderation } : {}) }
    for await (const listing of this.listings.find(query, NO_ID)) yield listing
  }

  async stamps(): Promise<ListingStamp[]> {
    // The listings collection read through its projection: each document is a ListingStamp.
    const asStamps = this.db.collection<ListingStamp>('listings')
    return asStamps.find({}, { projection: { _id: 0, id: 1, version: 1, updated: 1, moderation: 1, 'provenance.lastVerified': 1 } }).toArray()
  }

  async idsOf(origin: string): Promise<string[]> {
    const docs = await this.listings.find({ origin }, { projection: { _id: 0, id: 1 } }).toArray()
    return docs.map((d) => d.id)
  }

  countTombstones(origin: string): Promise<number> {
    return this.tombstones.countDocuments({ origin })
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 })
  }
}
