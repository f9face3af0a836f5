/**
 * A listing actor's inbox (/orgs/SLUG/inbox): anyone may follow a listing
 * (Mastodon users do); the listing answers with an Accept signed by its own
 * key. Undo of that Follow ends it. Other activities are accepted and ignored.
 */
import type { InboxHandler, InboxRefusal } from './guard'
import type { ListingStore } from '../../directory/listing-store'
import { isPublished } from '../../directory/listing'
import type { ListingFollowers } from '../listing-followers'
import type { DeliveryQueue } from '../delivery/queue'
import type { ActivityFactory } from '../activities'
import { fetchActivityJson, type FetchPolicy, type RequestSigner } from '../net/safe-fetch'
import { actorFromDocument } from '../peers/discover'
import { idOf, type Json } from '../json-ld'

export interface ListingInboxDeps {
  origin: string
  listings: ListingStore
  followers: ListingFollowers
  queue: DeliveryQueue
  activities: ActivityFactory
  policy: FetchPolicy
  signedFetch: () => Promise<RequestSigner>
}


export function listingInbox(deps: ListingInboxDeps): InboxHandler {
  return async ({ activity }, params): Promise<InboxRefusal | undefined> => {
    const listing = await deps.listings.bySlug(deps.origin, String(params.slug))
    if (!listing || !isPublished(listing)) return { status: 404, reason: `no listing ${params.slug}` }
    const object = activity.raw.object
    if (activity.type === 'Follow') {
      if (idOf(object) !== listing.id) return { status: 400, reason: 'a listing can only be followed at its own inbox' }
      const fetched = await fetchActivityJson(activity.actor, deps.policy, await deps.signedFetch())
      if (!fetched.ok) return { status: 400, reason: `could not fetch the follower ${activity.actor}` }
      const actor = actorFromDocument(fetched.value.document)
      if (!actor.ok) return { status: 400, reason: actor.error }
      await deps.followers.add({ listing: listing.id, actor: actor.value.actorId, inbox: actor.value.inbox, ...(actor.value.sharedInbox ? { sharedInbox: actor.value.sharedInbox } : {}), followId: activity.id, since: new Date() })
      await deps.queue.enqueue(listing.id, deps.activities.answer('Accept', listing.id, { id: activity.id, actor: activity.actor, object: listing.id }), [actor.value.inbox])
      return undefined
    }
    if (activity.type === 'Undo' && object && typeof object === 'object' && (object as Json).type === 'Follow') {
      const followId = idOf(object)
      if (followId) await deps.followers.remove(listing.id, activity.actor, followId)
    }
    return undefined
  }
}
