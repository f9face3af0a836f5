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
import { serverError } from './errors'
import type { StoredDocument } from '../document-db'
import type { ApexDb } from '../apex-db'

export class EmbeddedDb implements ApexDb {
  private readonly collections = new Map<string, EmbeddedCollection>()

  constructor(private readonly client: EmbeddedClient, readonly databaseName: string) {}

  collection<T extends StoredDocument = StoredDocument>(name: string): EmbeddedCollection<T> {
    let coll = this.collections.get(name)
    if (!coll) {
      coll = new EmbeddedCollection(this.client.host(), this.databaseName, name)
      coll.sibling = (other) => this.collection(other)
      this.collections.set(name, coll)
    }
    return coll as EmbeddedCollection<T>
  }

  async command(cmd: Doc): Promise<Doc> {
    if ('ping' in cmd) {
      this.client.host().assertHealthy()
      return { ok: 1 }
    }
    throw new Error(`Command ${Object.keys(cmd)[0]} is not supported by the embedded engine`)
  }

  /** Reloads the named collections (namespaces) from disk. */
  reload(namespaces: ReadonlySet<string>): void {
    for (const coll of this.collections.values()) if (namespaces.has(coll.namespace)) coll.reload()
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
  /** Writes sent to disk and not yet settled. */
  private inFlight = 0
  private readonly idleWaiters: Array<() => void> = []
  /** Set while memory is being brought back to what is on disk after a failed write. */
  private recovering: Promise<void> | null = null
  private readonly failedNamespaces = new Set<string>()
  private lastWriteFailure: Error | null = null
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
      write: (ns: string, changes: Change[]) => this.guard(ns, files.write(ns, changes)),
      saveIndexes: (ns: string, specs: IndexSpec[]) => this.guard(ns, files.saveIndexes(ns, specs)),
      drop: (ns: string) => this.guard(ns, files.dropCollection(ns)),
      assertHealthy: () => this.assertHealthy(),
      assertWritable: () => this.assertWritable(),
      codec: files.codec
    }
  }

  /**
   * A write is applied in memory before its commit; when the commit fails (a
   * full disk), memory is ahead of disk. Then new writes are refused, the
   * writes already sent are let settle, and the collections whose writes
   * failed are reloaded from disk; only then does the failed write reject, so
   * what it changed is never visible after its caller hears it failed. Reads
   * go on meanwhile, and writes are accepted again once memory equals disk.
   */
  private async guard(namespace: string, write: Promise<void>): Promise<void> {
    this.inFlight++
    let failure: Error | undefined
    let recovery: Promise<void> | null = null
    try {
      await write
    } catch (err) {
      failure = err instanceof Error ? err : new Error(String(err))
      this.failedNamespaces.add(namespace)
      this.lastWriteFailure = failure
      recovery = this.recovering ??= this.recover()
    } finally {
      this.inFlight--
      if (this.inFlight === 0) this.idleWaiters.splice(0).forEach((wake) => wake())
    }
    if (failure) {
      await recovery
      throw failure
    }
  }

  private async recover(): Promise<void> {
    try {
      // Always at least one turn, so `recovering` is set before this clears it.
      await new Promise<void>((resolve) => (this.inFlight === 0 ? queueMicrotask(resolve) : this.idleWaiters.push(resolve)))
      const namespaces = new Set(this.failedNamespaces)
      this.failedNamespaces.clear()
      try {
        this.files?.resumeWrites()
        for (const db of this.dbs.values()) db.reload(namespaces)
      } catch (err) {
        this.failure = err as Error // cannot even read the disk back: only a restart helps
      }
    } finally {
      this.recovering = null
    }
  }

  private assertHealthy(): void {
    if (!this.files) throw new Error('EmbeddedClient is closed')
    if (this.failure) throw new Error(`Embedded store could not read back its data after a failed disk write and must be restarted: ${this.failure.message}`)
  }

  private assertWritable(): void {
    this.assertHealthy()
    if (this.recovering) {
      const last = this.lastWriteFailure as (Error & { code?: number; codeName?: string }) | null
      const why = `Writes are paused while the store recovers from a failed disk write: ${last?.message ?? 'unknown error'}`
      throw serverError(last?.code ?? 1, why, { codeName: last?.codeName, diskWriteFailed: true })
    }
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
