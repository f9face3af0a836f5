/**
 * The embedded search engine (used when MEILI_URL is unset). Text goes to an
 * inverted index over flat integer postings (typos and prefixes as
 * Meilisearch counts them, a transposition as one; field weights name >
 * services and places > summary, every language); a query is read first
 * (reading/: its place, its stop words, the services its words name), and
 * relaxed when all its words match less than a page. Facets, dates and
 * coordinates live in columns of typed arrays; results are paged with a
 * top-k selection. A query touches numbers only, until the page of hits is
 * dressed for display.
 */
import { isStale, type Listing } from '../../directory/listing'
import { DEFAULT_QUERY, type SearchQuery } from '../query'
import { listingStamp, queryPlace, type SearchIndex, type SearchResult, type SearchHit, type SearchPoint, type HitMatch } from '../search-index'
import { toEntry, inLanguage, excerpt, type SearchEntry } from '../documents'
import { Packr } from 'msgpackr'
import { TextIndex, NAME, PLACE, SERVICES, SUMMARY, conceptTerm, type TextSnapshot } from './text-index'
import { tokenize } from './term-table'
import { Columns, type ColumnsSnapshot } from './columns'
import { Matcher, areaTest, type Matches } from './matcher'
import { facetCounts, Ranker, type PlaceRank } from './ranking'
import { WordMatcher, type WordMatches } from './word-match'
import { readQuery, servicesNamed, type ReadQuery } from '../reading/read-query'
import type { Concept } from '../reading/concepts'
import type { Gazetteer } from '../places/gazetteer'
import type { Place } from '../places/place'
import { PlaceChoice } from './place-choice'
import { sharedGazetteer } from '../places/shared'
import { countryName, registerCountryLocales, PLACE_LANGUAGES } from '../places/countries'
import { spellingOf } from './spelling'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { f64, i32 } = cells

// Bump when what the index keeps or how it tokenizes changes: an older snapshot is then rebuilt, not misread.
const SNAPSHOT_FORMAT = 3 // 3: hits carry `example`
const snapshots = new Packr({ useRecords: true, moreTypes: false })

interface EngineSnapshot { format: number; origin: string; display: Array<Display | null>; text: TextSnapshot; columns: ColumnsSnapshot }

/** What a hit shows, kept per slot; summaries only as long as an excerpt. */
type Display = Pick<SearchEntry, 'id' | 'slug' | 'url' | 'names' | 'defaultLanguage' | 'services' | 'languages' | 'countries' | 'example'> & {
  /** Which version of the listing this is, to tell a snapshot's entries that are still current. */
  stamp: string
  excerpts: Record<string, string>
  places: SearchEntry['points']
}

export class EmbeddedSearchIndex implements SearchIndex {
  private readonly slotOf = new Map<string, number>()
  private display: Array<Display | undefined> = []
  private readonly columns = new Columns()
  private readonly text = new TextIndex()
  private readonly matcher = new Matcher(this.columns)
  private readonly words = new WordMatcher(this.text)
  private readonly ranker = new Ranker()
  private readonly nearby = new PlaceChoice(this.columns)
  /** Term ids of text every listing of a service, kind or country shares (concept terms, country names), made once. */
  private readonly sharedTerms = new Map<string, Int32Array>()

  /**
   * `places`: the gazetteer that reads place names in queries ("web hosting
   * Oaxaca"); null to read none. Default, the process's shared one.
   */
  constructor(private readonly localOrigin: string, private readonly now: () => number = Date.now, private readonly places: Gazetteer | null = sharedGazetteer()) {
    registerCountryLocales()
  }

  async upsert(listing: Listing): Promise<void> {
    this.drop(listing.id)
    const entry = toEntry(listing)
    const slot = this.columns.add(entry)
    // each text on its own (no joined copies); a word in several is counted once, with every field it is in
    const fields: Array<[number, string | Int32Array]> = [[NAME, listing.name], [SERVICES, entry.tags.join(' ')]]
    for (const name of Object.values(entry.names)) if (name !== listing.name) fields.push([NAME, name])
    for (const summary of Object.values(entry.summaries)) fields.push([SUMMARY, summary])
    for (const service of entry.services) fields.push([SERVICES, this.conceptTerms({ type: 'service', id: service })])
    fields.push([SERVICES, this.conceptTerms({ type: 'kind', id: entry.kind })])
    for (const p of listing.location ?? []) fields.push([PLACE, `${p.name ?? ''} ${p.address ?? ''}`])
    for (const country of entry.countries) fields.push([PLACE, this.countryTerms(country)])
    this.text.add(slot, fields)
    const excerpts: Record<string, string> = {}
    for (const [lang, summary] of Object.entries(entry.summaries)) excerpts[lang] = excerpt(summary)
    this.display[slot] = {
      id: entry.id, slug: entry.slug, url: entry.url, names: entry.names, defaultLanguage: entry.defaultLanguage, stamp: listingStamp(listing),
      services: entry.services, languages: entry.languages, countries: entry.countries, excerpts,
      places: entry.points, ...(entry.example ? { example: true as const } : {})
    }
    this.slotOf.set(listing.id, slot)
    this.nearby.forget()
  }

