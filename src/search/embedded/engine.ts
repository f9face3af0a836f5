/**
 * The embedded search engine (used when MEILI_URL is unset). Text goes to an
 * inverted index over flat integer postings (typos and prefixes as
 * Meilisearch counts them, field weights name > services > summary, every
 * language); facets, dates and coordinates live in columns of typed arrays;
 * results are paged with a top-k selection. A query touches numbers only,
 * until the page of hits is dressed for display.
 */
import { isStale, type Listing } from '../../directory/listing'
import type { SearchQuery } from '../query'
import { listingStamp, type SearchIndex, type SearchResult, type SearchHit, type SearchPoint } from '../search-index'
import { toEntry, inLanguage, excerpt, type SearchEntry } from '../documents'
import { serviceLabels } from '../documents'
import { Packr } from 'msgpackr'
import { TextIndex, NAME, SERVICES, SUMMARY, type TextSnapshot } from './text-index'
import { tokenize } from './term-table'
import { Columns, type ColumnsSnapshot } from './columns'
import { Matcher, areaTest, type Matches } from './matcher'
import { facetCounts, Ranker } from './ranking'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { f64, i32 } = cells

// Bump when what the index keeps or how it tokenizes changes: an older snapshot is then rebuilt, not misread.
const SNAPSHOT_FORMAT = 1
const snapshots = new Packr({ useRecords: true, moreTypes: false })

interface EngineSnapshot { format: number; origin: string; display: Array<Display | null>; text: TextSnapshot; columns: ColumnsSnapshot }

/** What a hit shows, kept per slot; summaries only as long as an excerpt. */
type Display = Pick<SearchEntry, 'id' | 'slug' | 'url' | 'names' | 'defaultLanguage' | 'services' | 'languages' | 'countries'> & {
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
  private readonly matcher = new Matcher(this.columns, this.text)
  private readonly ranker = new Ranker()
  private readonly termsOfService = new Map<string, Int32Array>()

  constructor(private readonly localOrigin: string, private readonly now: () => number = Date.now) {}

  async upsert(listing: Listing): Promise<void> {
    this.drop(listing.id)
    const entry = toEntry(listing)
    const slot = this.columns.add(entry)
    // each text on its own (no joined copies); a word in several is counted once, with every field it is in
    const fields: Array<[number, string | Int32Array]> = [[NAME, listing.name], [SERVICES, entry.tags.join(' ')]]
    for (const name of Object.values(entry.names)) if (name !== listing.name) fields.push([NAME, name])
    for (const summary of Object.values(entry.summaries)) fields.push([SUMMARY, summary])
    for (const service of entry.services) fields.push([SERVICES, this.serviceTerms(service)])
    this.text.add(slot, fields)
    const excerpts: Record<string, string> = {}
    for (const [lang, summary] of Object.entries(entry.summaries)) excerpts[lang] = excerpt(summary)
    this.display[slot] = {
      id: entry.id, slug: entry.slug, url: entry.url, names: entry.names, defaultLanguage: entry.defaultLanguage, stamp: listingStamp(listing),
      services: entry.services, languages: entry.languages, countries: entry.countries, excerpts,
      places: entry.points
    }
    this.slotOf.set(listing.id, slot)
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
    this.slotOf.clear()
    this.display = []
    this.columns.clear()
    this.text.clear()
    this.termsOfService.clear()
  }

  async count(): Promise<number> {
    return this.slotOf.size
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = process.hrtime.bigint()
    const m = this.matcher.match(query)
    const facets = facetCounts(this.columns, m)
    const start = (query.page - 1) * query.perPage
    const order = this.ranker.pageOrder(query, m, this.columns, (slot) => this.displayOf(slot).id, start, start + query.perPage)
    const hits = order.map((i) => this.hit(m, i, query.lang))
    return { hits, facets, total: m.count, page: query.page, perPage: query.perPage, relaxed: [], tookMs: Number(process.hrtime.bigint() - started) / 1e6 }
  }

  async points(query: SearchQuery, limit: number, offset = 0): Promise<SearchPoint[]> {
    const m = this.matcher.match(query)
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

  private hit(m: Matches, i: number, lang: string): SearchHit {
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
      matched: { services: [], words: [] }
    }
  }

  /** A service's id and labels in every language: the same words for every listing, so tokenized once. */
  private serviceTerms(service: string): Int32Array {
    let terms = this.termsOfService.get(service)
    if (!terms) {
      terms = this.text.termIds(tokenize(`${service} ${serviceLabels.get(service) ?? ''}`))
      this.termsOfService.set(service, terms)
    }
    return terms
  }

  private drop(listingId: string): void {
    const slot = this.slotOf.get(listingId)
    if (slot === undefined) return
    this.slotOf.delete(listingId)
    this.text.remove(slot)
    this.columns.remove(slot)
    this.display[slot] = undefined
  }
}
