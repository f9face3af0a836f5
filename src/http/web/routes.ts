/**
 * The web pages people use: the map and search page, profiles of mirrored
 * listings, and the vendored browser libraries (served from node_modules,
 * same origin, so the CSP stays 'self').
 */
import path from 'node:path'
import express, { Router, type Request } from 'express'
import type { SearchIndex } from '../../search/search-index'
import type { ListingStore } from '../../storage/listing-store'
import { isPublished } from '../../directory/listing'
import type { InstanceInfo } from '../../federation/actor-mapping'
import { parseSearchQuery, DEFAULT_QUERY } from '../../search/query'
import { STALE_AFTER_MS } from '../../search/embedded/engine'
import { ui as uiFor, isUiLanguage, type Ui } from '../../web/i18n/translate'
import { readerLanguage } from '../negotiate'
import { mapPage } from '../pages/map'
import { profilePage } from '../pages/profile'
import { handle } from '../handle'
import { sendProblem } from '../problem'

export interface WebSettings {
  tileUrl: string
  tileAttribution: string
}

export interface WebDeps {
  search: SearchIndex
  listingStore: ListingStore
  instance: InstanceInfo
  web: WebSettings
}

/** Leaflet and supercluster as published (their UMD builds), at /static/vendor/. */
export function vendorAssets(): Router {
  const router = Router()
  // supercluster's package exports hide its files from require.resolve: take the package folder itself
  const dir = (pkg: string) => path.join(path.dirname(require.resolve('leaflet')), '..', '..', pkg)
  router.use('/leaflet', express.static(path.join(dir('leaflet'), 'dist'), { maxAge: '7d' }))
  router.use('/supercluster', express.static(path.join(dir('supercluster'), 'dist'), { maxAge: '7d' }))
  return router
}

/** The reader's language for this request; `?lang=` (the switch) is remembered in a cookie. */
export function requestUi(req: Request, res: express.Response): Ui {
  if (isUiLanguage(req.query.lang)) res.cookie('lang', req.query.lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: 'lax', secure: req.secure, httpOnly: true })
  res.set('Vary', 'Accept-Language, Cookie')
  return uiFor(readerLanguage(req))
}

export function webRoutes(deps: WebDeps): Router {
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

  /** Any published listing kept here, mirrors included, with its provenance. */
  router.get('/profile', handle(async (req, res) => {
    const ui = requestUi(req, res)
    const id = typeof req.query.id === 'string' ? req.query.id : ''
    const listing = id ? await deps.listingStore.byId(id) : null
    if (!listing || !isPublished(listing)) return sendProblem(res, { status: 404, title: 'Not found', detail: `No listing ${id}` })
    if (listing.origin === instance.publicUrl) return res.redirect(303, `${instance.publicUrl}/orgs/${listing.slug}`)
    const stale = Date.now() - listing.provenance.lastVerified.getTime() > STALE_AFTER_MS
    res.type('html').send(profilePage(listing, { ui, host: new URL(listing.origin).host, url: req.originalUrl, tileUrl: web.tileUrl, tileAttribution: web.tileAttribution, stale }))
  }))

  return router
}
