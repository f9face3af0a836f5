/**
 * Places to search around, for a "near" field: towns and cities typed by
 * name. The suggestions a field offers and the reading of a name typed
 * into it are the same: a suggestion's label, sent back as typed text,
 * finds the place it named.
 *
 * Only towns and cities: a radius is measured from a point, and a
 * country's point (its capital) would read "near Mexico" as "near Mexico
 * City" without saying so; a country is searched by its code.
 */
import type { Gazetteer } from './gazetteer'
import type { Place } from './place'
import { foldKey } from './text'

/** Longer than any place name with its country ("Santa Cruz de la Sierra, Bolivia"), short enough to cost nothing to read. */
export const MAX_PLACE_TEXT = 100
/** How many suggestions a field is offered at most. */
export const MAX_CITY_SUGGESTIONS = 20

/** A city suggested for typed text, with how it is shown ("Oaxaca, México"). */
export interface CitySuggestion {
  place: Place
  label: string
}

/** "Oaxaca, México": a city and its country, in the language it was named in; a country by its name. */
export const placeLabel = (place: Pick<Place, 'kind' | 'name' | 'countryName'>): string => (place.kind === 'city' ? `${place.name}, ${place.countryName}` : place.name)

/** Up to `limit` cities whose name starts with `text` (any accents, case, any of the four languages), most populous first. */
export function suggestCities(places: Gazetteer, text: string, lang: string, limit: number): CitySuggestion[] {
  const wanted = Math.min(Math.floor(limit), MAX_CITY_SUGGESTIONS)
  // a name can be a country's and cities' at once ("México"): room to drop the countries
  return places.suggest(text, lang, wanted + 4).filter((s) => s.place.kind === 'city').slice(0, wanted)
}

/**
 * The city typed text names: the suggestion it spells out exactly (its
 * label, as a field's suggestions fill it in, or its name), else the most
 * populous one it starts. Undefined when no city starts that way.
 */
export function resolveCity(places: Gazetteer, text: string, lang: string): Place | undefined {
  const suggestions = suggestCities(places, text, lang, 10)
  const key = foldKey(text)
  const exact = suggestions.find((s) => foldKey(s.label) === key) ?? suggestions.find((s) => foldKey(s.place.name) === key)
  return (exact ?? suggestions[0])?.place
}
