/**
 * Peering for operators (Bearer ADMIN_TOKEN): list peers in both directions
 * with their state and sync status, follow one by URL, answer its follow,
 * block it, unfollow it, and start a repair walk.
 */
import { Router } from 'express'
import type { Peering, PeerFailure } from '../../federation/peers/peering'
import type { PeerStore, Peer } from '../../federation/peers/peer-store'
import type { PeerSync } from '../../federation/peers/sync'
import type { DeliveryQueue, HostStatus } from '../../federation/delivery/queue'
import type { Result } from '../../directory/result'
import { sendProblem } from '../problem'
import { handle } from '../handle'

function peerJson(peer: Peer, deliveries: HostStatus | undefined): Record<string, unknown> {
  return { ...peer, deliveries: deliveries ?? { queued: 0, failing: 0, delivered: 0, dropped: 0 } }
}

export function peersApi(deps: { peering: Peering; peers: PeerStore; sync: PeerSync; queue: DeliveryQueue }): Router {
  const router = Router()
  const hostOf = (p: Peer) => new URL(p.origin).host
  const reply = async (res: import('express').Response, result: Result<Peer, PeerFailure>, status = 200) => {
    if (!result.ok) return sendProblem(res, { status: result.error.status, title: 'Peering failed', detail: result.error.reason })
    const byHost = await deps.queue.statusByHost()
    res.status(status).json(peerJson(result.value, byHost[hostOf(result.value)]))
  }

  router.get('/', handle(async (_req, res) => {
    const [peers, byHost] = await Promise.all([deps.peers.all(), deps.queue.statusByHost()])
    res.json({ items: peers.map((p) => peerJson(p, byHost[hostOf(p)])), total: peers.length })
  }))

  router.post('/', handle(async (req, res) => {
    const body = (req.body ?? {}) as { url?: unknown; policy?: unknown }
    if (typeof body.url !== 'string' || !body.url.trim()) {
      return sendProblem(res, { status: 422, title: 'Invalid peer', detail: 'url is required', errors: [{ field: 'url', message: 'is required' }] })
    }
    if (body.policy !== undefined && body.policy !== 'publish' && body.policy !== 'review') {
      return sendProblem(res, { status: 422, title: 'Invalid peer', detail: 'policy must be publish or review', errors: [{ field: 'policy', message: 'must be publish or review' }] })
    }
    await reply(res, await deps.peering.follow(body.url.trim(), (body.policy as Peer['policy'] | undefined) ?? 'publish'), 201)
  }))

  router.post('/:id/approve', handle(async (req, res) => reply(res, await deps.peering.approve(req.params.id as string))))
  router.post('/:id/reject', handle(async (req, res) => reply(res, await deps.peering.reject(req.params.id as string))))
  router.post('/:id/block', handle(async (req, res) => reply(res, await deps.peering.block(req.params.id as string))))
  router.delete('/:id', handle(async (req, res) => reply(res, await deps.peering.unfollow(req.params.id as string))))
  router.post('/:id/sync', handle(async (req, res) => {
    const peer = await deps.peers.byId(req.params.id as string)
    if (!peer) return sendProblem(res, { status: 404, title: 'Not found', detail: `no peer ${req.params.id}` })
    if (peer.outbound.state !== 'accepted') return sendProblem(res, { status: 409, title: 'Not following', detail: `this instance does not follow ${peer.origin}` })
    const report = await deps.sync.sync(peer, { full: req.query.full === 'true' })
    res.json(report)
  }))
  return router
}
