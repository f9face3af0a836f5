/**
 * GET /api/export?format=F&…: listings in one of the export formats
 * (exchange/export-formats.ts), streamed page by page so memory stays flat
 * whatever the size. With any of the search's filters (`q`, `service`,
 * `language`, `kind`, `country`, `accepting`, `near`+`radius`, `bbox`,
 * several `origin`s) it holds exactly the listings that search returns
 * (exchange/search-selection.ts); without, the directory's listings:
 * anyone gets the published ones (each carries its data licence; contact
 * fields kept for partner directories are left out), the
 * operator token every one, optionally of one moderation state
 * (`moderation=`) or `origin=`.
 */
import { Router, type Request, type Response } from 'express'
import type { ListingService } from '../../directory/listing-service'
import type { ListingStore } from '../../directory/listing-store'
import type { SearchIndex } from '../../search/search-index'
import { MODERATION_STATES as MODERATION, PUBLISHED, publicView, type Listing, type ModerationState } from '../../directory/listing'
import { EXPORT_FORMATS, EXPORT_MEDIA, exportChunks, isExportFormat } from '../../exchange/export-formats'
import { exportSelection, listingsOf } from '../../exchange/search-selection'
import type { FieldError } from '../../directory/result'
import { bearerToken, sameSecret } from '../auth'
import { handle } from '../handle'
import { sendProblem } from '../problem'
import { streamChunks } from '../stream-out'

const isOperator = (req: Request, adminToken: string | undefined): boolean => {
  const token = bearerToken(req.get('authorization'))
  return !!adminToken && !!token && sameSecret(token, adminToken)
}


/** The listings as anyone may see them: contacts kept for partner directories are left out. */
async function* publicly(listings: AsyncIterable<Listing>): AsyncGenerator<Listing> {
  for await (const listing of listings) yield publicView(listing)
}

const refuse = (res: Response, errors: FieldError[]) =>
  sendProblem(res, { status: 400, title: 'Bad query parameter', detail: errors.map((e) => `${e.field} ${e.message}`).join('; '), errors })

/**
 * Exports anyone may run at once: each walks the store or reruns a search,
 * so an unbounded number would let anonymous clients take the server's
 * CPU. The operator's own exports are not counted.
 */
export const MAX_PUBLIC_EXPORTS = 4

export interface ExportDeps {
  listings: ListingService
  listingStore: Pick<ListingStore, 'byId'>
  search: Pick<SearchIndex, 'search'>
  adminToken: string | undefined
}

export function exportRoutes(deps: ExportDeps): Router {
  const router = Router()
  let running = 0 // public exports under way
  router.get('/export', handle(async (req, res) => {
    const format = req.query.format ?? 'json'
    if (!isExportFormat(format)) return refuse(res, [{ field: 'format', message: `must be one of ${EXPORT_FORMATS.join(', ')}` }])
    const operator = isOperator(req, deps.adminToken)
    const moderation = req.query.moderation
    if (moderation !== undefined && (!operator || !MODERATION.includes(moderation as ModerationState))) {
      return refuse(res, [{ field: 'moderation', message: operator ? `must be one of ${MODERATION.join(', ')}` : 'needs the operator token (anyone gets the published listings)' }])
    }
    const visible = operator ? (moderation as ModerationState | undefined) : PUBLISHED
    const selection = exportSelection(req.query as Record<string, unknown>, visible)
    if (!selection.ok) return refuse(res, selection.error)
    if (!operator && running >= MAX_PUBLIC_EXPORTS) {
      res.set('Retry-After', '30')
      return sendProblem(res, { status: 503, title: 'Busy', detail: `${MAX_PUBLIC_EXPORTS} downloads are under way; try again in half a minute.` })
    }
    if (!operator) {
      running++
      res.once('close', () => running--)
    }
    const media = EXPORT_MEDIA[format]
    res.type(media.type).set('Content-Disposition', `attachment; filename="tejido.${media.extension}"`).set('Cache-Control', operator ? 'no-store' : 'public, max-age=60')
    const selected = listingsOf({ listings: deps.listings, store: deps.listingStore, search: deps.search }, selection.value)
    await streamChunks(res, exportChunks(format, operator ? selected : publicly(selected)))
  }))
  return router
}
