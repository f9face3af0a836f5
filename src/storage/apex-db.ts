/**
 * The database activitypub-express's store is handed (`store.db`). apex is
 * JavaScript written against the MongoDB driver, and it calls more of it than
 * Tejido does: aggregation ($lookup), updateMany with arrayFilters,
 * findOneAndReplace, cursor project/next, insert options and index hints.
 * ApexDb names exactly that surface (read from activitypub-express/store),
 * on top of DocumentDb, so both engines are checked against it at compile
 * time like DocumentDb; tests/contract/apex-store.contract.ts proves the
 * embedded engine answers those calls as MongoDB does. This is the one place
 * Tejido describes a driver surface it does not call itself.
 */
import type {
  DocumentCollection, DocumentCursor, DocumentDb, DocumentFilter, FindOneAndUpdateOptions, IndexOptions,
  InsertManyResult, InsertOneResult, ModifyResult, ProjectionSpec, SortSpec, StoredDocument, UpdateDocument, UpdateResult, WithoutId
} from './document-db'

/** apex inserts with `forceServerObjectId` and, for deliveries, unordered. */
interface ApexInsertOptions {
  forceServerObjectId?: boolean
  ordered?: boolean
}

/** A find cursor as apex reads it: `find(q).limit(1).project(p).next()`. */
export interface ApexCursor<T> extends DocumentCursor<T> {
  sort(sort: SortSpec): ApexCursor<T>
  skip(count: number): ApexCursor<T>
  limit(count: number): ApexCursor<T>
  project<U extends StoredDocument = StoredDocument>(projection: ProjectionSpec): ApexCursor<U>
  next(): Promise<T | null>
}

/** A collection with the calls apex's store makes besides Tejido's. */
export interface ApexCollection<T extends StoredDocument> extends DocumentCollection<T> {
  createIndex(keys: Record<string, 1 | -1>, options: IndexOptions & { partialFilterExpression?: DocumentFilter }): Promise<string>
  find(filter: DocumentFilter, options?: { projection?: ProjectionSpec; sort?: SortSpec }): ApexCursor<T>
  countDocuments(filter: DocumentFilter, options?: { hint?: string }): Promise<number>
  insertOne(doc: WithoutId<T>, options?: ApexInsertOptions): Promise<InsertOneResult & { acknowledged: boolean }>
  insertMany(docs: WithoutId<T>[], options?: ApexInsertOptions): Promise<InsertManyResult>
  replaceOne(filter: DocumentFilter, replacement: WithoutId<T>, options?: { upsert?: boolean; forceServerObjectId?: boolean }): Promise<UpdateResult>
  updateMany(filter: DocumentFilter, update: UpdateDocument, options?: { arrayFilters?: DocumentFilter[] }): Promise<UpdateResult>
  findOneAndUpdate(filter: DocumentFilter, update: UpdateDocument, options: FindOneAndUpdateOptions): Promise<ModifyResult<T> & { ok: 0 | 1 }>
  findOneAndReplace(filter: DocumentFilter, replacement: WithoutId<T>, options: { upsert?: boolean; returnDocument?: 'before' | 'after' }): Promise<ModifyResult<T>>
  findOneAndDelete(filter: DocumentFilter, options: { projection?: ProjectionSpec; sort?: SortSpec }): Promise<ModifyResult<T>>
  aggregate<U extends StoredDocument = StoredDocument>(pipeline: DocumentFilter[]): { toArray(): Promise<U[]> }
}

/** The database apex's store is given: a DocumentDb whose collections have apex's calls too. */
export interface ApexDb extends DocumentDb {
  collection<T extends StoredDocument = StoredDocument>(name: string): ApexCollection<T>
}
