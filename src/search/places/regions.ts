/**
 * First-level subdivisions (states, provinces, regions: "Chiapas",
 * "Cataluña", "Pernambuco", "Île-de-France") in the four languages, from
 * regions.json (ISO 3166-2 names, see scripts/regions-data.ts), placed by
 * the gazetteer's own cities: each region is where its cities are (by
 * their GeoNames admin1 code), at their population-weighted centre, as wide
 * as the circle around it where 90% of their people live. A region is read only when the words name no
 * city or country: "Oaxaca" is the city, "Chiapas" the state.
 */
import data from './regions.json'
import { adminCodeOf, type CityColumns } from './cities-file'
import { countryName, PLACE_LANGUAGES, placeLanguage, type PlaceLanguage } from './countries'
import { cut, foldKey, type Word } from './text'
import { linker } from './lookup'
import type { Place } from './place'
import { haversineKm } from '../geo'
import { COMMON_WORDS } from './words'
import { STOP_WORDS } from '../reading/stop-words'

/** A region the gazetteer can place. */
export interface RegionRow {
  /** ISO 3166-2, "MX-CHP". */
  code: string
  country: string
  names: Record<PlaceLanguage, string>
  latitude: number
  longitude: number
  /** How far its kept cities reach from its centre. */
  radiusKm: number
  population: number
}

export interface RegionTables {
  rows: RegionRow[]
  /** Folded name (and the name without "Province", "Estado de"...) → rows. */
  byName: Map<string, number[]>
  maxWords: number
}

// Words that say "region" around a name, left out for a shorter key ("Antioquia department" → "antioquia").
const GENERIC = /^(provincia|province|provincia de|province de|departamento|departamento de|departement|departement de|department|estado|estado de|etat|etat de|region|region de|state|state of|comunidad|comunidad de)\b|\b(province|provincia|department|departamento|region|state|oblast)$/
const MIN_RADIUS_KM = 25
const MAX_RADIUS_KM = 600
const MIN_WORD_LETTERS = 4

/** Builds the regions from the kept cities (their admin1 codes and populations). */
export function buildRegions(cities: CityColumns): RegionTables {
  const members = regionMembers(cities)
  const rows: RegionRow[] = []
  const byName = new Map<string, number[]>()
  let maxWords = 1
  for (const [country, iso, admin, en, ...others] of data.regions as string[][]) {
    const inRegion = members.get(`${country}|${adminCodeOf(admin as string)}`)
    if (!inRegion || !en) continue
    const names = Object.fromEntries(PLACE_LANGUAGES.map((lang, i) => [lang, (i === 0 ? en : others[i - 1]) || en])) as Record<PlaceLanguage, string>
    const row = rows.push({ code: `${country}-${iso}`, country: country as string, names, ...extent(cities, inRegion) }) - 1
    for (const name of new Set(Object.values(names))) {
      for (const key of new Set([foldKey(name), foldKey(name).replace(GENERIC, '').trim()])) {
        if (!key) continue
        byName.set(key, [...(byName.get(key) ?? []), row])
        maxWords = Math.max(maxWords, key.split(' ').length)
      }
    }
  }
  return { rows, byName, maxWords }
}

/** The kept cities of each region, by "country|admin1 code". */
function regionMembers(cities: CityColumns): Map<string, number[]> {
  const out = new Map<string, number[]>()
  for (let i = 0; i < cities.count; i++) {
    if (cities.admin[i] === 0) continue
    const key = `${cities.countryCodes[cities.country[i] as number]}|${cities.admin[i]}`
    const list = out.get(key)
    if (list) list.push(i)
    else out.set(key, [i])
  }
  return out
}

function extent(cities: CityColumns, members: number[]): Pick<RegionRow, 'latitude' | 'longitude' | 'radiusKm' | 'population'> {
  let weight = 0
  let lat = 0
  let lon = 0
  for (const i of members) {
    const w = Math.max(cities.population[i] as number, 1000) // a seat without a count still counts
    weight += w
    lat += w * (cities.lat[i] as number)
    lon += w * (cities.lon[i] as number)
  }
  const latitude = lat / weight / 1e5
  const longitude = lon / weight / 1e5
  // as wide as 90% of its people live: an outlying island does not make a state 550 km wide
  const byDistance = members
    .map((i) => ({ km: haversineKm(latitude, longitude, (cities.lat[i] as number) / 1e5, (cities.lon[i] as number) / 1e5), w: Math.max(cities.population[i] as number, 1000) }))
    .sort((a, b) => a.km - b.km)
  let reach = 0
  let people = 0
  for (const { km, w } of byDistance) {
    reach = km
    people += w
    if (people >= 0.9 * weight) break
  }
  return { latitude, longitude, radiusKm: Math.min(MAX_RADIUS_KM, Math.max(MIN_RADIUS_KM, reach)), population: weight }
}

/** The region a query's words name ("internet comunitario en Chiapas"), the longest run of words; its words and linking words cut from the rest. */
export function findRegion(t: RegionTables, denied: ReadonlySet<string>, text: string, words: Word[], lang: string): { place: Place; matchedText: string; rest: string } | undefined {
  let best: { from: number; to: number; row: number } | undefined
  for (let i = 0; i < words.length; i++) {
    let key = ''
    for (let j = i; j < words.length && j - i < t.maxWords; j++) {
      key = j === i ? (words[j] as Word).key : `${key} ${(words[j] as Word).key}`
      const rows = t.byName.get(key)
      if (!rows || !namesSomething(key, denied, j === i)) continue
      if (!best || j + 1 - i > best.to - best.from) best = { from: i, to: j + 1, row: mostPopulous(t, rows) }
    }
  }
  if (!best) return undefined
  const { linkFrom } = linker(words, best.from)
  const from = (words[best.from] as Word).start
  const to = (words[best.to - 1] as Word).end
  return { place: regionPlace(t.rows[best.row] as RegionRow, lang), matchedText: text.slice(from, to), rest: cut(text, (words[linkFrom] as Word).start, to) }
}

// One-word region names that are ordinary words in a query ("nube norte", "soporte central").
const ORDINARY = new Set('norte sur este oeste north south east west nord sud est ouest centre center central centro capital metropolitana oriental occidental litoral costa interior'.split(' '))

/** Whether a region's key has a word that is a name: not a stop word, not an ordinary word ("del sur", "norte"); alone, of four letters or more. */
function namesSomething(key: string, denied: ReadonlySet<string>, oneWord: boolean): boolean {
  if (oneWord) return key.length >= MIN_WORD_LETTERS && !denied.has(key) && !COMMON_WORDS.has(key) && !ORDINARY.has(key)
  return key.split(' ').some((w) => !STOP_WORDS.has(w) && !ORDINARY.has(w))
}

const mostPopulous = (t: RegionTables, rows: number[]): number => rows.reduce((a, b) => ((t.rows[b] as RegionRow).population > (t.rows[a] as RegionRow).population ? b : a))

export function regionPlace(row: RegionRow, lang: string): Place {
  return {
    id: `region:${row.code}`, kind: 'region', name: row.names[placeLanguage(lang)], country: row.country, countryName: countryName(row.country, lang) ?? row.country,
    latitude: row.latitude, longitude: row.longitude, population: row.population, radiusKm: row.radiusKm
  }
}
