/**
 * Cells of other directories' CSV (SEA, Karte von Morgen) as the listing
 * schema takes them: countries by name or code, websites as people type
 * them. Both formats are filled in by hand, so these forgive what they can
 * and leave the rest for the schema to refuse, naming the field.
 */
import countries from 'i18n-iso-countries/index'
import de from 'i18n-iso-countries/langs/de.json'
import en from 'i18n-iso-countries/langs/en.json'

for (const locale of [en, de]) countries.registerLocale(locale) // both directories name countries in English or German; registering again is harmless

/** A country cell ("DE", "Deutschland", "Germany") as its ISO 3166-1 code, if it is one. */
export function countryCode(cell: string): string | undefined {
  if (/^[A-Za-z]{2}$/.test(cell)) return cell.toUpperCase()
  return countries.getAlpha2Code(cell, 'en') ?? countries.getAlpha2Code(cell, 'de')
}

/** A website cell as one URL: the first of several ("a.coop ; b.es"), given `https://` when it has no scheme. */
export function websiteOf(cell: string): string | undefined {
  const first = cell.split(/[\s;,]+/).find(Boolean)
  if (!first) return undefined
  return /^https?:\/\//i.test(first) ? first : `https://${first}`
}
