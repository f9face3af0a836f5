/**
 * What the index last said of each local listing's node (issue 13): its
 * status as the index names them (`received`, `validated`,
 * `validation_failed`, `post_failed`, `posted`, `deleted`), the last error
 * (kept until a call succeeds), and when. Shown to the operator; kept in
 * the store, so it survives restarts and is shared by every process.
 */
import type { DocumentDb, DocumentCollection } from '../../storage/document-db'

export interface NodeRecord {
  listingId: string
  slug: string
  name: string
  profileUrl: string
  nodeId: string
  /** The index's word, or undefined before it answered. */
  status?: string
  lastError?: string
  lastAttempt: Date
  /** When the index last accepted a call (posted or deleted). */
  lastSuccess?: Date
}

interface RegistrationMeta { key: string; indexUrl: string; at: Date }

export class NodeStatusStore {
  private readonly nodes: DocumentCollection<NodeRecord>
  private readonly meta: DocumentCollection<RegistrationMeta>

  constructor(db: DocumentDb) {
    this.nodes = db.collection<NodeRecord>('murmurations_nodes')
    this.meta = db.collection<RegistrationMeta>('murmurations_meta')
  }

  async init(): Promise<void> {
    await this.nodes.createIndex({ listingId: 1 }, { unique: true, name: 'murmurations-node-listing' })
    await this.meta.createIndex({ key: 1 }, { unique: true, name: 'murmurations-meta-key' })
  }

  /** Records one answer (or failure) of the index for a listing's node. */
  async record(node: Omit<NodeRecord, 'lastAttempt' | 'lastSuccess' | 'status' | 'lastError'>, outcome: { status?: string; error?: string }, at: Date): Promise<void> {
    const set: Record<string, unknown> = { ...node, lastAttempt: at }
    if (outcome.status) set.status = outcome.status
    if (outcome.error) set.lastError = outcome.error
    else set.lastSuccess = at
    await this.nodes.updateOne({ listingId: node.listingId }, { $set: set, ...(outcome.error ? {} : { $unset: { lastError: '' } }) }, { upsert: true })
  }

  byListing(listingId: string): Promise<NodeRecord | null> {
    return this.nodes.findOne({ listingId }, { projection: { _id: 0 } })
  }

  /** Every node, most recently tried first (the operator's page). */
  all(limit = 1000): Promise<NodeRecord[]> {
    return this.nodes.find({}, { projection: { _id: 0 } }).sort({ lastAttempt: -1 }).limit(limit).toArray()
  }

  /** The index every approved listing was last sent to at once (so a new one gets them all). */
  async registeredWith(): Promise<string | undefined> {
    return (await this.meta.findOne({ key: 'registration' }, { projection: { _id: 0 } }))?.indexUrl
  }

  async markRegisteredWith(indexUrl: string, at: Date): Promise<void> {
    await this.meta.updateOne({ key: 'registration' }, { $set: { indexUrl, at } }, { upsert: true })
  }
}
