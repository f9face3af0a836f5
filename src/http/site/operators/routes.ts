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
import type { PeerSync } from '../../../federation/peers/sync'
import type { InstanceInfo } from '../../../federation/actor-mapping'
import { signInPage, settingsPage, csrfField, type OperatorContext, type SettingsView } from './view'
import { demoRoutes, demoSection } from './demo'
import { queueRoutes, type QueueDeps } from './queue'
import { listingPageRoutes } from './listings'
import { peerPageRoutes } from './peers'
import { importPageRoutes } from './import'
import { murmurationsPageRoutes, type MurmurationsPageSource } from './murmurations'
import { countWaiting } from './waiting'
import type { WebSettings } from '../ui'
import type { LogoCheck } from '../form/logo'
import { csrfToken, csrfValid, type Sessions } from '../session'
import { signInLimiter } from '../sign-in-limit'
import { sameSecret } from '../../auth'
import { requestUi } from '../ui'
import { handle } from '../../handle'

/** What the operator pages need; each page has its API twin. */
export interface OperatorDeps {
  listings: ListingService
  /** Editors' changes of approved listings held for review: the queue shows them, the navigation counts them. */
  heldChanges: QueueDeps['heldChanges']
  federation: { peers: PeerStore; peering: Peering; queue: DeliveryQueue; sync: Pick<PeerSync, 'sync'> }
  sessions: Sessions
  adminToken: string | undefined
  instance: InstanceInfo
  web: WebSettings
  settings: Omit<SettingsView, 'name' | 'publicUrl'>
  /** Fetches the logo an operator's edit sets (form/logo.ts). */
  logoCheck?: LogoCheck
  /** The Murmurations index's answers per listing and the mirrored index's last walk (MURMURATIONS_*). */
  murmurations?: MurmurationsPageSource
}

/** What every operator page shares: its context, the session check, the CSRF check and the form parser. */
export interface Guards {
  ctx(req: Request, res: Response): OperatorContext
  signedIn: RequestHandler
  posted: RequestHandler
  form: RequestHandler
}

function guards(deps: OperatorDeps): Guards {
  const ctx = (req: Request, res: Response): OperatorContext => ({
    ui: requestUi(req, res), url: req.originalUrl, csrf: csrfToken(req, res),
    ...(res.locals.operatorWaiting ? { waiting: res.locals.operatorWaiting as OperatorContext['waiting'] } : {})
  })
  const sources = { listings: deps.listings, peers: deps.federation.peers, heldChanges: () => deps.heldChanges.countWaiting() }
  const signedIn = handle(async (req: Request, res: Response, next: NextFunction) => {
    if (!(await deps.sessions.isOperator(req))) return res.redirect(303, '/operators')
    res.set('Cache-Control', 'no-store')
    // a page shows in its navigation what waits; an action redirects, so it need not count
    if (req.method === 'GET') res.locals.operatorWaiting = await countWaiting(sources)
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

/** The moderation queue and its answers (queue.ts). */
function listingRoutes(router: Router, deps: OperatorDeps, { ctx, signedIn, form }: Guards): void {
  queueRoutes(router, deps, { ctx, signedIn, form })
}

export function operatorRoutes(deps: OperatorDeps): Router {
  const router = Router()
  const shared = guards(deps)
  signInRoutes(router, deps, shared)
  listingRoutes(router, deps, shared)
  listingPageRoutes(router, { listings: deps.listings, web: deps.web, ...(deps.logoCheck ? { logoCheck: deps.logoCheck } : {}), demo: (ctx, query) => demoSection(ctx.ui, csrfField(ctx), query) }, shared)
  peerPageRoutes(router, deps.federation, shared)
  importPageRoutes(router, deps.listings, shared)
  murmurationsPageRoutes(router, deps.murmurations, shared)
  demoRoutes(router, deps.listings, deps.instance.publicUrl, [shared.signedIn, shared.form, shared.posted])
  router.get('/operators/settings', shared.signedIn, (req, res) => {
    res.type('html').send(settingsPage(shared.ctx(req, res), { name: deps.instance.name, publicUrl: deps.instance.publicUrl, ...deps.settings }))
  })
  return router
}
