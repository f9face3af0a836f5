/**
 * What waits for the operator, for the operator navigation ("Moderation
 * queue (3 waiting)", "Peers (1 follow request)"): applications and mirrored
 * listings held for review, held changes of approved listings (counted by
 * whoever holds them, when wired), and follow requests not yet answered.
 */
import type { ListingService } from '../../../directory/listing-service'
import type { PeerStore } from '../../../federation/peers/peer-store'

/** Counts of what waits, by where the operator answers it. */
export interface Waiting {
  /** Listings in the moderation queue (applications, and new mirrors of peers under review). */
  listings: number
  /** Changes of approved listings held for review (0 until a counter is given). */
  heldChanges: number
  /** Follow requests of other instances waiting for an answer. */
  followRequests: number
}

/** Where the counts come from; `heldChanges` is optional so the pages work without it. */
export interface WaitingSources {
  listings: Pick<ListingService, 'list'>
  peers: Pick<PeerStore, 'all'>
  heldChanges?: () => Promise<number>
}

export async function countWaiting(sources: WaitingSources): Promise<Waiting> {
  const [pending, peers, heldChanges] = await Promise.all([
    sources.listings.list({ moderation: 'pending', page: 1, perPage: 1 }),
    sources.peers.all(),
    sources.heldChanges ? sources.heldChanges() : Promise.resolve(0)
  ])
  const followRequests = peers.filter((p) => p.inbound.state === 'pending' && !p.blocked).length
  return { listings: pending.total, heldChanges, followRequests }
}

/** What the queue's link counts: everything answered there. */
export const inQueue = (w: Waiting): number => w.listings + w.heldChanges
