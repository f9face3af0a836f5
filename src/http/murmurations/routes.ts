/**
 * GET /murmurations/SLUG.json: a published local listing's Murmurations
 * profile (profile.ts), answered directly (the index follows no redirect);
 * 410 once the listing is deleted or withdrawn, so the index drops the
 * node; 404 for a listing that is not public here (pending, or none).
 */
import { Router } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { isPublished } from '../../directory/listing'
import { handle } from '../handle'
import { sendProblem } from '../problem'
import { murmurationsProfile } from '../../exchange/murmurations-profile'

export function murmurationsRoutes(listings: ListingService): Router {
  const router = Router()
  router.get('/murmurations/:slug.json', handle(async (req, res) => {
    const slug = req.params.slug as string
    const found = slug.length <= 64 ? await listings.get(slug) : null
    if (found?.ok && isPublished(found.value)) return res.type('application/json').set('Cache-Control', 'public, max-age=300').send(JSON.stringify(murmurationsProfile(found.value)))
    const gone = (found && !found.ok && found.error.kind === 'gone') || (found?.ok && found.value.moderation === 'rejected')
    if (gone) return sendProblem(res, { status: 410, title: 'Gone', detail: `listing ${slug} was removed from this directory` })
    sendProblem(res, { status: 404, title: 'Not found', detail: `no public listing ${slug} here` })
  }))
  return router
}
