/**
 * The bytes on disk: one LMDB environment under DATA_DIR, one LMDB database
 * per collection (documents as BSON, keyed by their _id) and a catalog of
 * index definitions. LMDB gives atomic, crash-safe transactions; every write
 * promise resolves only after its transaction is flushed to disk.
 */
import fs from 'node:fs'
import path from 'node:path'
import { open, type RootDatabase, type Database } from 'lmdb'
import { serialize, deserialize } from 'bson'
import type { Doc } from './values'
import type { IndexSpec } from './indexes'

export interface Change {
  key: string
  /** The new document's BSON bytes, or undefined to remove it. */
  bytes: Buffer | undefined
}

const CATALOG = '__catalog'

export class LmdbFiles {
  private readonly root: RootDatabase<Buffer, string>
  private readonly catalog: Database<Buffer, string>
  private readonly dbs = new Map<string, Database<Buffer, string>>()

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true })
    this.root = open<Buffer, string>({
      path: path.join(dir, 'documents.mdb'),
      maxDbs: 1000,
      encoding: 'binary',
      // Resolve write promises only once the commit is flushed to disk, so an
      // acknowledged write survives a crash of the process or the machine.
      overlappingSync: false
    })
    this.catalog = this.root.openDB<Buffer, string>({ name: CATALOG, encoding: 'binary' })
  }

  private database(name: string): Database<Buffer, string> {
    let db = this.dbs.get(name)
    if (!db) {
      db = this.root.openDB<Buffer, string>({ name, encoding: 'binary' })
      this.dbs.set(name, db)
    }
    return db
  }

  /** Every stored document of a collection, read synchronously at open. */
  *load(collection: string): Iterable<[string, Doc]> {
    if (this.catalog.get(collection) === undefined) return
    for (const { key, value } of this.database(collection).getRange()) {
      yield [key, deserialize(value) as Doc]
    }
  }

  indexes(collection: string): IndexSpec[] {
    const entry = this.catalog.get(collection)
    if (!entry) return []
    return (deserialize(entry) as { indexes: IndexSpec[] }).indexes
  }

  collections(): string[] {
    return [...this.catalog.getKeys()].map(String)
  }

  /** Writes a set of changes to one collection in one atomic transaction. */
  async write(collection: string, changes: Change[]): Promise<void> {
    if (changes.length === 0) return
    const db = this.database(collection)
    const registered = this.catalog.get(collection) !== undefined
    await this.root.transaction(() => {
      if (!registered && this.catalog.get(collection) === undefined) {
        this.catalog.putSync(collection, serialize({ indexes: [] }))
      }
      for (const { key, bytes } of changes) {
        if (bytes) db.putSync(key, bytes)
        else db.removeSync(key)
      }
    })
  }

  async saveIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    await this.catalog.put(collection, serialize({ indexes }))
  }

  async dropCollection(collection: string): Promise<void> {
    const db = this.database(collection)
    await this.root.transaction(() => {
      db.clearSync()
      this.catalog.removeSync(collection)
    })
  }

  /** Bytes of the data file, for compaction decisions and metrics. */
  fileSize(): number {
    try {
      return fs.statSync(path.join(this.dir, 'documents.mdb')).size
    } catch {
      return 0
    }
  }

  async close(): Promise<void> {
    await this.root.close()
  }
}
