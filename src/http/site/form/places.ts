/**
 * A place named on the form without coordinates — typed without the
 * suggestions' script, or before picking one — is found offline in the
 * gazetteer search uses (the same suggestions GET /api/places gives): its
 * best match gives the coordinates, and the country when none was given.
 * A name the gazetteer does not know is an error at the place's name,
 * never a silent guess; on /join that place is left out so the schema does
 * not also ask for its coordinates.
 */
import type { FieldError } from '../../../directory/result'
import { ruleOf, withRule } from '../../../directory/validate'
import { resolveCity } from '../../../search/places/near'
import { sharedGazetteer } from '../../../search/places/shared'
import type { Gazetteer } from '../../../search/places/gazetteer'

/** The rule a place name breaks when no town or city of that name is known (errors.ts shows its message). */
export const UNKNOWN_PLACE = 'unknownPlace'

type Item = Record<string, unknown>

const hasCoordinate = (v: unknown): boolean => v !== undefined && v !== ''

/** The places with coordinates filled in from their names where they had none, and an error for each name not found. */
export function locatePlaces(location: unknown, lang: string, places: Gazetteer = sharedGazetteer()): { location: unknown; errors: FieldError[] } {
  if (!Array.isArray(location)) return { location, errors: [] }
  const errors: FieldError[] = []
  const located = (location as unknown[]).flatMap((item, i): Item[] => {
    if (!item || typeof item !== 'object') return [item as Item]
    const place = item as Item
    const name = typeof place.name === 'string' ? place.name.trim() : ''
    if (!name || hasCoordinate(place.latitude) || hasCoordinate(place.longitude)) return [place]
    const found = resolveCity(places, name, lang)
    if (!found) {
      errors.push(withRule({ field: `location.${i}.name`, message: 'names no known town or city' }, { keyword: UNKNOWN_PLACE, params: { index: i } }))
      return [place] // as given: the caller leaves it out, or lets the schema ask for its coordinates
    }
    return [{ ...place, latitude: found.latitude, longitude: found.longitude, ...(place.country ? {} : { country: found.country }) }]
  })
  return { location: located, errors }
}

/** The listing with its named places located (see locatePlaces), and the errors of names not found. */
export function withLocatedPlaces(listing: Record<string, unknown>, lang: string): { listing: Record<string, unknown>; errors: FieldError[] } {
  if (listing.location === undefined) return { listing, errors: [] }
  const { location, errors } = locatePlaces(listing.location, lang)
  const unknown = new Set(errors.map((e) => ruleOf(e)?.params.index))
  const known = Array.isArray(location) ? location.filter((_, i) => !unknown.has(i)) : location
  const { location: _old, ...rest } = listing
  return { listing: Array.isArray(known) && known.length === 0 ? rest : { ...rest, location: known }, errors }
}
