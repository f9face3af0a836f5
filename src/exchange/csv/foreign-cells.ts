/**
 * Cells of other directories' CSV (SEA, Karte von Morgen) as the listing
 * schema takes them: countries by name or code, websites as people type
 * them. Both formats are filled in by hand, so these forgive what they can
 * and leave the rest for the schema to refuse, naming the field.
 */
import { countryCodeOf } from '../../search/places/countries'

/** A country cell ("DE", "Deutschland", "Germany") as its ISO 3166-1 code, if it is one. */
export function countryCode(cell: string): string | undefined {
  if (/^[A-Za-z]{2}$/.test(cell)) return cell.toUpperCase() // a code, even one no country has: the schema names it
  return countryCodeOf(cell)
}

/** A website cell as one URL: the first of several ("a.coop ; b.es"), given `https://` when it has no scheme. */
export function websiteOf(cell: string): string | undefined {
  const first = cell.split(/[\s;,]+/).find(Boolean)
  if (!first) return undefined
  return /^https?:\/\//i.test(first) ? first : `https://${first}`
}
