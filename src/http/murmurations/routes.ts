/**
 * GET /murmurations/SLUG.json: a published local listing's Murmurations
 * profile (profile.ts), answered directly (the index follows no redirect);
 * 410 once the listing is deleted or withdrawn, so the index drops the
 * node; 404 for a listing that is not public here (pending, or none)
 * (published-listing.ts). Caches must ask again each time (`no-cache`):
 * before it deletes a node the index fetches the profile, and a cached 200
 * would make it refuse ("Profile Still Exists").
 */
import { Router } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { handle } from '../handle'
import { publishedOrAnswer } from '../published-listing'
import { murmurationsProfile } from '../../exchange/murmurations-profile'

export const PROFILE_CACHE_CONTROL = 'no-cache'

export function murmurationsRoutes(listings: ListingService): Router {
  const router = Router()
  router.get('/murmurations/:slug.json', handle(async (req, res) => {
    const listing = await publishedOrAnswer(listings, req.params.slug as string, res)
    if (listing) res.type('application/json').set('Cache-Control', PROFILE_CACHE_CONTROL).send(JSON.stringify(murmurationsProfile(listing)))
  }))
  return router
}
