/**
 * GET /essglobal/SLUG.jsonld: a published listing as one JSON-LD document
 * with ESSGLOBAL terms (exchange/jsonld.ts), linked from its profile; 410
 * once it is deleted or withdrawn, 404 for a listing that is not public
 * here (pending, or none) — as its Murmurations profile answers
 * (published-listing.ts).
 */
import { Router } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { handle } from '../handle'
import { publishedOrAnswer } from '../published-listing'
import { essglobalDocument } from '../../exchange/jsonld'

/** Where a listing's JSON-LD lives (the profile links it). */
export const essglobalPath = (slug: string): string => `/essglobal/${encodeURIComponent(slug)}.jsonld`

export function essglobalRoutes(listings: ListingService): Router {
  const router = Router()
  router.get('/essglobal/:slug.jsonld', handle(async (req, res) => {
    const listing = await publishedOrAnswer(listings, req.params.slug as string, res)
    if (listing) res.type('application/ld+json').set('Cache-Control', 'public, max-age=300').send(JSON.stringify(essglobalDocument(listing)))
  }))
  return router
}
