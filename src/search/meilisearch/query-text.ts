/**
 * A read query (reading/read-query.ts) as Meilisearch's `q`, `matchingStrategy`
 * and geo sort. The place the words named leaves the text and becomes a sort
 * on nearness to it (after the words, typo, proximity and attribute rules, so
 * a tie-break between equally good matches, as the embedded engine ranks
 * them); stop words are left out (and are the index's `stopWords` too); the
 * required words come first and the optional ones (who the service is for,
 * kinds, words every listing could claim) last, and with the `last` strategy
 * Meilisearch drops words from the end when all of them match too little:
 * the optional ones first, as the embedded engine never requires them.
 */
import type { ReadQuery } from '../reading/read-query'

export const MATCHING_STRATEGY = 'last'

/** The text Meilisearch searches: required words in the order typed, then the optional ones. */
export const meiliQueryText = (read: ReadQuery): string =>
  [...read.words.filter((w) => !w.optional), ...read.words.filter((w) => w.optional)].map((w) => w.text).join(' ')

/** A sort on nearness to the city or region the words named; none for a country (its name stays a word: documents hold their countries' names). */
export function placeSort(read: ReadQuery): string[] | undefined {
  const place = read.place?.place
  return place && place.kind !== 'country' ? [`_geoPoint(${place.latitude}, ${place.longitude}):asc`] : undefined
}
