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
import { createCodec, encodeStructures, decodeStructures, type Codec } from './codec'
import type { Doc } from './values'
import type { IndexSpec } from './indexes'
import { diskWriteError } from './errors'

export interface Change {
  key: string
  /** The new document's BSON bytes, or undefined to remove it. */
  bytes: Buffer | undefined
}

const CATALOG = '__catalog'
/** Catalog key of the codec's shared structures (not a collection). */
const STRUCTURES = '\u0000structures'

const FILE = 'documents.mdb'

function openRoot(file: string): RootDatabase<Buffer, string> {
  return open<Buffer, string>({
    path: file,
    maxDbs: 1000,
    encoding: 'binary',
    // Resolve write promises only once the commit is flushed to disk, so an
    // acknowledged write survives a crash of the process or the machine.
    overlappingSync: false,
    // With event-turn batching, lmdb starts each turn's batch with a write
    // whose promise nobody holds: a failed commit (a full disk) then rejects
    // it unhandled and kills the process. Transactions batch anyway.
    eventTurnBatching: false
  })
}

/** How long to wait for lmdb's `commitError` (it settles in the same callback as the write). */
const CAUSE_WAIT_MS = 1000

/**
 * Why a commit failed: lmdb rejects each write with a generic error whose
 * `commitError` promise carries the cause (ENOSPC...). That promise must
 * always be handled, or its rejection is unhandled and fatal.
 */
async function commitCause(error: unknown): Promise<unknown> {
  const pending = (error as { commitError?: unknown } | null)?.commitError
  if (!(pending instanceof Promise)) return error
  let timer: NodeJS.Timeout | undefined
  const cause = await Promise.race([
    pending.then(() => error, (cause: unknown) => cause),
    new Promise((resolve) => { timer = setTimeout(() => resolve(error), CAUSE_WAIT_MS) })
  ])
  clearTimeout(timer)
  return cause
}

/** Awaits a commit; a failure becomes the driver-shaped disk error (nothing of it is stored). */
async function committed<T>(write: Promise<T>, dir: string): Promise<T> {
  try {
    return await write
  } catch (error) {
    throw diskWriteError(await commitCause(error), dir)
  }
}

/**
 * Catalog key of the write sequence: the number of the last committed write.
 * Each write carries the number after the one queued before it, and commits
 * only if that one is on disk. So once a commit fails, no later write can
 * commit on top of it (a document written whole after a failed change would
 * bring that change back) until the store has caught up (`resumeWrites`).
 */
const SEQUENCE = '\u0000sequence'

class OutOfSequence extends Error {
  constructor() {
    super('an earlier write did not reach the disk, so this one was not stored either')
  }
}

const sequenceBytes = (n: number): Buffer => {
  const bytes = Buffer.alloc(8)
  bytes.writeBigUInt64BE(BigInt(n))
  return bytes
}

export class LmdbFiles {
  private root: RootDatabase<Buffer, string>
  private catalog: Database<Buffer, string>
  private readonly dbs = new Map<string, Database<Buffer, string>>()
  /** Sequence number of the last write queued (see SEQUENCE). */
  private queued: number

