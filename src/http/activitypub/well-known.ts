/**
 * Discovery: WebFinger for listings (acct:SLUG@HOST) and the instance actor
 * (acct:HOST@HOST and the site URL, FEP-d556); NodeInfo 2.0/2.1 linking the
 * instance actor (FEP-2677); the Tejido JSON-LD context.
 */
import { Router } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { isPublished, PUBLISHED } from '../../directory/listing'
import type { InstanceInfo } from '../../federation/actor-mapping'
import { contextDocument } from '../../federation/context'
import { handle } from '../handle'
import { sendProblem } from '../problem'

const JRD = 'application/jrd+json; charset=utf-8'

/** What a WebFinger resource names here: the instance actor (answered under the subject asked for) or a listing by slug. */
type WebfingerTarget = { subject: string } | { slug: string }

function webfingerTarget(resource: string, instance: InstanceInfo): WebfingerTarget | undefined {
  const host = instance.host.toLowerCase()
  const acct = /^acct:@?([^@]+)@(.+)$/i.exec(resource)
  if (acct) {
    const [, user, domain] = acct as unknown as [string, string, string]
    if (domain.toLowerCase() !== host) return undefined
    return user.toLowerCase() === host ? { subject: `acct:${instance.host}@${instance.host}` } : { slug: user.toLowerCase() }
  }
  const url = resource.replace(/\/$/, '')
  if (url === instance.publicUrl || url === instance.id) return { subject: resource }
  const m = new RegExp(`^${instance.publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/orgs/([a-z0-9-]+)$`).exec(url)
  return m ? { slug: m[1] as string } : undefined
}

/** A JRD naming an actor and, when it has one, its HTML profile page. */
const jrd = (subject: string, href: string, profile?: string) => ({
  subject,
  aliases: [href],
  links: [
    { rel: 'self', type: 'application/activity+json', href },
    ...(profile ? [{ rel: 'http://webfinger.net/rel/profile-page', type: 'text/html', href: profile }] : [])
  ]
})

function webfingerRoute(router: Router, listings: ListingService, instance: InstanceInfo): void {
  router.get('/.well-known/webfinger', handle(async (req, res) => {
    const resource = req.query.resource
    if (typeof resource !== 'string' || !resource) {
      return sendProblem(res, { status: 400, title: 'Bad request', detail: 'resource must be acct:NAME@HOST or a URL of this instance' })
    }
    res.set('Access-Control-Allow-Origin', '*')
    const notHere = () => sendProblem(res, { status: 404, title: 'Not found', detail: `${resource} is not on this instance` })
    const target = webfingerTarget(resource, instance)
    if (!target) return notHere()
    if ('subject' in target) return res.type(JRD).send(JSON.stringify(jrd(target.subject, instance.id, instance.publicUrl)))
    const found = await listings.get(target.slug)
    if (!found.ok || !isPublished(found.value)) return notHere()
    const listing = found.value
    res.type(JRD).send(JSON.stringify(jrd(`acct:${listing.slug}@${instance.host}`, listing.id, listing.id)))
  }))
}

function nodeInfoRoutes(router: Router, listings: ListingService, instance: InstanceInfo, version: string): void {
  router.get('/.well-known/nodeinfo', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json({
      links: [
        { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${instance.publicUrl}/nodeinfo/2.1` },
        { rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${instance.publicUrl}/nodeinfo/2.0` },
        { rel: 'https://www.w3.org/ns/activitystreams#Application', href: instance.id }
      ]
    })
  })

  router.get('/nodeinfo/:schema', handle(async (req, res) => {
    const schema = req.params.schema
    if (schema !== '2.0' && schema !== '2.1') return sendProblem(res, { status: 404, title: 'Not found', detail: 'NodeInfo 2.0 and 2.1 are served' })
    const local = await listings.list({ origin: listings.origin, moderation: PUBLISHED, page: 1, perPage: 1 })
    const software = { name: 'tejido', version, ...(schema === '2.1' ? { homepage: 'https://tejido.coop' } : {}) }
    res.set('Access-Control-Allow-Origin', '*')
      .type(`application/json; profile="http://nodeinfo.diaspora.software/ns/schema/${schema}#"`)
      .send(JSON.stringify({
        version: schema,
        software,
        protocols: ['activitypub'],
        services: { inbound: [], outbound: [] },
        openRegistrations: false,
        usage: { users: { total: local.total } },
        metadata: { nodeName: instance.name, instanceActor: instance.id, directory: `${instance.publicUrl}/directory` }
      }))
  }))
}

export function wellKnownRoutes(listings: ListingService, instance: InstanceInfo, version: string): Router {
  const router = Router()
  webfingerRoute(router, listings, instance)
  nodeInfoRoutes(router, listings, instance, version)
  router.get('/ns/tejido/v1', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').type('application/ld+json').send(JSON.stringify(contextDocument()))
  })
  return router
}
