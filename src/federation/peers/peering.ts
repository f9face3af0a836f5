/**
 * Peering between instances: following others (our instance actor sends
 * Follow), answering their follows (operator approval, or an auto-approve
 * list), blocking, unfollowing. Mirrors of a peer exist only while we follow
 * it and it is not blocked.
 */
import type { Logger } from 'pino'
import type { DeliveryQueue } from '../delivery/queue'
import type { MirrorService } from '../../directory/mirror-service'
import type { ActivityFactory } from '../activities'
import { discoverInstanceActor, actorFromDocument } from './discover'
import { fetchActivityJson, type FetchPolicy, type RequestSigner } from '../net/safe-fetch'
import type { PeerStore, Peer } from './peer-store'
import { ok, err, type Result } from '../../directory/result'

export interface PeeringDeps {
  peers: PeerStore
  queue: DeliveryQueue
  mirrors: MirrorService
  activities: ActivityFactory
  instanceActorId: string
  policy: FetchPolicy
  signedFetch: () => Promise<RequestSigner>
  autoApprove: readonly string[]
  /** Called when a follow of ours is accepted, to backfill. */
  onAccepted: (peer: Peer) => void
  logger: Logger
}

export type PeerFailure = { status: 400 | 404 | 409 | 502; reason: string }

export class Peering {
  private readonly requestListeners = new Set<(peer: Peer) => void>()

  constructor(private readonly deps: PeeringDeps) {}

  /** Hears of each follow request left waiting for the operator (not auto-approved, not blocked); returns the unsubscribe. */
  onFollowRequest(listener: (peer: Peer) => void): () => void {
    this.requestListeners.add(listener)
    return () => this.requestListeners.delete(listener)
  }

  /** POST /api/peers: follow the instance found at `url`. */
  async follow(url: string, policy: Peer['policy'] = 'publish'): Promise<Result<Peer, PeerFailure>> {
    const found = await discoverInstanceActor(url, this.deps.policy, await this.deps.signedFetch())
    if (!found.ok) return err({ status: 502, reason: found.error })
    if (found.value.actorId === this.deps.instanceActorId) return err({ status: 400, reason: 'that is this instance' })
    const peer = await this.deps.peers.upsert(found.value, policy)
    if (peer.blocked) return err({ status: 409, reason: `${peer.origin} is blocked; unblock it first` })
    const follow = this.deps.activities.follow(this.deps.instanceActorId, peer.actorId)
    const updated = await this.deps.peers.update(peer.id, { policy, outbound: { state: 'pending', followId: follow.id, since: new Date() } })
    await this.deps.queue.enqueue(this.deps.instanceActorId, follow, [peer.inbox])
    return ok(updated as Peer)
  }

  /** DELETE /api/peers/:id: stop following; their mirrors go. */
  async unfollow(id: string): Promise<Result<Peer, PeerFailure>> {
    const peer = await this.deps.peers.byId(id)
    if (!peer) return err({ status: 404, reason: `no peer ${id}` })
    if (peer.outbound.followId && peer.outbound.state !== 'none') {
      await this.deps.queue.enqueue(this.deps.instanceActorId, this.deps.activities.undo(this.deps.instanceActorId, { id: peer.outbound.followId, object: peer.actorId }), [peer.inbox])
    }
    await this.deps.mirrors.removeOrigin(peer.origin)
    return ok((await this.deps.peers.update(id, { outbound: { state: 'none' }, 'sync.mirrored': 0 })) as Peer)
  }

  async approve(id: string): Promise<Result<Peer, PeerFailure>> {
    return this.answer(id, 'approved')
  }

  async reject(id: string): Promise<Result<Peer, PeerFailure>> {
    return this.answer(id, 'rejected')
  }

  /** Refuses the peer in both directions and removes its mirrors. */
  async block(id: string): Promise<Result<Peer, PeerFailure>> {
    const peer = await this.deps.peers.byId(id)
    if (!peer) return err({ status: 404, reason: `no peer ${id}` })
    if (peer.inbound.followId && peer.inbound.state !== 'rejected' && peer.inbound.state !== 'none') await this.send('Reject', peer, peer.inbound.followId)
    if (peer.outbound.followId && peer.outbound.state !== 'none') {
      await this.deps.queue.enqueue(this.deps.instanceActorId, this.deps.activities.undo(this.deps.instanceActorId, { id: peer.outbound.followId, object: peer.actorId }), [peer.inbox])
    }
    await this.deps.mirrors.removeOrigin(peer.origin)
    return ok((await this.deps.peers.update(id, { blocked: true, inbound: { ...peer.inbound, state: 'rejected' }, outbound: { state: 'none' }, 'sync.mirrored': 0 })) as Peer)
  }

