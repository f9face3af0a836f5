/**
 * Outbound federation, only in reaction to domain events: when a local
 * listing is published, changed or withdrawn, the instance actor delivers
 * Create, Update or Delete to the peers that follow this instance, and the
 * listing actor delivers Update or Delete of itself to its own followers
 * (people on Mastodon). A local write never waits for peers: this runs after
 * the event, and a failure is logged, not returned.
 */
import type { Logger } from 'pino'
import type { DirectoryEvents } from '../directory/events'
import { isPublished, type Listing } from '../directory/listing'
import type { DeliveryQueue } from './delivery/queue'
import type { PeerStore } from './peers/peer-store'
import type { ActorKeys } from './keys'
import type { ListingFollowers } from './listing-followers'
import type { ActivityFactory, Activity } from './activities'
import { listingToActor } from './actor-mapping'

export interface OutboundDeps {
  events: DirectoryEvents
  queue: DeliveryQueue
  peers: PeerStore
  keys: ActorKeys
  listingFollowers: ListingFollowers
  activities: ActivityFactory
  instanceActorId: string
  isLocal: (listing: Listing) => boolean
  logger: Logger
}

const published = (l: Listing | undefined): boolean => l !== undefined && isPublished(l)

export function startOutbound(deps: OutboundDeps): void {
  const followers = `${deps.instanceActorId}/followers`
  const send = async (activity: Activity) => {
    const inboxes = await deps.peers.followerInboxes()
    if (inboxes.length) await deps.queue.enqueue(deps.instanceActorId, activity, inboxes)
  }
  /** The listing actor to its own followers, signed with its key. */
  const selfSend = async (listing: Listing, activity: (actor: string) => Activity) => {
    const inboxes = await deps.listingFollowers.inboxes(listing.id)
    if (inboxes.length) await deps.queue.enqueue(listing.id, activity(listing.id), inboxes)
  }
  const announce = async (type: 'Create' | 'Update', listing: Listing) => {
    // The listing's own key is not needed to mirror it (the instance signs);
    // it is included once minted, and peers fetch the actor when they need it.
    const actor = listingToActor(listing, await deps.keys.find(listing.id), deps.instanceActorId)
    await send(deps.activities.change(type, deps.instanceActorId, actor, [followers]))
    if (type === 'Update') {
      await selfSend(listing, (self) => deps.activities.change('Update', self, actor, [`${self}/followers`]))
    }
  }
  const withdraw = async (listing: Listing, at: Date) => {
    await send(deps.activities.delete(deps.instanceActorId, listing.id, [followers], at))
    await selfSend(listing, (self) => deps.activities.delete(self, self, [`${self}/followers`], at))
    await deps.listingFollowers.removeListing(listing.id)
  }
  const guard = (work: Promise<unknown>, listing: Listing) =>
    work.catch((e: unknown) => deps.logger.error({ err: e, id: listing.id }, 'could not queue the listing\'s federation'))

  deps.events.on('listing.created', ({ listing }) => {
    if (deps.isLocal(listing) && published(listing)) void guard(announce('Create', listing), listing)
  })
  deps.events.on('listing.updated', ({ listing, previous }) => {
    if (!deps.isLocal(listing)) return
    if (published(listing)) void guard(announce(published(previous) ? 'Update' : 'Create', listing), listing)
    else if (published(previous)) void guard(withdraw(listing, listing.updated), listing)
  })
  deps.events.on('listing.deleted', ({ listing, deletedAt }) => {
    if (deps.isLocal(listing) && published(listing)) void guard(withdraw(listing, deletedAt), listing)
  })
}
