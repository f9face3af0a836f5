/** HeldChangeStore on the document store: one document per listing with a change held for review, unique by listing id. */
import type { HeldChange } from '../directory/change-review'
import type { HeldChangeStore } from '../directory/held-changes'
import type { DocumentCollection, DocumentDb } from './document-db'

const NO_ID = { projection: { _id: 0 as const } }

export class DocumentHeldChangeStore implements HeldChangeStore {
  private readonly changes: DocumentCollection<HeldChange>

  constructor(db: DocumentDb) {
    this.changes = db.collection<HeldChange>('held_changes')
  }

  async init(): Promise<void> {
    await this.changes.createIndex({ listingId: 1 }, { name: 'held-listing', unique: true })
    await this.changes.createIndex({ state: 1, heldAt: 1 }, { name: 'held-state-time' })
  }

  get(listingId: string): Promise<HeldChange | null> {
    return this.changes.findOne({ listingId }, NO_ID)
  }

  async put(change: HeldChange): Promise<void> {
    await this.changes.replaceOne({ listingId: change.listingId }, change, { upsert: true })
  }

  async remove(listingId: string, heldAt?: Date): Promise<HeldChange | null> {
    const { value } = await this.changes.findOneAndDelete({ listingId, ...(heldAt ? { heldAt } : {}) }, NO_ID)
    return value
  }

  async decline(listingId: string, heldAt: Date, decidedAt: Date): Promise<HeldChange | null> {
    const { value } = await this.changes.findOneAndUpdate({ listingId, heldAt, state: 'waiting' }, { $set: { state: 'declined', decidedAt } }, { returnDocument: 'after', ...NO_ID })
    return value
  }

  waiting(): Promise<HeldChange[]> {
    return this.changes.find({ state: 'waiting' }, NO_ID).sort({ heldAt: 1, listingId: 1 }).toArray()
  }

  countWaiting(): Promise<number> {
    return this.changes.countDocuments({ state: 'waiting' })
  }
}