  async remove(listingId: string): Promise<void> {
    this.drop(listingId)
  }

  /** Each indexed listing's stamp (see listingStamp), to compare with the store after a restore. */
  stamps(): Map<string, string> {
    const out = new Map<string, string>()
    for (const [id, slot] of this.slotOf) out.set(id, this.displayOf(slot).stamp)
    return out
  }

  /** The whole index as bytes: loading them is several times faster than indexing the listings again. */
  persist(): Buffer {
    const snap: EngineSnapshot = { format: SNAPSHOT_FORMAT, origin: this.localOrigin, display: this.display.map((d) => d ?? null), text: this.text.snapshot(), columns: this.columns.snapshot() }
    return snapshots.pack(snap)
  }

  /** Replaces the index with a snapshot's; false (and an empty index) when the bytes are not one of ours. */
  restore(bytes: Buffer): boolean {
    this.clearSync()
    try {
      const snap = snapshots.unpack(bytes) as EngineSnapshot
      if (snap?.format !== SNAPSHOT_FORMAT || snap.origin !== this.localOrigin) return false
      this.text.restore(snap.text)
      this.columns.restore(snap.columns)
      this.display = snap.display.map((d) => d ?? undefined)
      this.display.forEach((d, slot) => {
        if (d) this.slotOf.set(d.id, slot)
      })
      return true
    } catch {
      this.clearSync()
      return false
    }
  }

  async clear(): Promise<void> {
    this.clearSync()
  }

  private clearSync(): void {
    this.nearby.forget()
    this.slotOf.clear()
    this.display = []
    this.columns.clear()
    this.text.clear()
    this.sharedTerms.clear()
  }

  async count(): Promise<number> {
    return this.slotOf.size
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = process.hrtime.bigint()
    const { read, text, m, rank, place: named } = this.run(query)
    const facets = facetCounts(this.columns, m)
    const start = (query.page - 1) * query.perPage
    const order = this.ranker.pageOrder(query, m, this.columns, (slot) => this.displayOf(slot).id, start, start + query.perPage, rank)
    const hits = order.map((i) => this.hit(m, i, query.lang, read))
    const relaxed = [...(text?.dropped ?? []).map((i) => read.words[i]?.text as string), ...read.beyond]
    const didYouMean = text ? spellingOf(this.text, query.q, read, text) : undefined
    const place = named && read.place && queryPlace(named, read.place.matchedText)
    return {
      hits, facets, total: m.count, page: query.page, perPage: query.perPage, relaxed,
      ...(place ? { place } : {}), ...(didYouMean ? { didYouMean } : {}),
      tookMs: Number(process.hrtime.bigint() - started) / 1e6
    }
  }

  /**
   * A query's matches: its words read (the place they name, when it gives
   * no area of its own), matched and relaxed below a default page, so the
   * list and the map's points agree whatever page size each asks for.
   */
  private run(query: SearchQuery): { read: ReadQuery; text: WordMatches | null; m: Matches; rank: PlaceRank | null; place: Place | undefined } {
    const read = readQuery(query.q, query.lang, query.near || query.bbox ? null : this.places)
    const place = read.place && this.nearby.choose(read.place)
    const around = place ? this.nearby.around(place) : null
    const text = this.words.match(read.words, DEFAULT_QUERY.perPage, around)
    const near = place && place.kind !== 'country' ? { lat: place.latitude, lng: place.longitude } : undefined
    const m = this.matcher.match(near ? { ...query, near } : query, text)
    const rank: PlaceRank | null = !place || !around ? null
      : place.kind !== 'country' ? { nearest: true, around } : { country: this.columns.countries.lookup([place.country])[0] ?? -1, around }
    return { read, text, m, rank, place }
  }

