/**
 * GET /api/places?q=oax&lang=es: towns and cities whose name starts with
 * `q`, for the search page's "near" field (and anyone who wants the same
 * suggestions), from the offline gazetteer. Public; a bad parameter is a
 * 400 naming it, as /api/search answers.
 */
import { Router } from 'express'
import type { Gazetteer } from '../../search/places/gazetteer'
import { MAX_CITY_SUGGESTIONS, MAX_PLACE_TEXT, suggestCities } from '../../search/places/near'
import type { FieldError } from '../../directory/result'
import { readerLanguage } from '../negotiate'
import { isUiLanguage } from '../site/i18n/translate'
import { sendProblem } from '../problem'

const DEFAULT_LIMIT = 8

/** One query parameter as a single string (the last of repeated ones). */
function single(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[value.length - 1] : value
  return typeof v === 'string' ? v : undefined
}

/** What of `q`, `lang` and `limit` is wrong, if anything. */
function problems(q: string | undefined, lang: string | undefined, limit: number): FieldError[] {
  const errors: FieldError[] = []
  if (q === undefined || q.trim() === '') errors.push({ field: 'q', message: 'needs the beginning of a place name' })
  else if (q.length > MAX_PLACE_TEXT) errors.push({ field: 'q', message: `must be at most ${MAX_PLACE_TEXT} characters` })
  if (lang !== undefined && !isUiLanguage(lang)) errors.push({ field: 'lang', message: 'must be en, es, fr or pt' })
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CITY_SUGGESTIONS) errors.push({ field: 'limit', message: `must be an integer from 1 to ${MAX_CITY_SUGGESTIONS}` })
  return errors
}

export function placesRoutes(places: Gazetteer): Router {
  const router = Router()
  router.get('/places', (req, res) => {
    const q = single(req.query.q)
    const lang = single(req.query.lang)
    const rawLimit = single(req.query.limit)
    const limit = rawLimit === undefined ? DEFAULT_LIMIT : /^\d{1,3}$/.test(rawLimit) ? Number(rawLimit) : NaN
    const errors = problems(q, lang, limit)
    if (errors.length) return sendProblem(res, { status: 400, title: 'Bad place query', detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors })
    const answerLang = lang ?? readerLanguage(req)
    const found = suggestCities(places, (q as string).trim(), answerLang, limit).map(({ place, label }) => ({
      id: place.id, kind: place.kind, name: place.name, country: place.country, countryName: place.countryName, latitude: place.latitude, longitude: place.longitude, label
    }))
    // the gazetteer is packaged data: the same answer until the next release
    res.set('Cache-Control', 'public, max-age=3600')
    if (lang === undefined) res.set('Vary', 'Accept-Language, Cookie')
    res.json(found)
  })
  return router
}
