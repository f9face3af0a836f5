/** The map and search page, rendered on the server for the query in its URL. */
import { Router } from 'express'
import type { SearchIndex } from '../../../search/search-index'
import type { InstanceInfo } from '../../../federation/actor-mapping'
import { parseSearchQuery, DEFAULT_QUERY } from '../../../search/query'
import { requestUi, type WebSettings } from '../ui'
import { mapPage } from './view'
import { handle } from '../../handle'

export interface MapDeps {
  search: SearchIndex
  instance: InstanceInfo
  web: WebSettings
}

export function mapRoutes(deps: MapDeps): Router {
  const router = Router()
  const { instance, web } = deps

  router.get('/', handle(async (req, res) => {
    const ui = requestUi(req, res)
    const parsed = parseSearchQuery({ ...(req.query as Record<string, unknown>), lang: ui.lang })
    const query = parsed.ok ? parsed.value : { ...DEFAULT_QUERY, lang: ui.lang }
    const result = parsed.ok ? await deps.search.search(query) : null
    const error = parsed.ok ? null : parsed.error.map((e) => `${e.field}: ${e.message}`).join('; ')
    res.status(parsed.ok ? 200 : 400).type('html').send(mapPage({ ui, url: req.originalUrl, origin: instance.publicUrl, tileUrl: web.tileUrl, tileAttribution: web.tileAttribution }, query, result, error))
  }))

  return router
}
