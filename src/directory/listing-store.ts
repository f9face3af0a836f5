/**
 * The ListingStore port: how the domain keeps listings and tombstones. Its
 * implementation (storage/document-listing-store.ts) runs on MongoDB and on
 * the embedded engine alike.
 */
import type { Listing, ModerationState } from './listing'

/** A page of listings, optionally of one origin and moderation state. */
export interface ListingQuery {
  origin?: string
  moderation?: ModerationState
  page: number
  perPage: number
}

/** Which listings a count or a stream takes. */
export interface ListingFilter { origin?: string; moderation?: ModerationState }

/** One page of a list query, with the total it was cut from. */
export interface ListingPage { items: Listing[]; total: number; page: number; perPage: number }

/** What is left of a removed listing, so that peers and /directory learn it went. */
export interface Tombstone { id: string; slug: string; origin: string; deleted: Date }

/** A change to a listing, for /directory: its current state or its tombstone. */
export type DirectoryChange =
  | { kind: 'listing'; at: Date; id: string; listing: Listing }
  | { kind: 'tombstone'; at: Date; id: string; tombstone: Tombstone }

/** What a listing's search stamp is made of, without the document. */
export type ListingStamp = Pick<Listing, 'id' | 'version' | 'updated' | 'moderation'> & { provenance: Pick<Listing['provenance'], 'lastVerified'> }

/** A window of one origin's changes, for /directory's pages. */
export interface ChangeQuery {
  origin: string
  /** Only changes after this instant. */
  since?: Date
  /** Only changes older than this cursor (time, then id), for paging newest first. */
  before?: { at: Date; id: string }
  limit: number
}

/** Where listings live; every engine passes tests/contract/listing-store.contract.ts. */
export interface ListingStore {
  /** Creates the indexes the queries below rely on. */
  init(): Promise<void>
  byId(id: string): Promise<Listing | null>
  bySlug(origin: string, slug: string): Promise<Listing | null>
  /** Inserts; false when the id or (origin, slug) is taken. */
  insert(listing: Listing): Promise<boolean>
  /** Replaces when the stored version is still `expectedVersion`; false otherwise. */
  replace(listing: Listing, expectedVersion: number): Promise<boolean>
  /** Removes a listing (only at `expectedVersion`, when given) and leaves its tombstone; returns what was removed. */
  remove(id: string, deleted: Date, expectedVersion?: number): Promise<Listing | null>
  /** Removes a never-published listing still at `expectedVersion`: no tombstone, the slug is free again. */
  discard(id: string, expectedVersion: number): Promise<Listing | null>
  tombstone(id: string): Promise<Tombstone | null>
  list(query: ListingQuery): Promise<ListingPage>
  count(filter: ListingFilter): Promise<number>
  /** Every listing (optionally of one origin and moderation state), in no particular order, streamed: for read models and exports. */
  all(filter?: ListingFilter): AsyncIterable<Listing>
  /** Each listing's id with what its search stamp is made of (cheap: no full documents). */
  stamps(): Promise<ListingStamp[]>
  /** The ids of every listing of an origin, unordered (for sweeps). */
  idsOf(origin: string): Promise<string[]>
  /** Listings and tombstones of one origin, newest change first (ties by id). */
  changes(query: ChangeQuery): Promise<DirectoryChange[]>
  countTombstones(origin: string): Promise<number>
  ping(): Promise<void>
}
