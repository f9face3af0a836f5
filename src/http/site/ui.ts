/** The reader's language for a page, and the page settings every site route shares. */
import type express from 'express'
import type { Request } from 'express'
import { ui as uiFor, isUiLanguage, type Ui } from './i18n/translate'
import { readerLanguage } from '../negotiate'

/** The map tiles every page with a map uses (TILE_URL, TILE_ATTRIBUTION). */
export interface WebSettings {
  tileUrl: string
  tileAttribution: string
}

/** The reader's language for this request; `?lang=` (the switch) is remembered in a cookie. */
export function requestUi(req: Request, res: express.Response): Ui {
  if (isUiLanguage(req.query.lang)) res.cookie('lang', req.query.lang, { maxAge: 365 * 24 * 3600 * 1000, sameSite: 'lax', secure: req.secure, httpOnly: true })
  res.set('Vary', 'Accept-Language, Cookie')
  return uiFor(readerLanguage(req))
}
