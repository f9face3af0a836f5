/**
 * GET /api/search (JSON) and GET /api/search.geojson (the same query as a
 * FeatureCollection of the matching listings' locations, for the map and for
 * open-data users). Public; a bad parameter is a 400 naming it.
 */
import { Router, type Request } from 'express'
import type { SearchIndex } from '../../search/search-index'
import { parseSearchQuery } from '../../search/query'
import { sendProblem } from '../problem'
import { handle } from '../handle'
import { mapPoints, placeFrame } from './map-points'

/** GeoJSON pages: small enough that any number of calls keeps memory flat; `next` walks the rest. */
const GEOJSON_PAGE = 1000
/** The map's compact form carries every point of the largest directory we plan for. */
const MAX_MAP_POINTS = 250000

/** This request's path and query with the next page's offset (a relative link: it stays on this host). */
function nextPage(req: Request, offset: number, limit: number): string {
  const q = req.originalUrl.indexOf('?')
  const params = new URLSearchParams(q < 0 ? '' : req.originalUrl.slice(q + 1))
  params.set('offset', String(offset))
  params.set('limit', String(limit))
  return `${req.baseUrl}${req.path}?${params.toString()}`
}

export function searchRoutes(index: SearchIndex): Router {
  const router = Router()
  router.get('/search', handle(async (req, res) => {
    const query = parseSearchQuery(req.query as Record<string, unknown>)
    if (!query.ok) return sendProblem(res, { status: 400, title: 'Bad search parameter', detail: query.error.map((e) => `${e.field}: ${e.message}`).join('; '), errors: query.error })
    res.set('Cache-Control', 'no-cache').json(await index.search(query.value))
  }))
  router.get('/search.geojson', handle(async (req, res) => {
    const { limit: rawLimit, offset: rawOffset, ...rest } = req.query as Record<string, unknown>
    const query = parseSearchQuery(rest)
    const limit = rawLimit === undefined ? GEOJSON_PAGE : Number(rawLimit)
    const offset = rawOffset === undefined ? 0 : Number(rawOffset)
    const errors = query.ok ? [] : [...query.error]
    if (!Number.isInteger(limit) || limit < 1 || limit > GEOJSON_PAGE) errors.push({ field: 'limit', message: `must be an integer from 1 to ${GEOJSON_PAGE}` })
    if (!Number.isSafeInteger(offset) || offset < 0) errors.push({ field: 'offset', message: 'must be a whole number' })
    if (!query.ok || errors.length) return sendProblem(res, { status: 400, title: 'Bad search parameter', detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors })
    // One more than asked tells whether there is a next page.
    const points = await index.points(query.value, limit + 1, offset)
    const more = points.length > limit
    if (more) points.pop()
    const next = more ? nextPage(req, offset + limit, limit) : undefined
    if (next) res.set('Link', `<${next}>; rel="next"`)
    res.type('application/geo+json').send(JSON.stringify({
      type: 'FeatureCollection',
      ...(next ? { links: [{ rel: 'next', type: 'application/geo+json', href: next }] } : {}),
      features: points.map((p) => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [p.longitude, p.latitude] },
        properties: { id: p.id, slug: p.slug, url: p.url, name: p.name, kind: p.kind, services: p.services, ...(p.place ? { place: p.place } : {}), ...(p.country ? { country: p.country } : {}) }
      }))
    }))
  }))
  /**
   * The same points for the map, in columns (map-points.ts): a fraction of
   * the GeoJSON's bytes at 100k listings, parsed by the browser in one go,
   * with what a popup says in the query's language (`lang`), and, when the
   * query names a place, the frame around it the map shows.
   */
  router.get('/search.points', handle(async (req, res) => {
    const query = parseSearchQuery(req.query as Record<string, unknown>)
    if (!query.ok) return sendProblem(res, { status: 400, title: 'Bad search parameter', detail: query.error.map((e) => `${e.field}: ${e.message}`).join('; '), errors: query.error })
    const [points, frame] = await Promise.all([index.points(query.value, MAX_MAP_POINTS), placeFrame(index, query.value)])
    res.set('Cache-Control', 'no-cache').json(mapPoints(points, query.value.lang, frame))
  }))
  return router
}
