/**
 * A replayed activity id has no second effect: the inbox claims an id before
 * handling it (a unique index makes concurrent duplicates lose), and releases
 * the claim if handling fails so the sender's retry is not lost.
 */
import { insertUnlessTaken, type DocumentDb, type DocumentCollection } from '../../storage/document-db'

interface Seen { id: string; at: Date }

export class ReplayGuard {
  private readonly seen: DocumentCollection<Seen>

  constructor(db: DocumentDb, private readonly keepForMs = 14 * 24 * 3600 * 1000) {
    this.seen = db.collection<Seen>('inboxSeen')
  }

  async init(): Promise<void> {
    await this.seen.createIndex({ id: 1 }, { unique: true, name: 'seen-id' })
    await this.seen.createIndex({ at: 1 }, { name: 'seen-at' })
  }

  /** True if this call claimed the id; false if it was seen before. */
  async claim(id: string): Promise<boolean> {
    return insertUnlessTaken(this.seen, { id, at: new Date() })
  }

  async release(id: string): Promise<void> {
    await this.seen.deleteOne({ id })
  }

  /** Forgets ids older than the retention window (senders stop retrying long before). */
  async prune(now: Date = new Date()): Promise<number> {
    const result = await this.seen.deleteMany({ at: { $lt: new Date(now.getTime() - this.keepForMs) } })
    return result.deletedCount
  }
}
