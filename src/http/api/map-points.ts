/**
 * The map's compact form of a search's points (GET /api/search.points): one
 * column per field, so the browser parses 100k points in one go, and what
 * repeats from point to point (where it is, its services' labels) said once
 * in a dictionary and referred to by position. Labels and country names are
 * in the query's language, so a popup opens without another request.
 */
import type { SearchIndex, SearchPoint } from '../../search/search-index'
import { DEFAULT_QUERY, type SearchQuery } from '../../search/query'
import { serviceLabel } from '../../directory/vocabulary'

/** How many of the results nearest a named place the map frames with it. */
const FRAMED_NEAREST = 5

/**
 * When the query's words name a place ("correo cifrado Oaxaca"), every
 * listing can match, nearest first: the map then frames the place and the
 * nearest results of the first page (what the list shows first), not every
 * match. `box` is [[south, west], [north, east]].
 */
export interface MapFrame { place: string; box: [[number, number], [number, number]] }

export interface MapPoints {
  count: number
  lng: number[]
  lat: number[]
  /** Listing ids (map.js links a popup to the profile from them). */
  id: string[]
  name: string[]
  /** Each point's position in `places`, or -1 when it has no place name or country. */
  place: number[]
  /** "Jalatlaco, Oaxaca, Mexico": the location's place name and its country, each once. */
  places: string[]
  /** Each point's services, as positions in `serviceLabels`. */
  services: number[][]
  /** The services' labels in the query's language, each once. */
  serviceLabels: string[]
  /** Present when the query named a place: what the map shows rather than every point. */
  frame?: MapFrame
}

/** The frame of a query that names a place (and gives no `near` or `bbox` of its own), from its first page of results. */
export async function placeFrame(index: SearchIndex, query: SearchQuery): Promise<MapFrame | undefined> {
  if (!query.q || query.near || query.bbox) return undefined
  const { place, hits } = await index.search({ ...query, page: 1, perPage: DEFAULT_QUERY.perPage })
  if (!place) return undefined
  const nearest = hits.flatMap((h) => (h.location ? [{ ...h.location, km: h.distanceKm ?? Infinity }] : []))
    .sort((a, b) => a.km - b.km).slice(0, FRAMED_NEAREST)
  const lats = [place.latitude, ...nearest.map((l) => l.latitude)]
  const lngs = [place.longitude, ...nearest.map((l) => l.longitude)]
  return { place: place.name, box: [[Math.min(...lats), Math.min(...lngs)], [Math.max(...lats), Math.max(...lngs)]] }
}

/** A dictionary that numbers each distinct value as it first comes. */
class Dictionary {
  readonly values: string[] = []
  private readonly positions = new Map<string, number>()
  at(value: string): number {
    let i = this.positions.get(value)
    if (i === undefined) {
      i = this.values.length
      this.values.push(value)
      this.positions.set(value, i)
    }
    return i
  }
}

/** Country names from Intl, as the HTML pages name them (a code Intl does not know is shown as given). */
function countryNamer(lang: string): (code: string) => string {
  let names: Intl.DisplayNames | undefined
  try {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'region', fallback: 'code' })
  } catch {
    names = undefined // a tag Intl refuses: codes as they are
  }
  return (code) => {
    try {
      return names?.of(code.toUpperCase()) ?? code
    } catch {
      return code
    }
  }
}

const round = (x: number) => Math.round(x * 1e5) / 1e5

export function mapPoints(points: SearchPoint[], lang: string, frame?: MapFrame): MapPoints {
  const places = new Dictionary()
  const labels = new Dictionary()
  const labelOf = new Map<string, number>()
  const countryName = countryNamer(lang)
  const placeOf = (p: SearchPoint): number => {
    const where = [p.place, p.country ? countryName(p.country) : undefined].filter((s): s is string => !!s).join(', ')
    return where ? places.at(where) : -1
  }
  const serviceOf = (id: string): number => {
    let i = labelOf.get(id)
    if (i === undefined) labelOf.set(id, (i = labels.at(serviceLabel(id, lang))))
    return i
  }
  return {
    count: points.length,
    lng: points.map((p) => round(p.longitude)),
    lat: points.map((p) => round(p.latitude)),
    id: points.map((p) => p.id),
    name: points.map((p) => p.name),
    place: points.map(placeOf),
    places: places.values,
    services: points.map((p) => p.services.map(serviceOf)),
    serviceLabels: labels.values,
    ...(frame ? { frame } : {})
  }
}
