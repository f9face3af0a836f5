/**
 * The document database a store is handed: the subset of the MongoDB driver
 * (v4) API that Tejido calls, and nothing more. Two engines provide it: the
 * driver's own `Db` (MONGODB_URL), which satisfies these interfaces with no
 * cast, and the embedded engine (storage/embedded/), which implements them.
 * A store written against DocumentDb therefore runs on both, and a call the
 * embedded engine does not implement is a compile error, not a runtime one.
 * tests/unit/document-db-types.test.ts holds both sides to it.
 *
 * The shapes are deliberately loose where the driver's are generic (a filter
 * is any query document): the stores' own tests and tests/contract pin the
 * semantics on both engines, and the loose shapes let both engines conform.
 */

/**
 * The shape a stored document's type must have. `any`, not `unknown`: only an
 * index signature of `any` lets interfaces (Listing, Peer) satisfy it without
 * declaring one themselves, which is also the driver's own `Document`.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface StoredDocument { [key: string]: any }

/** A query document (`{ origin, updated: { $gt: since } }`). */
export type DocumentFilter = Record<string, unknown>
/** An update document made of operators (`{ $set: {...} }`, `{ $setOnInsert: {...} }`). */
export type UpdateDocument = Record<string, unknown>
/** A sort specification: field to 1 (ascending) or -1 (descending), in order of precedence. */
export type SortSpec = Record<string, 1 | -1>
/** An inclusion or exclusion projection (`{ _id: 0 }`, `{ _id: 0, id: 1 }`). */
export type ProjectionSpec = Record<string, 0 | 1>

/** Options of find and findOne. */
export interface FindOptions {
  projection?: ProjectionSpec
  sort?: SortSpec
}

/** Options of updateOne and replaceOne. */
export interface UpsertOptions {
  /** Insert a document built from the filter (and the update) when none matches. */
  upsert?: boolean
}

/** Options of findOneAndUpdate. */
export interface FindOneAndUpdateOptions {
  /** 'before' (the default) answers the document as it was, 'after' as it became. */
  returnDocument?: 'before' | 'after'
  projection?: ProjectionSpec
}

/** Options of createIndex. Every index Tejido makes is named, so a changed definition is caught. */
export interface IndexOptions {
  name: string
  unique?: boolean
}

/** What insertOne answers. */
export interface InsertOneResult {
  insertedId: unknown
}

/** What insertMany answers. */
export interface InsertManyResult {
  insertedCount: number
}

/**
 * What updateOne and replaceOne answer. The counts are optional because the
 * driver v4 types replaceOne's answer as `UpdateResult | Document`; both
 * engines always fill them in.
 */
export interface UpdateResult {
  matchedCount?: number
  modifiedCount?: number
  upsertedCount?: number
}

/** What deleteOne and deleteMany answer. */
export interface DeleteResult {
  deletedCount: number
}

/**
 * A document as a store writes it and as findOneAnd* answers it: its fields
 * without the engine's `_id` (Tejido's documents do not use one, and answers
 * project it away). This is also how the driver types replacements, and the
 * driver's `WithId<T>` answers and `OptionalId<T>` inserts are assignable to
 * it, which a bare T would not be.
 */
export type WithoutId<T> = Omit<T, '_id'>

/** What findOneAndUpdate and findOneAndDelete answer (driver v4: the document is under `value`). */
export interface ModifyResult<T> {
  value: WithoutId<T> | null
}

/**
 * The answer of find: chain sort, skip and limit before the first read, then
 * read it all (toArray) or one by one (for await).
 */
export interface DocumentCursor<T> extends AsyncIterable<T> {
  sort(sort: SortSpec): DocumentCursor<T>
  skip(count: number): DocumentCursor<T>
  limit(count: number): DocumentCursor<T>
  toArray(): Promise<T[]>
}

/**
 * One collection of documents of type T. A unique-index conflict rejects with
 * code 11000 (see isDuplicateKey) and writes nothing. A projection narrows
 * what is answered without changing T: the caller knows which fields it asked for.
 */
export interface DocumentCollection<T extends StoredDocument> {
  /** Creates the index unless one with the same name and definition exists; answers its name. */
  createIndex(keys: Record<string, 1 | -1>, options: IndexOptions): Promise<string>
  findOne(filter: DocumentFilter, options?: FindOptions): Promise<T | null>
  find(filter: DocumentFilter, options?: FindOptions): DocumentCursor<T>
  countDocuments(filter: DocumentFilter): Promise<number>
  insertOne(doc: WithoutId<T>): Promise<InsertOneResult>
  /** Inserts in order and stops at the first conflict (the documents before it stay). */
  insertMany(docs: WithoutId<T>[]): Promise<InsertManyResult>
  /** Replaces the first matching document whole (its _id is kept). */
  replaceOne(filter: DocumentFilter, replacement: WithoutId<T>, options?: UpsertOptions): Promise<UpdateResult>
  updateOne(filter: DocumentFilter, update: UpdateDocument, options?: UpsertOptions): Promise<UpdateResult>
  deleteOne(filter: DocumentFilter): Promise<DeleteResult>
  deleteMany(filter: DocumentFilter): Promise<DeleteResult>
  /** Updates the first matching document in one atomic step. */
  findOneAndUpdate(filter: DocumentFilter, update: UpdateDocument, options: FindOneAndUpdateOptions): Promise<ModifyResult<T>>
  /** Deletes the first matching document in one atomic step and answers it. */
  findOneAndDelete(filter: DocumentFilter, options: { projection?: ProjectionSpec }): Promise<ModifyResult<T>>
}

/** A database: named collections, and the ping that /readyz runs. */
export interface DocumentDb {
  collection<T extends StoredDocument = StoredDocument>(name: string): DocumentCollection<T>
  /** Only `{ ping: 1 }`: answers when the engine can serve, rejects when it cannot. */
  command(command: { ping: 1 }): Promise<object>
}

/** MongoDB's error code for a unique-index conflict (E11000); the embedded engine raises the same. */
export const DUPLICATE_KEY = 11000

/**
 * Whether a write failed only because a unique index already holds its key:
 * the expected answer of "insert unless present", which stores turn into
 * `false` rather than an exception.
 */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === DUPLICATE_KEY
}

/** Inserts unless a unique index already holds the document's key: true when inserted, false when taken. */
export async function insertUnlessTaken<T extends StoredDocument>(collection: DocumentCollection<T>, doc: WithoutId<T>): Promise<boolean> {
  try {
    await collection.insertOne(doc)
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}
