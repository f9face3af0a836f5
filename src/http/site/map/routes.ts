/**
 * The map and search page, rendered on the server for the query in its URL,
 * and the parts of it a new search changes (GET /fragments/results), which
 * map.js asks for as the reader types instead of rendering them itself.
 */
import { Router, type Request } from 'express'
import type { SearchIndex } from '../../../search/search-index'
import type { InstanceInfo } from '../../../federation/actor-mapping'
import { parseSearchQuery, DEFAULT_QUERY } from '../../../search/query'
import { requestUi, type WebSettings } from '../ui'
import { ui as uiFor, type Ui } from '../i18n/translate'
import { readerLanguage } from '../../negotiate'
import { mapPage, searchFragment, type MapSearch } from './view'
import { handle } from '../../handle'

/** What the map page needs: the index it searches, the instance (for local profile links) and the tiles. */
export interface MapDeps {
  search: SearchIndex
  instance: InstanceInfo
  web: WebSettings
}

/** The search in this request's query, in the reader's language; a bad parameter is an answer too (shown, with status 400). */
async function searchOf(index: SearchIndex, req: Request, ui: Ui): Promise<MapSearch> {
  const parsed = parseSearchQuery({ ...(req.query as Record<string, unknown>), lang: ui.lang })
  if (!parsed.ok) return { query: { ...DEFAULT_QUERY, lang: ui.lang }, result: null, error: parsed.error.map((e) => `${e.field}: ${e.message}`).join('; ') }
  return { query: parsed.value, result: await index.search(parsed.value), error: null }
}

export function mapRoutes(deps: MapDeps): Router {
  const router = Router()
  const { instance, web } = deps

  router.get('/', handle(async (req, res) => {
    const ui = requestUi(req, res)
    const search = await searchOf(deps.search, req, ui)
    res.status(search.error ? 400 : 200).type('html').send(mapPage({ ui, url: req.originalUrl, origin: instance.publicUrl, tileUrl: web.tileUrl, tileAttribution: web.tileAttribution }, search))
  }))

  // A separate path rather than `/` with an Accept or ?fragment= switch: the page's
  // URL stays the shareable search with one representation, so no cache or
  // back button ever shows a fragment in place of the page. The reader's language
  // as the page chose it, without remembering it: `lang` here is map.js
  // passing the page's language on, not the reader using the switch.
  router.get('/fragments/results', handle(async (req, res) => {
    const ui = uiFor(readerLanguage(req))
    const search = await searchOf(deps.search, req, ui)
    res.set('Vary', 'Accept-Language, Cookie').set('Cache-Control', 'no-cache')
    res.status(search.error ? 400 : 200).type('html').send(searchFragment(ui, search, instance.publicUrl))
  }))

  return router
}
