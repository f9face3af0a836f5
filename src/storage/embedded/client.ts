/**
 * The embedded engine's client, with MongoClient's surface: `connect()`,
 * `db(name)`, `close()`. Used when MONGODB_URL is not set. It implements the
 * subset of the driver API that Tejido and apex's store use, with MongoDB's
 * semantics; tests/contract proves it against the real driver's behaviour.
 */
import path from 'node:path'
import { EmbeddedCollection, type CollectionHost } from './collection'
import { LmdbFiles, type Change } from './lmdb-files'
import { lockDataDir, type DirLock } from './lock'
import type { IndexSpec } from './indexes'
import type { Doc } from './values'

export class EmbeddedDb {
  private readonly collections = new Map<string, EmbeddedCollection>()

  constructor(private readonly client: EmbeddedClient, readonly databaseName: string) {}

  collection<T extends Doc = Doc>(name: string): EmbeddedCollection<T> {
    let coll = this.collections.get(name)
    if (!coll) {
      coll = new EmbeddedCollection(this.client.host(), this.databaseName, name)
      coll.sibling = (other) => this.collection(other)
      this.collections.set(name, coll)
    }
    return coll as unknown as EmbeddedCollection<T>
  }

  async command(cmd: Doc): Promise<Doc> {
    if ('ping' in cmd) {
      this.client.host().assertHealthy()
      return { ok: 1 }
    }
    throw new Error(`Command ${Object.keys(cmd)[0]} is not supported by the embedded engine`)
  }

  async dropDatabase(): Promise<boolean> {
    for (const name of this.client.collectionNames(this.databaseName)) await this.collection(name).drop()
    return true
  }
}

export class EmbeddedClient {
  private files: LmdbFiles | null = null
  private lock: DirLock | null = null
  private failure: Error | null = null
  private readonly dbs = new Map<string, EmbeddedDb>()

  /**
   * @param dataDir the directory that holds the store (DATA_DIR).
   * @param options.compactAboveBytes files above this size are compacted at
   *   connect when live data fills less than a quarter of them (64 MiB).
   */
  constructor(readonly dataDir: string, private readonly options: { defaultDb?: string; compactAboveBytes?: number } = {}) {}

  async connect(): Promise<this> {
    if (this.files) return this
    this.lock = lockDataDir(this.dataDir)
    try {
      this.files = new LmdbFiles(path.join(this.dataDir, 'store'))
      await this.files.compactIfBloated(this.options.compactAboveBytes ?? 64 * 1024 * 1024)
    } catch (err) {
      await this.files?.close().catch(() => undefined)
      this.files = null
      this.lock.release()
      this.lock = null
      throw err
    }
    return this
  }

  db(name = this.options.defaultDb ?? 'tejido'): EmbeddedDb {
    if (!this.files) throw new Error('EmbeddedClient: call connect() before db()')
    let db = this.dbs.get(name)
    if (!db) this.dbs.set(name, (db = new EmbeddedDb(this, name)))
    return db
  }

  collectionNames(dbName: string): string[] {
    const prefix = `${dbName}.`
    return (this.files?.collections() ?? []).filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length))
  }

  /** Bytes on disk, for metrics. */
  fileSize(): number {
    return this.files?.fileSize() ?? 0
  }

  /** @internal the collections' view of the client. */
  host(): CollectionHost {
    const files = this.files
    if (!files) throw new Error('EmbeddedClient is closed')
    return {
      load: (ns: string) => files.load(ns),
      indexes: (ns: string) => files.indexes(ns),
      write: (ns: string, changes: Change[]) => this.guard(files.write(ns, changes)),
      saveIndexes: (ns: string, specs: IndexSpec[]) => this.guard(files.saveIndexes(ns, specs)),
      drop: (ns: string) => this.guard(files.dropCollection(ns)),
      assertHealthy: () => this.assertHealthy(),
      codec: files.codec
    }
  }

  /**
   * A failed disk write leaves memory ahead of disk; from then on every call
   * fails until a restart reloads the truth from disk.
   */
  private async guard(write: Promise<void>): Promise<void> {
    try {
      await write
    } catch (err) {
      this.failure = err as Error
      throw err
    }
  }

  private assertHealthy(): void {
    if (!this.files) throw new Error('EmbeddedClient is closed')
    if (this.failure) throw new Error(`Embedded store failed a disk write and must be restarted: ${this.failure.message}`)
  }

  async close(): Promise<void> {
    const files = this.files
    this.files = null
    this.dbs.clear()
    if (files) await files.close()
    this.lock?.release()
    this.lock = null
  }
}