  private async answer(id: string, state: 'approved' | 'rejected'): Promise<Result<Peer, PeerFailure>> {
    const peer = await this.deps.peers.byId(id)
    if (!peer) return err({ status: 404, reason: `no peer ${id}` })
    if (!peer.inbound.followId) return err({ status: 409, reason: `${peer.origin} has not asked to follow this instance` })
    if (state === 'approved' && peer.blocked) return err({ status: 409, reason: `${peer.origin} is blocked` })
    await this.send(state === 'approved' ? 'Accept' : 'Reject', peer, peer.inbound.followId)
    return ok((await this.deps.peers.update(id, { inbound: { ...peer.inbound, state, since: new Date() } })) as Peer)
  }

  private async send(type: 'Accept' | 'Reject', peer: Peer, followId: string): Promise<void> {
    const activity = this.deps.activities.answer(type, this.deps.instanceActorId, { id: followId, actor: peer.actorId, object: this.deps.instanceActorId })
    await this.deps.queue.enqueue(this.deps.instanceActorId, activity, [peer.inbox])
  }

  // ---- inbound ----------------------------------------------------------------

  /** A Follow of our instance actor: a peer asks for our listings. */
  async onFollow(actorId: string, followId: string): Promise<Result<void, PeerFailure>> {
    const fetched = await fetchActivityJson(actorId, this.deps.policy, await this.deps.signedFetch())
    if (!fetched.ok) return err({ status: 400, reason: `could not fetch the follower ${actorId}` })
    const actor = actorFromDocument(fetched.value.document)
    if (!actor.ok) return err({ status: 400, reason: actor.error })
    const peer = await this.deps.peers.upsert(actor.value)
    if (peer.blocked) {
      await this.send('Reject', peer, followId)
      return ok(undefined)
    }
    const auto = this.deps.autoApprove.includes(new URL(peer.origin).host.toLowerCase())
    const waiting = await this.deps.peers.update(peer.id, { inbound: { state: auto ? 'approved' : 'pending', followId, since: new Date() } })
    if (auto) await this.send('Accept', peer, followId)
    else if (waiting) this.tellRequest(waiting)
    this.deps.logger.info({ peer: peer.origin, auto }, 'follow request received')
    return ok(undefined)
  }

  /** A listener that fails must not fail the follow that was already stored. */
  private tellRequest(peer: Peer): void {
    for (const listener of this.requestListeners) {
      try {
        listener(peer)
      } catch (e) {
        this.deps.logger.error({ err: e, peer: peer.origin }, 'follow request listener failed')
      }
    }
  }

  /** Accept or Reject of one of our follows. */
  async onAnswer(type: 'Accept' | 'Reject', actorId: string, followId: string): Promise<Result<void, PeerFailure>> {
    const peer = await this.deps.peers.byFollowId(followId)
    if (!peer || peer.actorId !== actorId) return err({ status: 400, reason: 'that follow is not ours to this actor' })
    if (type === 'Reject') {
      await this.deps.mirrors.removeOrigin(peer.origin)
      await this.deps.peers.update(peer.id, { outbound: { ...peer.outbound, state: 'rejected' }, 'sync.mirrored': 0 })
      return ok(undefined)
    }
    const updated = await this.deps.peers.update(peer.id, { outbound: { ...peer.outbound, state: 'accepted', since: new Date() } })
    if (updated) this.deps.onAccepted(updated)
    return ok(undefined)
  }

  /** Undo of a Follow of us. */
  async onUndoFollow(actorId: string, followId: string): Promise<Result<void, PeerFailure>> {
    const peer = (await this.deps.peers.all()).find((p) => p.actorId === actorId)
    if (peer && peer.inbound.followId === followId) await this.deps.peers.update(peer.id, { inbound: { state: 'none' } })
    return ok(undefined)
  }
}
