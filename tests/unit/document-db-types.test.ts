/**
 * The typed storage seam, held at compile time: `npx tsc` fails on this file
 * if MongoDB's `Db` or the embedded engine stops satisfying DocumentDb or
 * ApexDb (a method renamed, an option or result shape changed, a call a store
 * makes that one engine lacks). The runtime expectations only make Jest run it.
 */
import type { Db, Collection, FindCursor } from 'mongodb'
import type { DocumentCollection, DocumentCursor, DocumentDb, StoredDocument } from '../../src/storage/document-db'
import type { ApexCollection, ApexDb } from '../../src/storage/apex-db'
import { EmbeddedDb } from '../../src/storage/embedded/client'
import { EmbeddedCollection } from '../../src/storage/embedded/collection'
import { EmbeddedCursor } from '../../src/storage/embedded/cursor'
import type { Listing } from '../../src/directory/listing'

/** `true` exactly when A is assignable to B; a `false` here is a type error below. */
type Conforms<A, B> = [A] extends [B] ? true : false

// MongoDB's driver, with no cast.
const mongoDb: Conforms<Db, DocumentDb> = true
const mongoApexDb: Conforms<Db, ApexDb> = true
const mongoCollection: Conforms<Collection<Listing>, DocumentCollection<Listing>> = true
const mongoCursor: Conforms<FindCursor<Listing>, DocumentCursor<Listing>> = true
// The embedded engine.
const embeddedDb: Conforms<EmbeddedDb, DocumentDb> = true
const embeddedApexDb: Conforms<EmbeddedDb, ApexDb> = true
const embeddedCollection: Conforms<EmbeddedCollection<Listing>, ApexCollection<Listing>> = true
const embeddedCursor: Conforms<EmbeddedCursor<Listing>, DocumentCursor<Listing>> = true

/** The check bites: an engine missing one method a store calls is not a DocumentCollection. */
function withoutFindOneAndDelete(partial: Omit<DocumentCollection<Listing>, 'findOneAndDelete'>): DocumentCollection<Listing> {
  // @ts-expect-error findOneAndDelete is missing
  return partial
}

/** Nor is one whose answer has another shape (driver v6 answers the document itself, not `{ value }`). */
type V6FindOneAndDelete = Omit<DocumentCollection<Listing>, 'findOneAndDelete'> & { findOneAndDelete(filter: object, options: object): Promise<Listing | null> }
function v6Shape(v6: V6FindOneAndDelete): DocumentCollection<Listing> {
  // @ts-expect-error findOneAndDelete answers the document, not { value }
  return v6
}

test('both engines satisfy the seam (checked by the compiler)', () => {
  expect([mongoDb, mongoApexDb, mongoCollection, mongoCursor, embeddedDb, embeddedApexDb, embeddedCollection, embeddedCursor]).toEqual(Array(8).fill(true))
  expect([typeof withoutFindOneAndDelete, typeof v6Shape]).toEqual(['function', 'function'])
})

test('the embedded collection has every method the seam names', () => {
  const methods = [
    'createIndex', 'findOne', 'find', 'countDocuments', 'insertOne', 'insertMany', 'replaceOne', 'updateOne', 'updateMany',
    'deleteOne', 'deleteMany', 'findOneAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'aggregate'
  ] satisfies Array<keyof ApexCollection<StoredDocument>>
  const own = new Set(Object.getOwnPropertyNames(EmbeddedCollection.prototype))
  expect(methods.filter((m) => !own.has(m))).toEqual([])
})
