/**
 * The map and search page, rendered on the server for the query in its URL,
 * and the parts of it a new search changes (GET /fragments/results), which
 * map.js asks for as the reader types instead of rendering them itself.
 */
import { Router, type Request } from 'express'
import type { SearchIndex } from '../../../search/search-index'
import type { InstanceInfo } from '../../../federation/actor-mapping'
import { parseSearchQuery, DEFAULT_QUERY, type SearchQuery } from '../../../search/query'
import { requestUi, type WebSettings } from '../ui'
import { ui as uiFor, type Ui } from '../i18n/translate'
import { readerLanguage } from '../../negotiate'
import { mapPage, searchFragment, type MapSearch } from './view'
import { handle } from '../../handle'
import { refusals, refusalKey, placeRefusal } from './refusals'
import { readPlaceField } from './place-field'
import { helpfulDrops } from './drops'
import type { Gazetteer } from '../../../search/places/gazetteer'
import type { FieldError } from '../../../directory/result'

/** What the map page needs: the index it searches, the places its "near" field reads, the instance (for local profile links) and the tiles. */
export interface MapDeps {
  search: SearchIndex
  places: Gazetteer
  instance: InstanceInfo
  web: WebSettings
}

type Params = Record<string, unknown>

/** A parameter's value as the reader gave it (the last of repeated ones, as the parser reads it). */
function given(params: Params, name: string): string | undefined {
  const v = params[name]
  if (v === undefined) return undefined
  return String(Array.isArray(v) ? v[v.length - 1] : v)
}

/**
 * The part of a refused search that stands on its own: the parameters that
 * were refused are left out until the rest parses (leaving one out can
 * refuse another: a distance sort without its radius), so the form shows
 * the reader's words and choices again rather than an empty search.
 */
function kept(params: Params, lang: string): SearchQuery {
  let rest = params
  for (let i = 0; i < 4; i++) {
    const parsed = parseSearchQuery(rest)
    if (parsed.ok) return parsed.value
    const refused = new Set(parsed.error.map((e) => e.field))
    rest = Object.fromEntries(Object.entries(rest).filter(([name]) => !refused.has(name.replace(/\[\]$/, ''))))
  }
  return { ...DEFAULT_QUERY, lang }
}

/** A refusal that only repeats the place's own (a distance with no centre, because the place was not read). */
const missingCentre = (e: FieldError): boolean => refusalKey(e) === 'search.error.radiusNeedsNear' || refusalKey(e) === 'search.error.sortNeedsNear'

/**
 * The search in this request's query, in the reader's language; a refused
 * one is an answer too (shown, with status 400), said in the reader's
 * words. A place typed in the "near" field is its centre: read here, it
 * stands for any `near` the request also carries (the form's hidden one
 * may be an earlier place's). A search that finds nothing comes with the
 * drops that would find something.
 */
async function searchOf(deps: MapDeps, req: Request, ui: Ui): Promise<MapSearch> {
  // a form field left empty (the page's GET form sends every one: `near=&sort=`) is a parameter not given
  const params: Params = Object.fromEntries(Object.entries(req.query as Params).filter(([, v]) => v !== ''))
  params.lang = ui.lang
  const place = readPlaceField(deps.places, params.place, ui.lang)
  if (place.text) {
    delete params.near
    if (place.place) params.near = `${place.place.latitude},${place.place.longitude}`
  }
  const parsed = parseSearchQuery(params)
  const placeRefusals = placeRefusal(ui, place)
  if (parsed.ok && !placeRefusals.length) {
    const result = await deps.search.search(parsed.value)
    const emptyDirectory = result.total === 0 && (await deps.search.count()) === 0
    const drops = result.total === 0 && !emptyDirectory ? await helpfulDrops(deps.search, { query: parsed.value, place: place.text }) : []
    return { query: parsed.value, place, result, refusals: [], rejected: {}, drops, emptyDirectory }
  }
  const errors = parsed.ok ? [] : parsed.error.filter((e) => !placeRefusals.length || !missingCentre(e))
  const rejected: Partial<Record<string, string>> = {}
  for (const { field } of parsed.ok ? [] : parsed.error) rejected[field] = given(params, field)
  const query = parsed.ok ? parsed.value : kept(params, ui.lang)
  return { query, place, result: null, refusals: [...placeRefusals, ...refusals(ui, errors)], rejected, drops: [] }
}

export function mapRoutes(deps: MapDeps): Router {
  const router = Router()
  const { instance, web } = deps

  router.get('/', handle(async (req, res) => {
    const ui = requestUi(req, res)
    const search = await searchOf(deps, req, ui)
    res.status(search.refusals.length ? 400 : 200).type('html').send(mapPage({ ui, url: req.originalUrl, origin: instance.publicUrl, tileUrl: web.tileUrl, tileAttribution: web.tileAttribution }, search))
  }))

  // A separate path rather than `/` with an Accept or ?fragment= switch: the page's
  // URL stays the shareable search with one representation, so no cache or
  // back button ever shows a fragment in place of the page. The reader's language
  // as the page chose it, without remembering it: `lang` here is map.js
  // passing the page's language on, not the reader using the switch.
  router.get('/fragments/results', handle(async (req, res) => {
    const ui = uiFor(readerLanguage(req))
    const search = await searchOf(deps, req, ui)
    res.set('Vary', 'Accept-Language, Cookie').set('Cache-Control', 'no-cache')
    res.status(search.refusals.length ? 400 : 200).type('html').send(searchFragment(ui, search, instance.publicUrl))
  }))

  return router
}
