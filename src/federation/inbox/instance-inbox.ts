/**
 * What the instance actor's inbox does with a verified activity, one entry
 * per type. Each validates, checks authority, and calls one service.
 * Authority (FEP-fe34): a listing is accepted only from its own origin — the
 * signer, the actor and the object id share it — and only from a peer we
 * follow and have not blocked.
 */
import type { InboxHandler, InboxRefusal, VerifiedInbound } from './guard'
import type { Peering } from '../peers/peering'
import type { PeerStore, Peer } from '../peers/peer-store'
import type { MirrorService } from '../../directory/mirror-service'
import { mirrorActor } from '../mirror-mapping'
import type { ListingStore } from '../../directory/listing-store'
import { idOf, originOf, type Json } from '../json-ld'

export interface InstanceInboxDeps {
  instanceActorId: string
  peering: Peering
  peers: PeerStore
  mirrors: MirrorService
  listings: ListingStore
}

const refuse = (status: InboxRefusal['status'], reason: string): InboxRefusal => ({ status, reason })

type Handler = (inbound: VerifiedInbound, deps: InstanceInboxDeps) => Promise<InboxRefusal | undefined>

/** The peer an activity speaks for, if we follow it and it is not blocked. */
async function followedPeer(inbound: VerifiedInbound, deps: InstanceInboxDeps): Promise<Peer | InboxRefusal> {
  const origin = originOf(inbound.activity.actor) as string
  const peer = await deps.peers.byOrigin(origin)
  if (!peer || peer.blocked) return refuse(403, `${origin} is not a peer of this instance`)
  if (peer.outbound.state !== 'accepted') return refuse(403, `this instance does not follow ${origin}`)
  if (peer.actorId !== inbound.activity.actor) return refuse(403, 'listings are announced by the peer\'s instance actor')
  return peer
}

const isRefusal = (v: unknown): v is InboxRefusal => typeof v === 'object' && v !== null && 'status' in v && 'reason' in v

const follow: Handler = async ({ activity }, deps) => {
  if (idOf(activity.raw.object) !== deps.instanceActorId) return refuse(400, 'only the instance actor can be followed here')
  const result = await deps.peering.onFollow(activity.actor, activity.id)
  return result.ok ? undefined : refuse(400, result.error.reason)
}

const answer = (type: 'Accept' | 'Reject'): Handler => async ({ activity }, deps) => {
  const followId = idOf(activity.raw.object)
  if (!followId) return refuse(400, `${type} needs the follow as its object`)
  const result = await deps.peering.onAnswer(type, activity.actor, followId)
  return result.ok ? undefined : refuse(400, result.error.reason)
}

const undo: Handler = async ({ activity }, deps) => {
  const object = activity.raw.object
  const followId = idOf(object)
  if (!followId) return refuse(400, 'Undo needs an object')
  if (object && typeof object === 'object' && (object as Json).type !== 'Follow') return undefined // nothing else can be undone here
  await deps.peering.onUndoFollow(activity.actor, followId)
  return undefined
}

const change: Handler = async (inbound, deps) => {
  const peer = await followedPeer(inbound, deps)
  if (isRefusal(peer)) return peer
  const object = inbound.activity.raw.object
  if (!object || typeof object !== 'object' || Array.isArray(object)) return refuse(400, `${inbound.activity.type} needs the Organization embedded`)
  const org = object as Json
  const id = idOf(org)
  if (!id || originOf(id) !== peer.origin) return refuse(403, `${id ?? 'the object'} is not on ${peer.origin}, the only origin ${peer.origin} speaks for`)
  if (org.type !== 'Organization') return undefined // other objects are not listings: ignored
  const applied = await mirrorActor(deps.mirrors, org, { origin: peer.origin, via: 'delivery', moderation: peer.policy === 'publish' ? 'approved' : 'pending' })
  if (!applied.ok) {
    const e = applied.error
    return refuse(422, e.kind === 'invalid' ? e.errors.map((x) => `${x.field}: ${x.message}`).join('; ') : e.kind === 'conflict' ? e.what : 'not mirrored')
  }
  await deps.peers.update(peer.id, { 'sync.mirrored': await deps.listings.count({ origin: peer.origin }) })
  return undefined
}

const remove: Handler = async (inbound, deps) => {
  const peer = await followedPeer(inbound, deps)
  if (isRefusal(peer)) return peer
  const id = idOf(inbound.activity.raw.object)
  if (!id) return refuse(400, 'Delete needs an object')
  if (originOf(id) !== peer.origin) return refuse(403, `${id} is not on ${peer.origin}`)
  const existing = await deps.listings.byId(id)
  if (existing && existing.origin === peer.origin) {
    await deps.mirrors.remove(id)
    await deps.peers.update(peer.id, { 'sync.mirrored': await deps.listings.count({ origin: peer.origin }) })
  }
  return undefined
}

const HANDLERS: Record<string, Handler> = {
  Follow: follow,
  Accept: answer('Accept'),
  Reject: answer('Reject'),
  Undo: undo,
  Create: change,
  Update: change,
  Delete: remove
}

export function instanceInbox(deps: InstanceInboxDeps): InboxHandler {
  return async (inbound) => {
    const handler = HANDLERS[inbound.activity.type]
    return handler ? handler(inbound, deps) : undefined // other types: accepted, no effect
  }
}