  async points(query: SearchQuery, limit: number, offset = 0): Promise<SearchPoint[]> {
    const { m } = this.run(query)
    const area = areaTest(query)
    const { points } = this.columns
    const lat = points.column('lat')
    const lng = points.column('lng')
    const out: SearchPoint[] = []
    let skip = offset
    for (let i = 0; i < m.count && out.length < limit; i++) {
      const slot = i32(m.slots, i)
      const d = this.displayOf(slot)
      const name = this.name(d, query.lang)
      const first = points.first(slot)
      for (let cell = first, end = points.end(slot); cell < end && out.length < limit; cell++) {
        const latitude = f64(lat, cell)
        const longitude = f64(lng, cell)
        if (area && !area(latitude, longitude)) continue
        if (skip > 0) {
          skip--
          continue
        }
        const spot = d.places[cell - first]
        const country = spot?.country ?? d.countries[0]
        out.push({ id: d.id, slug: d.slug, url: d.url, name, kind: this.columns.kindOf(slot), services: d.services, latitude, longitude, ...(spot?.name ? { place: spot.name } : {}), ...(country ? { country } : {}) })
      }
    }
    return out
  }

  /** What a live slot shows (every slot a match or `slotOf` gives has one). */
  private displayOf(slot: number): Display {
    return this.display[slot] as Display
  }

  private name(d: Display, lang: string): string {
    return inLanguage(d.names, lang, d.defaultLanguage) ?? d.slug
  }

  private hit(m: Matches, i: number, lang: string, read: ReadQuery): SearchHit {
    const c = this.columns
    const slot = i32(m.slots, i)
    const d = this.displayOf(slot)
    const cell = i32(m.cells, i)
    const place = cell === -1 ? undefined : d.places[cell - c.points.first(slot)]
    const country = place?.country ?? d.countries[0]
    const origin = c.originOf(slot)
    return {
      id: d.id, slug: d.slug, url: d.url, name: this.name(d, lang),
      summary: inLanguage(d.excerpts, lang, d.defaultLanguage) ?? '',
      services: d.services, languages: d.languages, kind: c.kindOf(slot),
      ...(country ? { country } : {}),
      ...(cell !== -1 ? { location: { ...(place?.name ? { name: place.name } : {}), latitude: f64(c.points.column('lat'), cell), longitude: f64(c.points.column('lng'), cell) } } : {}),
      ...(m.km && Number.isFinite(m.km[i]) ? { distanceKm: Math.round(f64(m.km, i) * 100) / 100 } : {}),
      origin,
      stale: isStale({ origin, lastVerified: f64(c.lastVerified, slot) }, this.localOrigin, this.now()),
      updated: new Date(f64(c.updated, slot)).toISOString(),
      matched: matchedOf(m.text, slot, read, d.services),
      ...(d.example ? { example: true as const } : {})
    }
  }

  /** The term of a service or kind, made once. */
  private conceptTerms(concept: Concept): Int32Array {
    const term = conceptTerm(concept)
    let ids = this.sharedTerms.get(term)
    if (!ids) this.sharedTerms.set(term, (ids = this.text.termIds([term])))
    return ids
  }

  /** A country's names in the four languages, as words, made once. */
  private countryTerms(code: string): Int32Array {
    const key = `country:${code}`
    let ids = this.sharedTerms.get(key)
    if (!ids) {
      const names = PLACE_LANGUAGES.map((lang) => countryName(code, lang) ?? '').join(' ')
      this.sharedTerms.set(key, (ids = this.text.termIds([...new Set(tokenize(names))])))
    }
    return ids
  }

  private drop(listingId: string): void {
    const slot = this.slotOf.get(listingId)
    if (slot === undefined) return
    this.slotOf.delete(listingId)
    this.nearby.forget()
    this.text.remove(slot)
    this.columns.remove(slot)
    this.display[slot] = undefined
  }
}

/** What of the query a hit holds: the words (by the match's mask) and its services those words name. */
function matchedOf(text: WordMatches | null, slot: number, read: ReadQuery, services: readonly string[]): HitMatch {
  if (!text) return { services: [], words: [] }
  const mask = i32(text.mask, slot)
  const held = read.words.filter((_, i) => mask & (1 << i))
  return { services: servicesNamed(held, services), words: held.map((w) => w.key) }
}
