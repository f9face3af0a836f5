/**
 * Peers: other instances, in both directions. `outbound` is our follow of
 * them (their listings come to us); `inbound` is their follow of us (ours go
 * to them). Peering is per direction; mutual peering is two follows.
 */
import { randomUUID } from 'node:crypto'
import type { DocumentDb, DocumentCollection } from '../../storage/document-db'

export type OutboundState = 'none' | 'pending' | 'accepted' | 'rejected'
export type InboundState = 'none' | 'pending' | 'approved' | 'rejected'

export interface Peer {
  id: string
  origin: string
  actorId: string
  inbox: string
  sharedInbox?: string
  outbound: { state: OutboundState; followId?: string; since?: Date }
  inbound: { state: InboundState; followId?: string; since?: Date }
  blocked: boolean
  /** What happens to this peer's listings: published at once or held for review. */
  policy: 'publish' | 'review'
  sync: { mirrored: number; lastFullSync?: Date; lastSync?: Date; lastSyncStarted?: Date; lastError?: string }
  created: Date
}

export class PeerStore {
  private readonly peers: DocumentCollection<Peer>

  constructor(db: DocumentDb) {
    this.peers = db.collection<Peer>('peers')
  }

  async init(): Promise<void> {
    await this.peers.createIndex({ id: 1 }, { unique: true, name: 'peer-id' })
    await this.peers.createIndex({ origin: 1 }, { unique: true, name: 'peer-origin' })
    await this.peers.createIndex({ actorId: 1 }, { name: 'peer-actor' })
    await this.peers.createIndex({ 'outbound.followId': 1 }, { name: 'peer-follow' })
  }

  byId(id: string): Promise<Peer | null> {
    return this.peers.findOne({ id }, { projection: { _id: 0 } })
  }

  byOrigin(origin: string): Promise<Peer | null> {
    return this.peers.findOne({ origin }, { projection: { _id: 0 } })
  }

  byFollowId(followId: string): Promise<Peer | null> {
    return this.peers.findOne({ 'outbound.followId': followId }, { projection: { _id: 0 } })
  }

  all(): Promise<Peer[]> {
    return this.peers.find({}, { projection: { _id: 0 } }).sort({ created: 1 }).toArray()
  }

  /** The peer of an origin, created on first contact. */
  async upsert(actor: { origin: string; actorId: string; inbox: string; sharedInbox?: string }, policy: Peer['policy'] = 'publish'): Promise<Peer> {
    const { origin } = actor
    // Fields set on every contact must not also be in $setOnInsert (MongoDB refuses the overlap).
    const setOnInsert = {
      id: randomUUID().slice(0, 8), outbound: { state: 'none' as const }, inbound: { state: 'none' as const },
      blocked: false, policy, sync: { mirrored: 0 }, created: new Date()
    }
    await this.peers.updateOne({ origin }, {
      $setOnInsert: setOnInsert,
      $set: { actorId: actor.actorId, inbox: actor.inbox, ...(actor.sharedInbox ? { sharedInbox: actor.sharedInbox } : {}) }
    }, { upsert: true })
    return (await this.byOrigin(origin)) as Peer
  }

  async update(id: string, fields: Record<string, unknown>): Promise<Peer | null> {
    const result = await this.peers.findOneAndUpdate({ id }, { $set: fields }, { returnDocument: 'after', projection: { _id: 0 } })
    return result.value
  }

  /** Approved followers' inboxes (shared inboxes once each), for deliveries. */
  async followerInboxes(): Promise<string[]> {
    const followers = await this.peers.find({ 'inbound.state': 'approved', blocked: false }, { projection: { _id: 0, inbox: 1, sharedInbox: 1 } }).toArray()
    return [...new Set(followers.map((p) => p.sharedInbox ?? p.inbox))]
  }
}