  readonly codec: Codec

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true })
    this.root = openRoot(this.file)
    this.catalog = this.root.openDB<Buffer, string>({ name: CATALOG, encoding: 'binary' })
    this.queued = this.committedSequence()
    this.codec = createCodec({
      load: () => {
        const bytes = this.catalog.get(STRUCTURES)
        return bytes ? decodeStructures(bytes) : undefined
      },
      save: (structures) => {
        // Synchronous and durable before any document that uses them commits.
        try {
          this.catalog.putSync(STRUCTURES, encodeStructures(structures))
        } catch (error) {
          throw diskWriteError(error, this.dir)
        }
        return true
      }
    })
  }

  private get file(): string {
    return path.join(this.dir, FILE)
  }

  /** Bytes held by live pages: every database's branch, leaf and overflow pages. */
  usedBytes(): number {
    const pages = (s: { treeBranchPageCount: number; treeLeafPageCount: number; overflowPages: number }) =>
      s.treeBranchPageCount + s.treeLeafPageCount + s.overflowPages
    type Stats = { pageSize: number; treeBranchPageCount: number; treeLeafPageCount: number; overflowPages: number; root: Stats }
    const rootStats = this.catalog.getStats() as Stats
    let total = pages(rootStats.root) + pages(rootStats)
    for (const name of this.collections()) total += pages(this.database(name).getStats() as Stats)
    return total * rootStats.pageSize
  }

  /**
   * LMDB reuses freed pages but never shrinks its file. When the file is much
   * larger than the live data (after mass deletes), rewrite it compactly:
   * copy to a new file, then rename over the old one (atomic; a crash before
   * the rename leaves the original intact).
   */
  async compactIfBloated(aboveBytes: number): Promise<boolean> {
    const size = this.fileSize()
    if (size <= aboveBytes || size <= 4 * this.usedBytes()) return false
    const tmp = `${this.file}.compact`
    fs.rmSync(tmp, { force: true })
    try {
      await this.root.backup(tmp, true)
    } catch {
      // No room for the compact copy (a full disk): keep the large file and start anyway.
      fs.rmSync(tmp, { force: true })
      return false
    }
    await this.root.close()
    this.dbs.clear()
    fs.renameSync(tmp, this.file)
    fs.rmSync(`${this.file}-lock`, { force: true })
    this.root = openRoot(this.file)
    this.catalog = this.root.openDB<Buffer, string>({ name: CATALOG, encoding: 'binary' })
    return true
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
      yield [key, this.codec.decode(value)]
    }
  }

  indexes(collection: string): IndexSpec[] {
    const entry = this.catalog.get(collection)
    if (!entry) return []
    return (deserialize(entry) as { indexes: IndexSpec[] }).indexes
  }

  collections(): string[] {
    return [...this.catalog.getKeys()].map(String).filter((k) => !k.startsWith('\u0000'))
  }

  /** The sequence number of the last committed write (inside a write transaction: of this one so far). */
  private committedSequence(): number {
    const bytes = this.catalog.get(SEQUENCE)
    return bytes && bytes.length === 8 ? Number(bytes.readBigUInt64BE()) : 0
  }

  /**
   * Runs `body` in a transaction that commits only after every write queued
   * before it; it checks before writing anything, so a refused write leaves
   * nothing in the batch it shares with others.
   */
  private inSequence(body: () => void): Promise<void> {
    const mine = ++this.queued
    return committed(this.root.transaction(() => {
      if (this.committedSequence() !== mine - 1) throw new OutOfSequence()
      this.catalog.putSync(SEQUENCE, sequenceBytes(mine))
      body()
    }), this.dir)
  }

  /** After a failed write, once no write is pending: continue from what is on disk. */
  resumeWrites(): void {
    this.queued = this.committedSequence()
  }

  /** Writes a set of changes to one collection in one atomic transaction. */
  async write(collection: string, changes: Change[]): Promise<void> {
    if (changes.length === 0) return
    const db = this.database(collection)
    await this.inSequence(() => {
      if (this.catalog.get(collection) === undefined) this.catalog.putSync(collection, serialize({ indexes: [] }))
      for (const { key, bytes } of changes) {
        if (bytes) db.putSync(key, bytes)
        else db.removeSync(key)
      }
    })
  }

  async saveIndexes(collection: string, indexes: IndexSpec[]): Promise<void> {
    await this.inSequence(() => this.catalog.putSync(collection, serialize({ indexes })))
  }

  async dropCollection(collection: string): Promise<void> {
    const db = this.database(collection)
    await this.inSequence(() => {
      db.clearSync()
      this.catalog.removeSync(collection)
    })
  }

  /** Bytes of the data file, for compaction decisions and metrics. */
  fileSize(): number {
    try {
      return fs.statSync(this.file).size
    } catch {
      return 0
    }
  }

  async close(): Promise<void> {
    await this.root.close()
  }
}
