/**
 * The peers page's actions, each a POST answered with a redirect (303)
 * back to the page with what happened as a key (`?done=`, `?error=`), so a
 * reload never sends it again, errors included. The API twins are in
 * http/api/peers.ts; "sync now" starts the same walk as POST /api/peers/:id/sync.
 */
import type { Request, Response, Router } from 'express'
import type { Peering, PeerFailure } from '../../../federation/peers/peering'
import type { PeerStore, Peer } from '../../../federation/peers/peer-store'
import type { PeerSync } from '../../../federation/peers/sync'
import type { DeliveryQueue } from '../../../federation/delivery/queue'
import type { Result } from '../../../directory/result'
import { handle } from '../../handle'
import { withOutcome } from './outcome'
import { peersPage, peerConfirmPage, hostOf, CONFIRMED_VERBS, type ConfirmedVerb } from './peers-view'
import type { Guards } from './routes'

export interface PeerPagesDeps {
  peers: PeerStore
  peering: Peering
  queue: DeliveryQueue
  sync: Pick<PeerSync, 'sync'>
  now?: () => Date
}

const HERE = '/operators/peers'
const MAX_URL = 500

const policyOf = (raw: unknown): Peer['policy'] => (raw === 'review' ? 'review' : 'publish')

/** Which translated message a refusal of Peering is told with, by what was asked. */
function errorKey(asked: 'follow' | 'answer', failure: PeerFailure): string {
  if (failure.status === 404) return 'notFound'
  if (asked === 'follow') return failure.status === 400 ? 'self' : failure.status === 409 ? 'isBlocked' : 'unreachable'
  return failure.status === 409 ? 'notAsked' : 'notFound'
}

const back = (res: Response, values: Record<string, string>) => res.redirect(303, withOutcome(HERE, values))

/** Back to the page, saying what an answer to a peer did. */
function answered(res: Response, result: Result<Peer, PeerFailure>, done: string): void {
  if (result.ok) back(res, { done })
  else back(res, { error: errorKey('answer', result.error) })
}

export function peerPageRoutes(router: Router, deps: PeerPagesDeps, g: Guards): void {
  const now = deps.now ?? (() => new Date())
  router.get(HERE, g.signedIn, handle(async (req, res) => {
    const [peers, byHost] = await Promise.all([deps.peers.all(), deps.queue.statusByHost()])
    res.type('html').send(peersPage(g.ctx(req, res), peers.map((peer) => ({ peer, ...(byHost[hostOf(peer)] ? { deliveries: byHost[hostOf(peer)] } : {}) })), req.query, now()))
  }))

  router.post(HERE, g.signedIn, g.form, g.posted, handle(async (req, res) => {
    const body = req.body as Record<string, unknown>
    const url = typeof body.url === 'string' ? body.url.trim().slice(0, MAX_URL) : ''
    if (!url) return back(res, { error: 'urlMissing' })
    const followed = await deps.peering.follow(url, policyOf(body.policy))
    if (!followed.ok) return back(res, { error: errorKey('follow', followed.error), url })
    back(res, { done: 'followed' })
  }))

  router.post(`${HERE}/:id/approve`, g.signedIn, g.form, g.posted, handle(async (req, res) => answered(res, await deps.peering.approve(req.params.id as string), 'approved')))

  // follow back (or again): the peer's own actor, with the policy chosen beside the button
  router.post(`${HERE}/:id/follow`, g.signedIn, g.form, g.posted, handle(async (req, res) => {
    const peer = await deps.peers.byId(req.params.id as string)
    if (!peer) return back(res, { error: 'notFound' })
    const followed = await deps.peering.follow(peer.actorId, policyOf((req.body as Record<string, unknown>).policy))
    if (followed.ok) back(res, { done: 'followed' })
    else back(res, { error: errorKey('follow', followed.error) })
  }))

  router.post(`${HERE}/:id/sync`, g.signedIn, g.form, g.posted, handle(async (req, res) => {
    const peer = await deps.peers.byId(req.params.id as string)
    if (!peer) return back(res, { error: 'notFound' })
    if (peer.outbound.state !== 'accepted' || peer.blocked) return back(res, { error: 'notFollowing' })
    // a whole walk can take a while: it runs on, and the page shows its outcome (last sync, last error) once done
    void deps.sync.sync(peer, { full: true }).catch(() => undefined)
    back(res, { done: 'syncStarted' })
  }))

  confirmedRoutes(router, deps, g)
}

/** Unfollow, Reject and Block: a page that asks, and the POST that does it only when sent from there. */
function confirmedRoutes(router: Router, deps: PeerPagesDeps, g: Guards): void {
  const run: Record<ConfirmedVerb, (id: string) => Promise<Result<Peer, PeerFailure>>> = {
    unfollow: (id) => deps.peering.unfollow(id),
    reject: (id) => deps.peering.reject(id),
    block: (id) => deps.peering.block(id)
  }
  const done: Record<ConfirmedVerb, string> = { unfollow: 'unfollowed', reject: 'rejected', block: 'blocked' }
  const confirmPath = (id: string, verb: ConfirmedVerb) => `${HERE}/${encodeURIComponent(id)}/confirm/${verb}`
  const verbOf = (req: Request): ConfirmedVerb | undefined => CONFIRMED_VERBS.find((v) => v === req.params.verb)

  router.get(`${HERE}/:id/confirm/:verb`, g.signedIn, handle(async (req, res) => {
    const verb = verbOf(req)
    const peer = verb ? await deps.peers.byId(req.params.id as string) : null
    if (!verb || !peer) return back(res, { error: 'notFound' })
    res.type('html').send(peerConfirmPage(g.ctx(req, res), peer, verb, req.query))
  }))
  for (const verb of CONFIRMED_VERBS) {
    router.post(`${HERE}/:id/${verb}`, g.signedIn, g.form, g.posted, handle(async (req, res) => {
      const id = req.params.id as string
      if ((req.body as Record<string, unknown>).confirm !== 'yes') return res.redirect(303, withOutcome(confirmPath(id, verb), { error: 'unconfirmed' }))
      answered(res, await run[verb](id), done[verb])
    }))
  }
}
