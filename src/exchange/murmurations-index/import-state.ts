/**
 * Where the last walk of an index left off (issue 13): per source (index,
 * schema and tags), the index's `last_updated` from which the next walk
 * asks (`GET /v2/nodes?last_updated=`), and what the last run did, for the
 * operator; and which source mirrored each profile, so a full walk can
 * remove the mirrors its index no longer lists (and no other's). Kept in
 * the store, so a restart or another process goes on from there.
 */
import type { DocumentDb, DocumentCollection } from '../../storage/document-db'

/** What one walk did. */
export interface IndexImportCounts { created: number; updated: number; unchanged: number; removed: number; refused: number; duplicates: number }

export interface ImportRunRecord {
  source: string
  /** Seconds (the index's unit): nodes updated at or after this are asked for next time. */
  since?: number
  lastRun?: Date
  /** When a walk last started from the beginning (not since). */
  lastFull?: Date
  counts?: IndexImportCounts
  lastError?: string
}

/** The source a mirrored profile (by its id, the profile URL) came from. */
interface MirrorOwner { id: string; source: string }

/** The key of a source: which index, which schema, which tags. */
export const sourceKey = (indexUrl: string, schema: string, tags: readonly string[]): string => `${indexUrl} ${schema} ${[...tags].sort().join(',')}`

export class ImportStateStore {
  private readonly runs: DocumentCollection<ImportRunRecord>
  private readonly owners: DocumentCollection<MirrorOwner>

  constructor(db: DocumentDb) {
    this.runs = db.collection<ImportRunRecord>('murmurations_imports')
    this.owners = db.collection<MirrorOwner>('murmurations_import_mirrors')
  }

  async init(): Promise<void> {
    await this.runs.createIndex({ source: 1 }, { unique: true, name: 'murmurations-import-source' })
    await this.owners.createIndex({ id: 1 }, { unique: true, name: 'murmurations-import-mirror' })
    await this.owners.createIndex({ source: 1 }, { name: 'murmurations-import-mirror-source' })
  }

  /** Notes that `source` holds the mirror `id` (the last source to list it holds it). */
  async own(source: string, id: string): Promise<void> {
    await this.owners.updateOne({ id }, { $set: { id, source } }, { upsert: true })
  }

  /** The ids of the mirrors `source` holds. */
  async ownedBy(source: string): Promise<string[]> {
    return (await this.owners.find({ source }, { projection: { _id: 0, id: 1 } }).toArray()).map((o) => o.id)
  }

  async disown(id: string): Promise<void> {
    await this.owners.deleteOne({ id })
  }

  get(source: string): Promise<ImportRunRecord | null> {
    return this.runs.findOne({ source }, { projection: { _id: 0 } })
  }

  async finished(source: string, run: { since: number | undefined; counts: IndexImportCounts; full: boolean }, at: Date): Promise<void> {
    const set = { source, counts: run.counts, lastRun: at, ...(run.since !== undefined ? { since: run.since } : {}), ...(run.full ? { lastFull: at } : {}) }
    await this.runs.updateOne({ source }, { $set: set, $unset: { lastError: '' } }, { upsert: true })
  }

  async failed(source: string, error: string, at: Date): Promise<void> {
    await this.runs.updateOne({ source }, { $set: { source, lastError: error, lastRun: at } }, { upsert: true })
  }
}
