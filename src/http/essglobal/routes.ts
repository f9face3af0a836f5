/**
 * GET /essglobal/SLUG.jsonld: a published listing as one JSON-LD document
 * with ESSGLOBAL terms (exchange/jsonld.ts), linked from its profile; 410
 * once it is deleted or withdrawn, 404 for a listing that is not public
 * here (pending, or none) — as its Murmurations profile answers.
 */
import { Router } from 'express'
import type { ListingService } from '../../directory/listing-service'
import { isPublished } from '../../directory/listing'
import { handle } from '../handle'
import { sendProblem } from '../problem'
import { essglobalDocument } from '../../exchange/jsonld'

/** Where a listing's JSON-LD lives (the profile links it). */
export const essglobalPath = (slug: string): string => `/essglobal/${encodeURIComponent(slug)}.jsonld`

export function essglobalRoutes(listings: ListingService): Router {
  const router = Router()
  router.get('/essglobal/:slug.jsonld', handle(async (req, res) => {
    const slug = req.params.slug as string
    const found = slug.length <= 64 ? await listings.get(slug) : null
    if (found?.ok && isPublished(found.value)) return res.type('application/ld+json').set('Cache-Control', 'public, max-age=300').send(JSON.stringify(essglobalDocument(found.value)))
    const gone = (found && !found.ok && found.error.kind === 'gone') || (found?.ok && found.value.moderation === 'rejected')
    if (gone) return sendProblem(res, { status: 410, title: 'Gone', detail: `listing ${slug} was removed from this directory` })
    sendProblem(res, { status: 404, title: 'Not found', detail: `no public listing ${slug} here` })
  }))
  return router
}
