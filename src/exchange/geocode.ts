/**
 * Offline geocoding for the import (issue 13): a row's place that has a
 * town or city name (or an address naming one) and a country but no
 * latitude/longitude gets the coordinates of that town in that country
 * from the gazetteer search uses (search/places; the same one the join
 * form reads typed place names with). Only an exact name (in any of the
 * four languages, or any other name the gazetteer knows the town by:
 * "Köln"), in the row's country: a file is data, not typing, so "Berl" is
 * no Berlin. A place the gazetteer does not know is refused,
 * saying what to add; nothing is guessed.
 *
 * Build one geocoder per import run (or per process) and hand it to
 * importRows; it remembers every answer, since a file names the same
 * towns again and again.
 */
import type { FieldError } from '../directory/result'
import type { Gazetteer } from '../search/places/gazetteer'
import { sharedGazetteer } from '../search/places/shared'
import { foldKey } from '../search/places/text'
import { countryCodeOf } from '../search/places/countries'
import { isRecord } from '../support/is-record'

/** Where a place is, as the listing keeps it. */
export interface Located { latitude: number; longitude: number; country: string }

export interface Geocoder {
  /** The town `name` in `country` (an ISO code or a country's name), or why it cannot be found. */
  locate(place: { name?: string; address?: string; country?: string }): Located | { problem: string }
  /** Loads the gazetteer now rather than at the first place without coordinates. */
  warm(): void
}

const LANGUAGES = ['en', 'es', 'fr', 'pt'] as const
// Enough to reach a small town among the names of one country that start the same way ("San José" in Costa Rica).
const CANDIDATES = 50

// A server's geocoder lives as long as the process: what it remembers is bounded, misspelt towns included.
const REMEMBERED = 100_000

const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')

/** The town of exactly this name in the country, most populous first. */
function townIn(places: Gazetteer, name: string, code: string): Located | undefined {
  const key = foldKey(name)
  const countryName = places.country(code, 'en') as string
  for (const lang of LANGUAGES) {
    const found = places.suggest(`${name}, ${countryName}`, lang, CANDIDATES)
      .find((s) => s.place.kind === 'city' && s.place.country === code && foldKey(s.place.name) === key)
    if (found) return { latitude: found.place.latitude, longitude: found.place.longitude, country: code }
  }
  return undefined
}

/**
 * The town a text names in the country, read as search reads a query: an
 * address ("Calle 5, 68000 Oaxaca"), or (`whole`) a name that is all of
 * the text, under any of the gazetteer's names for it ("Köln").
 */
function townInText(places: Gazetteer, text: string, code: string, whole: boolean): Located | undefined {
  const found = places.lookup(text, 'en')
  if (!found || found.place.kind !== 'city' || (whole && found.rest.trim() !== '')) return undefined
  const inCountry = found.place.country === code ? found.place : found.alternatives.find((p) => p.country === code)
  return inCountry ? { latitude: inCountry.latitude, longitude: inCountry.longitude, country: code } : undefined
}

/** A geocoder over `places` (default: the process's shared gazetteer, built on first use). */
export function createGeocoder(places: Gazetteer = sharedGazetteer()): Geocoder {
  const known = new Map<string, Located | { problem: string }>()
  const find = (name: string, address: string, country: string): Located | { problem: string } => {
    const said = [name || address, country].filter(Boolean).join(', ')
    if (!country) return { problem: `"${said}" has no country; add its country (an ISO code such as MX) or its latitude and longitude` }
    const code = countryCodeOf(country)
    if (!code) return { problem: `"${country}" is not a country the offline gazetteer knows; use its ISO code (such as MX) or add latitude and longitude` }
    const found = (name ? townIn(places, name, code) ?? townInText(places, name, code, true) : undefined) ?? (address ? townInText(places, address, code, false) : undefined)
    return found ?? { problem: `"${said}" is not a place the offline gazetteer knows; add latitude and longitude` }
  }
  return {
    locate(place) {
      const name = text(place.name)
      const address = text(place.address)
      const country = text(place.country)
      const key = `${foldKey(name)}\u0000${foldKey(address)}\u0000${foldKey(country)}`
      let answer = known.get(key)
      if (!answer) {
        answer = find(name, address, country)
        if (known.size >= REMEMBERED) known.clear()
        known.set(key, answer)
      }
      return answer
    },
    warm: () => places.warm()
  }
}

const absent = (v: unknown): boolean => v === undefined || v === null || v === ''

/**
 * The row with each of its places that has neither latitude nor longitude
 * located (coordinates, and the country as its ISO code; a located place's
 * country named rather than coded becomes its code too), and a refusal at
 * `location` for each that cannot be. A place with one coordinate of the
 * two is left for the schema to name what it lacks.
 */
export function geocodeRow(data: Record<string, unknown>, geocoder: Geocoder): { data: Record<string, unknown>; errors: FieldError[] } {
  if (!Array.isArray(data.location)) return { data, errors: [] }
  const errors: FieldError[] = []
  let changed = false
  const location = data.location.map((item: unknown) => {
    if (!isRecord(item)) return item
    if (!absent(item.latitude) || !absent(item.longitude)) {
      // a country by name ("México") is kept as its code; anything else is left for the schema to name
      const code = typeof item.country === 'string' && !/^[A-Z]{2}$/.test(item.country) ? countryCodeOf(item.country) : undefined
      if (!code) return item
      changed = true
      return { ...item, country: code }
    }
    if (!text(item.name) && !text(item.address)) return item
    const found = geocoder.locate({ name: text(item.name), address: text(item.address), country: text(item.country) })
    if ('problem' in found) {
      errors.push({ field: 'location', message: found.problem })
      return item
    }
    changed = true
    const { latitude: _lat, longitude: _lon, ...rest } = item
    return { ...rest, country: found.country, latitude: found.latitude, longitude: found.longitude }
  })
  return { data: changed ? { ...data, location } : data, errors }
}
