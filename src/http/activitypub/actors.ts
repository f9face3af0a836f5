/**
 * Local actors: the instance actor at /actor and each listing at /orgs/SLUG
 * (ActivityPub JSON or an HTML profile, by content negotiation), with their
 * collections served by apex. Inbox POSTs are not mounted here: they arrive
 * with the federation layer's own signature verification in front of apex.
 */
import { Router, type Request, type Response, type NextFunction } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { isPublished } from '../../directory/listing'
import type { ActorKeys } from '../../federation/keys'
import type { ApexBridge } from '../../federation/apex-bridge'
import { listingToActor, instanceActor, type InstanceInfo } from '../../federation/actor-mapping'
import { AP_CONTENT_TYPE } from '../../federation/context'
import { INSTANCE_ACTOR_NAME } from '../../federation/apex-routes'
import { wantsActivityJson } from '../negotiate'
import { profilePage } from '../site/profile/view'
import { requestUi } from '../site/ui'
import { failureToProblem, sendProblem } from '../problem'
import { handle } from '../handle'

export interface ActorRoutesDeps {
  listings: ListingService
  keys: ActorKeys
  bridge: ApexBridge
  instance: InstanceInfo
  federation: { listingFollowers: { count(listing: string): Promise<number> } }
  web: { tileUrl: string; tileAttribution: string }
}

const asApexActor = (name: (req: Request) => string) => (req: Request, _res: Response, next: NextFunction) => {
  req.params.actor = name(req)
  next()
}

export function actorRoutes({ listings, keys, bridge, instance, federation, web }: ActorRoutesDeps): Router {
  const router = Router()
  const apex = bridge.apex

  router.get('/actor', handle(async (req, res) => {
    const key = await keys.ensure(instance.id)
    res.set('Vary', 'Accept')
    if (!wantsActivityJson(req)) return res.redirect(303, `${instance.publicUrl}/`)
    res.type(AP_CONTENT_TYPE).send(JSON.stringify(instanceActor(instance, key)))
  }))

  router.get('/orgs/:slug', handle(async (req, res) => {
    const result = await listings.get(req.params.slug as string)
    res.set('Vary', 'Accept')
    if (!result.ok) return sendProblem(res, failureToProblem(result.error))
    const listing = result.value
    if (!isPublished(listing)) return sendProblem(res, { status: 404, title: 'Not found', detail: `No listing ${listing.slug}` })
    if (wantsActivityJson(req)) {
      const key = await keys.ensure(listing.id)
      return res.type(AP_CONTENT_TYPE).send(JSON.stringify(listingToActor(listing, key, instance.id)))
    }
    res.type('html').send(profilePage(listing, { ui: requestUi(req, res), host: instance.host, url: req.originalUrl, tileUrl: web.tileUrl, tileAttribution: web.tileAttribution, stale: false, editable: true }))
  }))

  const instanceName = asApexActor(() => INSTANCE_ACTOR_NAME)
  const listingName = asApexActor((req) => req.params.slug as string)
  for (const stream of ['outbox', 'followers', 'following'] as const) router.get(`/actor/${stream}`, instanceName, ...apex.net[stream].get)
  // apex would serve any actor's collections it knows of: only published listings have them.
  const publishedOnly = handle(async (req, res, next) => {
    const result = await listings.get(req.params.slug as string)
    if (!result.ok || !isPublished(result.value)) return sendProblem(res, { status: 404, title: 'Not found', detail: `No listing ${req.params.slug}` })
    next()
  })
  for (const stream of ['outbox', 'following'] as const) router.get(`/orgs/:slug/${stream}`, publishedOnly, listingName, ...apex.net[stream].get)

  // A listing's followers are Tejido's (see federation/listing-followers): counted, not listed.
  router.get('/orgs/:slug/followers', handle(async (req, res) => {
    const result = await listings.get(req.params.slug as string)
    if (!result.ok || !isPublished(result.value)) return sendProblem(res, { status: 404, title: 'Not found', detail: `No listing ${req.params.slug}` })
    const id = `${result.value.id}/followers`
    res.type(AP_CONTENT_TYPE).send(JSON.stringify({ '@context': 'https://www.w3.org/ns/activitystreams', id, type: 'OrderedCollection', totalItems: await federation.listingFollowers.count(result.value.id) }))
  }))
  return router
}
