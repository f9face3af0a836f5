/**
 * createApp(deps): the Express app. It never listens, so tests drive it
 * directly; main.ts and the test harness decide where it runs.
 */
import express, { type Express, type RequestHandler, type Router } from 'express'
import path from 'node:path'
import type { Logger } from 'pino'
import type { ListingService } from './directory/listing-service'
import type { ActorKeys } from './federation/keys'
import type { ApexBridge } from './federation/apex-bridge'
import type { InstanceInfo } from './federation/actor-mapping'
import { servicesDocument } from './directory/vocabulary'
import { listingsApi } from './http/api/listings'
import { demoApi } from './http/api/demo'
import { actorRoutes } from './http/activitypub/actors'
import { directoryRoutes } from './http/activitypub/directory'
import { searchRoutes } from './http/api/search'
import type { SearchIndex } from './search/search-index'
import type { Gazetteer } from './search/places/gazetteer'
import { sharedGazetteer } from './search/places/shared'
import { placesRoutes } from './http/api/places'
import type { ListingStore } from './directory/listing-store'
import { wellKnownRoutes } from './http/activitypub/well-known'
import { operationsRoutes, type Metrics } from './http/api/operations'
import { requireOperator } from './http/auth'
import { problemHandler, notFound } from './http/problem'
import { mapRoutes } from './http/site/map/routes'
import { profileRoutes } from './http/site/profile/routes'
import { vendorAssets } from './http/site/vendor'
import type { WebSettings } from './http/site/ui'
import { joinRoutes } from './http/site/join/routes'
import type { LogoCheck } from './http/site/form/logo'
import { murmurationsRoutes } from './http/murmurations/routes'
import { essglobalRoutes } from './http/essglobal/routes'
import { exportRoutes } from './http/api/export'
import { importRoutes } from './http/api/import'
import { createGeocoder } from './exchange/geocode'
import type { JoinConfirm } from './http/site/join/confirm'
import type { PendingLimits } from './http/site/join/limits'
import { editorRoutes } from './http/site/editors/routes'
import { accountRoutes } from './http/site/editors/account'
import type { AccountMail } from './http/site/editors/account-mail'
import { operatorRoutes, type OperatorDeps } from './http/site/operators/routes'
import type { EditorAccounts } from './directory/editor-accounts'
import type { Sessions } from './http/site/session'
import type { HeldChanges } from './directory/held-changes'
import { heldChangesApi } from './http/api/held-changes'

export interface AppDeps {
  listings: ListingService
  listingStore: ListingStore
  search: SearchIndex
  keys: ActorKeys
  bridge: ApexBridge
  instance: InstanceInfo
  adminToken: string | undefined
  logger: Logger
  metrics: Metrics
  version: string
  ready: () => Promise<void>
  federation: { inbox: RequestHandler[]; listingInbox: RequestHandler[]; peersRouter: Router; listingFollowers: { count(listing: string): Promise<number> } } & OperatorDeps['federation']
  web: WebSettings
  accounts: EditorAccounts
  sessions: Sessions
  /** With mail (SMTP_URL): editors reset a forgotten password and change their address by mailed links. */
  editorMail?: AccountMail | undefined
  settings: OperatorDeps['settings']
  http: {
    /** PUBLIC_URL is https: HSTS, Secure cookies. */
    secure: boolean
    trustProxy: number | readonly string[]
    metricsToken: string | undefined
  }
  /** MAX_PENDING_LISTINGS and MAX_PENDING_PER_CLIENT: how many applications may wait for review. */
  pendingLimits: PendingLimits
  /** Places for the search page's "near" field; default, the process's shared gazetteer. */
  places?: Gazetteer
  /** With mail (SMTP_URL): join applications wait for their address to be confirmed. */
  confirm?: JoinConfirm
  /** Fetches the logo a form sets (guarded like federation), keeping only images of bounded size; none: the schema's check only. */
  logoCheck?: LogoCheck
  /** Editors' changes of approved listings held for review (REVIEW_CHANGES). */
  heldChanges: HeldChanges
  /** The Murmurations bridge's state for the operator (MURMURATIONS_*). */
  murmurations?: OperatorDeps['murmurations']
}

/** Bodies are capped before parsing (DESIGN: Security). */
const BODY_LIMIT = '1mb'

export function createApp(deps: AppDeps): Express {
  const app = express()
  const places = deps.places ?? sharedGazetteer()
  app.disable('x-powered-by')
  // Which proxies' X-Forwarded-For/-Proto to believe (TRUST_PROXY); req.ip is the client behind them.
  app.set('trust proxy', typeof deps.http.trustProxy === 'number' ? deps.http.trustProxy : [...deps.http.trustProxy])
  // The forms' CSRF helpers find the sessions here (see http/web/session.ts).
  app.locals.sessions = deps.sessions
  app.use(deps.metrics.observe)
  // Images: our own, data: URLs (Leaflet's) and the map tiles' origin; scripts only from files here.
  const tiles = new URL(deps.web.tileUrl.replace(/\{[a-z]\}/g, '0')).origin
  const csp = `default-src 'self'; img-src 'self' data: ${tiles}; style-src 'self'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`
  app.use((_req, res, next) => {
    res.set('X-Content-Type-Options', 'nosniff')
    res.set('Referrer-Policy', 'same-origin')
    res.set('Content-Security-Policy', csp)
    // An https instance is https only: browsers must never try it over http.
    if (deps.http.secure) res.set('Strict-Transport-Security', 'max-age=31536000')
    next()
  })
  app.use(deps.bridge.apex)

  app.use(operationsRoutes(deps.metrics, deps.ready, deps.http.metricsToken))
  app.use('/static', express.static(path.join(__dirname, '..', 'web', 'static'), { maxAge: '1h' }))
  app.use('/static/vendor', vendorAssets())
  app.use(wellKnownRoutes(deps.listings, deps.instance, deps.version))
  app.post('/actor/inbox', ...deps.federation.inbox)
  app.post('/orgs/:slug/inbox', ...deps.federation.listingInbox)
  app.use(actorRoutes(deps))
  app.use(directoryRoutes(deps.listingStore, deps.keys, deps.instance.publicUrl, deps.instance.id))
  app.use(murmurationsRoutes(deps.listings))
  app.use(essglobalRoutes(deps.listings))

  // The import takes a whole file as its body, before the API's small JSON parser.
  app.use('/api/import', requireOperator(deps.adminToken), importRoutes(deps.listings, createGeocoder(places)))
  const api = express.Router()
  api.use(express.json({ limit: BODY_LIMIT, type: ['application/json', 'application/merge-patch+json'] }))
  api.get('/vocabulary/services', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600').json(servicesDocument())
  })
  api.use(searchRoutes(deps.search))
  api.use(placesRoutes(places))
  api.use(exportRoutes(deps))
  api.use('/listings', requireOperator(deps.adminToken), heldChangesApi(deps.heldChanges), listingsApi(deps.listings))
  api.use('/peers', requireOperator(deps.adminToken), deps.federation.peersRouter)
  api.use('/demo', requireOperator(deps.adminToken), demoApi(deps.listings, deps.instance.publicUrl))
  app.use('/api', api)

  app.use(mapRoutes({ ...deps, places }))
  app.use(profileRoutes(deps))
  app.use(joinRoutes(deps))
  app.use(operatorRoutes(deps))
  app.use(editorRoutes(deps))
  app.use(accountRoutes({ ...deps, publicUrl: deps.instance.publicUrl, instanceName: deps.instance.name, mail: deps.editorMail }))

  app.use(notFound)
  app.use(problemHandler(deps.logger))
  return app
}
