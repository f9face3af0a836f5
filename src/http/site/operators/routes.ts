/**
 * /operators: the operator signs in with ADMIN_TOKEN (five failures a
 * minute per client, see sign-in-limit) and gets a session; every page and action checks it, every action
 * is a POST with the CSRF token, and each one has its API twin
 * (/api/listings/:slug/approve, /api/peers, ...).
 */
import express, { Router, type Request, type Response, type NextFunction, type RequestHandler } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import type { PeerStore } from '../../../federation/peers/peer-store'
import type { Peering } from '../../../federation/peers/peering'
import type { DeliveryQueue } from '../../../federation/delivery/queue'
import type { InstanceInfo } from '../../../federation/actor-mapping'
import { signInPage, listingsPage, peersPage, settingsPage, csrfField, type OperatorContext } from './view'
import { demoRoutes, demoSection } from './demo'
import { queueRoutes, type QueueDeps } from './queue'
import { csrfToken, csrfValid, type Sessions } from '../session'
import { signInLimiter } from '../sign-in-limit'
import { sameSecret } from '../../auth'
import { requestUi } from '../ui'
import { handle } from '../../handle'

/** What the operator pages need; each page has its API twin. */
export interface OperatorDeps {
  listings: ListingService
  heldChanges: QueueDeps['heldChanges']
  web: QueueDeps['web']
  federation: { peers: PeerStore; peering: Peering; queue: DeliveryQueue }
  sessions: Sessions
  adminToken: string | undefined
  instance: InstanceInfo
  settings: { autoApprove: readonly string[]; repairIntervalMs: number; tileUrl: string; mail?: { from: string; server: string } }
}

/** What every operator page shares: its context, the session check, the CSRF check and the form parser. */
interface Guards {
  ctx(req: Request, res: Response): OperatorContext
  signedIn: RequestHandler
  posted: RequestHandler
  form: RequestHandler
}

function guards(deps: OperatorDeps): Guards {
  const ctx = (req: Request, res: Response): OperatorContext => ({ ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res) })
  const signedIn = handle(async (req: Request, res: Response, next: NextFunction) => {
    if (!(await deps.sessions.isOperator(req))) return res.redirect(303, '/operators')
    res.set('Cache-Control', 'no-store')
    next()
  })
  const posted = (req: Request, res: Response, next: NextFunction) => {
    if (!csrfValid(req)) return res.status(403).type('html').send(signInPage(ctx(req, res), 'error.csrf'))
    next()
  }
  return { ctx, signedIn, posted, form: express.urlencoded({ extended: false, limit: '20kb', parameterLimit: 50 }) }
}

function signInRoutes(router: Router, deps: OperatorDeps, { ctx, posted, form }: Guards): void {
  router.get('/operators', handle(async (req, res) => {
    if (await deps.sessions.isOperator(req)) return res.redirect(303, '/operators/queue')
    res.type('html').send(signInPage(ctx(req, res), undefined, !deps.adminToken))
  }))

  const limited = signInLimiter((req, res) => res.type('html').send(signInPage(ctx(req, res), 'op.tooMany')))
  router.post('/operators/sign-in', limited, form, posted, handle(async (req, res) => {
    if (!deps.adminToken) return res.status(404).type('html').send(signInPage(ctx(req, res), undefined, true))
    const token = (req.body as Record<string, unknown>).token
    if (typeof token !== 'string' || !sameSecret(token, deps.adminToken)) {
      return res.status(401).type('html').send(signInPage(ctx(req, res), 'op.badToken'))
    }
    await deps.sessions.start(req, res)
    res.redirect(303, '/operators/queue')
  }))

  router.post('/operators/sign-out', form, posted, handle(async (req, res) => {
    await deps.sessions.end(req, res)
    res.redirect(303, '/operators')
  }))
}

function listingRoutes(router: Router, deps: OperatorDeps, { ctx, signedIn, form }: Guards): void {
  queueRoutes(router, deps, { ctx, signedIn, form })

  router.get('/operators/listings', signedIn, handle(async (req, res) => {
    const page = Math.max(1, Number(req.query.page) || 1)
    const result = await deps.listings.list({ page, perPage: 100 })
    const context = ctx(req, res)
    res.type('html').send(listingsPage(context, result.items, result.total, demoSection(context.ui, csrfField(context), req.query)))
  }))
}

function peerRoutes(router: Router, { federation }: OperatorDeps, { ctx, signedIn, posted, form }: Guards): void {
  const showPeers = async (req: Request, res: Response, error?: string, status = 200) => {
    const [peers, byHost] = await Promise.all([federation.peers.all(), federation.queue.statusByHost()])
    res.status(status).type('html').send(peersPage(ctx(req, res), peers.map((peer) => ({ peer, deliveries: byHost[new URL(peer.origin).host] })), error))
  }
  router.get('/operators/peers', signedIn, handle(async (req, res) => showPeers(req, res)))
  router.post('/operators/peers', signedIn, form, posted, handle(async (req, res) => {
    const url = (req.body as Record<string, unknown>).url
    if (typeof url !== 'string' || !url.trim()) return showPeers(req, res, 'url: is required', 422)
    const result = await federation.peering.follow(url.trim())
    if (!result.ok) return showPeers(req, res, result.error.reason, result.error.status)
    res.redirect(303, '/operators/peers')
  }))
  for (const verb of ['approve', 'reject', 'block'] as const) {
    router.post(`/operators/peers/:id/${verb}`, signedIn, form, posted, handle(async (req, res) => {
      const result = await federation.peering[verb](req.params.id as string)
      if (!result.ok) return showPeers(req, res, result.error.reason, result.error.status)
      res.redirect(303, '/operators/peers')
    }))
  }
}

export function operatorRoutes(deps: OperatorDeps): Router {
  const router = Router()
  const shared = guards(deps)
  signInRoutes(router, deps, shared)
  listingRoutes(router, deps, shared)
  peerRoutes(router, deps, shared)
  demoRoutes(router, deps.listings, deps.instance.publicUrl, [shared.signedIn, shared.form, shared.posted])
  router.get('/operators/settings', shared.signedIn, (req, res) => {
    res.type('html').send(settingsPage(shared.ctx(req, res), { name: deps.instance.name, publicUrl: deps.instance.publicUrl, ...deps.settings }))
  })
  return router
}
