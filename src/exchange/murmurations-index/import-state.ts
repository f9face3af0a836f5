/**
 * Where the last walk of an index left off (issue 13): per source (index,
 * schema and tags), the index's `last_updated` from which the next walk
 * asks (`GET /v2/nodes?last_updated=`), and what the last run did, for the
 * operator. Kept in the store, so a restart or another process goes on
 * from there.
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

/** The key of a source: which index, which schema, which tags. */
export const sourceKey = (indexUrl: string, schema: string, tags: readonly string[]): string => `${indexUrl} ${schema} ${[...tags].sort().join(',')}`

export class ImportStateStore {
  private readonly runs: DocumentCollection<ImportRunRecord>

  constructor(db: DocumentDb) {
    this.runs = db.collection<ImportRunRecord>('murmurations_imports')
  }

  init(): Promise<string> {
    return this.runs.createIndex({ source: 1 }, { unique: true, name: 'murmurations-import-source' })
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
