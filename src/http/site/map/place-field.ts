/**
 * The search page's "near" field as the reader filled it in: a town or
 * city typed by name (src/search/places/near.ts reads it), so a reader
 * without GPS, or searching for somewhere else, can search around a place.
 * The city read becomes the search's centre (`near`); the typed text is
 * what the page's links and form carry, read again on each request.
 */
import type { Gazetteer } from '../../../search/places/gazetteer'
import type { Place } from '../../../search/places/place'
import { MAX_PLACE_TEXT, resolveCity } from '../../../search/places/near'

/** The field as typed and what it was read as. */
export interface PlaceField {
  /** As typed (trimmed); empty when the field was left empty. */
  text: string
  /** The city read from it; absent when empty or not read. */
  place?: Place
  /** Why the text was not read as a place. */
  problem?: 'unknown' | 'tooLong'
}

/** The field from the request's `place` parameter (the last one if repeated). */
export function readPlaceField(places: Gazetteer, raw: unknown, lang: string): PlaceField {
  const given = Array.isArray(raw) ? raw[raw.length - 1] : raw
  const text = typeof given === 'string' ? given.trim() : ''
  if (!text) return { text: '' }
  if (text.length > MAX_PLACE_TEXT) return { text: text.slice(0, MAX_PLACE_TEXT), problem: 'tooLong' }
  const place = resolveCity(places, text, lang)
  return place ? { text, place } : { text, problem: 'unknown' }
}
