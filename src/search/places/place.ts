/**
 * What the gazetteer answers with: a place named in the reader's language,
 * with a point to search around.
 */
import { countryName, placeLanguage } from './countries'
import type { CountryRow, PlaceTables } from './tables'

/** A city (GeoNames), a country or a region (a country's first-level subdivision). */
export interface Place {
  /** Stable across builds: `geonames:<id>` for a city, `country:<ISO code>` for a country, `region:<ISO 3166-2 code>` for a region. */
  id: string
  kind: 'city' | 'country' | 'region'
  /** In the asked language when the gazetteer knows it ("Lisboa" in es/pt), else GeoNames' name. */
  name: string
  /** ISO 3166-1 alpha-2. */
  country: string
  /** The country's name in the asked language. */
  countryName: string
  /** A city's centre; for a country, its capital's (search a country by its code, not by a radius). */
  latitude: number
  longitude: number
  /** A city's inhabitants (GeoNames); for a country or region, the sum over its cities: a rough size, for ranking only. */
  population: number
  /** A region's reach from its centre (where 90% of its people live, 25–600 km); absent for cities and countries. */
  radiusKm?: number
}

/** A target of the name index (city index ≥ 0, country `-(c + 1)`) as a Place. */
export function placeOf(t: PlaceTables, target: number, lang: string): Place {
  const { cities } = t
  if (target < 0) {
    const row = t.countries[-target - 1] as CountryRow
    const name = countryName(row.code, lang) ?? row.code
    return { id: `country:${row.code}`, kind: 'country', name, country: row.code, countryName: name, ...point(t, row.seat), population: row.population }
  }
  const code = cities.countryCodes[cities.country[target] as number] as string
  return {
    id: `geonames:${cities.ids[target]}`,
    kind: 'city',
    name: cityName(t, target, lang),
    country: code,
    countryName: countryName(code, lang) ?? code,
    ...point(t, target),
    population: cities.population[target] as number
  }
}

/** A city's name in `lang`: the alias table's when it has one, else GeoNames'. */
export const cityName = (t: PlaceTables, city: number, lang: string): string => t.localNames.get(city)?.[placeLanguage(lang)] ?? (t.cities.names[city] as string)

/** The country code of a target. */
export const countryOf = (t: PlaceTables, target: number): string =>
  target < 0 ? (t.countries[-target - 1] as CountryRow).code : (t.cities.countryCodes[t.cities.country[target] as number] as string)

/** The ranking weight of a target: its population. */
export const weightOf = (t: PlaceTables, target: number): number => (target < 0 ? (t.countries[-target - 1] as CountryRow).population : (t.cities.population[target] as number))

const point = (t: PlaceTables, city: number): { latitude: number; longitude: number } => ({
  latitude: (t.cities.lat[city] as number) / 1e5,
  longitude: (t.cities.lon[city] as number) / 1e5
})
