/**
 * Profiles of mirrored listings (`/profile?id=URL`), with their provenance.
 * Local listings' profiles are the HTML side of their actors (/orgs/SLUG).
 */
import { Router } from 'express'
import type { ListingStore } from '../../../directory/listing-store'
import { isPublished, isStale } from '../../../directory/listing'
import type { InstanceInfo } from '../../../federation/actor-mapping'
import { requestUi, type WebSettings } from '../ui'
import { profilePage } from './view'
import { handle } from '../../handle'
import { sendProblem } from '../../problem'

export interface ProfileDeps {
  listingStore: ListingStore
  instance: InstanceInfo
  web: WebSettings
}

export function profileRoutes(deps: ProfileDeps): Router {
  const router = Router()
  const { instance, web } = deps

  /** Any published listing kept here, mirrors included, with its provenance. */
  router.get('/profile', handle(async (req, res) => {
    const ui = requestUi(req, res)
    const id = typeof req.query.id === 'string' ? req.query.id : ''
    const listing = id ? await deps.listingStore.byId(id) : null
    if (!listing || !isPublished(listing)) return sendProblem(res, { status: 404, title: 'Not found', detail: `No listing ${id}` })
    if (listing.origin === instance.publicUrl) return res.redirect(303, `${instance.publicUrl}/orgs/${listing.slug}`)
    const stale = isStale({ origin: listing.origin, lastVerified: listing.provenance.lastVerified }, instance.publicUrl, Date.now())
    res.type('html').send(profilePage(listing, { ui, host: new URL(listing.origin).host, url: req.originalUrl, tileUrl: web.tileUrl, tileAttribution: web.tileAttribution, stale }))
  }))

  return router
}
