/**
 * The embedded search engine (used when MEILI_URL is unset): MiniSearch for
 * typo-tolerant, prefix text matching across every language of a listing,
 * with Meilisearch's typo rule (1 typo from 5 letters, 2 from 9) and field
 * weights (name above services above summary); exact facet and geo
 * filtering of our own over the entries.
 */
import MiniSearch from 'minisearch'
import type { Listing } from '../../directory/listing'
import type { SearchQuery } from '../query'
import type { SearchIndex, SearchResult, SearchHit, FacetCounts, SearchPoint } from '../search-index'
import { toEntry, inLanguage, excerpt, type SearchEntry } from '../documents'
import { haversineKm, inBox } from '../geo'

/** A mirror whose origin has not vouched for it in this long is marked stale. */
export const STALE_AFTER_MS = 2 * 24 * 3600 * 1000

export const typoBudget = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0)

// Accent folding only where there is something to fold: most terms are ASCII.
const NON_ASCII = /[^ -~]/ // outside printable ASCII
const fold = (term: string): string =>
  (NON_ASCII.test(term) ? term.normalize('NFD').replace(/\p{Diacritic}/gu, '') : term).toLowerCase()

interface TextDoc { id: string; name: string; services: string; summary: string }

interface Match { entry: SearchEntry; score: number; point?: SearchEntry['points'][number]; distanceKm?: number }

export class EmbeddedSearchIndex implements SearchIndex {
  private readonly entries = new Map<string, SearchEntry>()
  private text = this.newText()

  constructor(private readonly localOrigin: string, private readonly now: () => number = Date.now) {}

  private newText(): MiniSearch<TextDoc> {
    return new MiniSearch<TextDoc>({ fields: ['name', 'services', 'summary'], processTerm: (t) => fold(t) || null })
  }

  async upsert(listing: Listing): Promise<void> {
    if (this.entries.has(listing.id)) this.text.discard(listing.id)
    const entry = toEntry(listing)
    this.entries.set(listing.id, entry)
    this.text.add({ id: entry.id, ...entry.text })
  }

  async remove(listingId: string): Promise<void> {
    if (!this.entries.delete(listingId)) return
    this.text.discard(listingId)
  }

  async clear(): Promise<void> {
    this.entries.clear()
    this.text = this.newText()
  }

  async count(): Promise<number> {
    return this.entries.size
  }

  private scores(q: string): Map<string, number> | null {
    if (!q) return null
    const results = this.text.search(q, {
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => typoBudget(term),
      boost: { name: 3, services: 2, summary: 1 },
      combineWith: 'AND'
    })
    return new Map(results.map((r) => [String(r.id), r.score]))
  }

  /** Every listing the query matches, with its best point. */
  private match(query: SearchQuery): Match[] {
    const scores = this.scores(query.q)
    const out: Match[] = []
    const candidates = scores ? [...scores.keys()].map((id) => this.entries.get(id)).filter((e): e is SearchEntry => !!e) : this.entries.values()
    const any = (wanted: string[], have: string[]) => wanted.length === 0 || wanted.some((w) => have.includes(w))
    for (const entry of candidates) {
      if (!any(query.service, entry.services) || !any(query.language, entry.languages) || !any(query.country, entry.countries)) continue
      if (query.kind.length && !query.kind.includes(entry.kind)) continue
      if (query.origin.length && !query.origin.includes(entry.origin)) continue
      if (query.accepting !== undefined && entry.accepting !== query.accepting) continue
      const geo = query.radius !== undefined || query.bbox !== undefined
      let best: Match['point']
      let bestKm: number | undefined
      for (const p of entry.points) {
        const km = query.near ? haversineKm(query.near.lat, query.near.lng, p.lat, p.lng) : undefined
        if (query.radius !== undefined && (km as number) > query.radius) continue
        if (query.bbox && !inBox(p.lat, p.lng, query.bbox)) continue
        if (best === undefined || (km !== undefined && km < (bestKm as number))) {
          best = p
          bestKm = km
        }
      }
      if (geo && best === undefined) continue
      out.push({ entry, score: scores?.get(entry.id) ?? 0, ...(best ? { point: best } : {}), ...(bestKm !== undefined ? { distanceKm: bestKm } : {}) })
    }
    return out
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = process.hrtime.bigint()
    const matches = this.match(query)
    const facets: FacetCounts = { service: {}, language: {}, kind: {}, country: {}, origin: {} }
    const bump = (facet: keyof FacetCounts, value: string) => (facets[facet][value] = (facets[facet][value] ?? 0) + 1)
    for (const { entry } of matches) {
      entry.services.forEach((s) => bump('service', s))
      entry.languages.forEach((l) => bump('language', l))
      entry.countries.forEach((c) => bump('country', c))
      bump('kind', entry.kind)
      bump('origin', entry.origin)
    }
    const byUpdated = (a: Match, b: Match) => b.entry.updated - a.entry.updated || (a.entry.id < b.entry.id ? -1 : 1)
    if (query.sort === 'distance') matches.sort((a, b) => (a.distanceKm ?? Infinity) - (b.distanceKm ?? Infinity) || byUpdated(a, b))
    else if (query.sort === 'updated' || !query.q) matches.sort(byUpdated)
    else matches.sort((a, b) => b.score - a.score || byUpdated(a, b))
    const start = (query.page - 1) * query.perPage
    const hits = matches.slice(start, start + query.perPage).map((m) => this.hit(m, query.lang))
    return { hits, facets, total: matches.length, page: query.page, perPage: query.perPage, tookMs: Number(process.hrtime.bigint() - started) / 1e6 }
  }

  async points(query: SearchQuery, limit: number): Promise<SearchPoint[]> {
    const out: SearchPoint[] = []
    for (const { entry } of this.match(query)) {
      for (const p of entry.points) {
        if (query.bbox && !inBox(p.lat, p.lng, query.bbox)) continue
        if (query.radius !== undefined && query.near && haversineKm(query.near.lat, query.near.lng, p.lat, p.lng) > query.radius) continue
        out.push({ id: entry.id, slug: entry.slug, url: entry.url, name: this.name(entry, query.lang), kind: entry.kind, services: entry.services, latitude: p.lat, longitude: p.lng, ...(p.name ? { place: p.name } : {}) })
        if (out.length >= limit) return out
      }
    }
    return out
  }

  private name(entry: SearchEntry, lang: string): string {
    return inLanguage(entry.names, lang, entry.defaultLanguage) ?? entry.slug
  }

  private hit(m: Match, lang: string): SearchHit {
    const e = m.entry
    return {
      id: e.id, slug: e.slug, url: e.url, name: this.name(e, lang),
      summary: excerpt(inLanguage(e.summaries, lang, e.defaultLanguage) ?? ''),
      services: e.services, languages: e.languages, kind: e.kind,
      ...(m.point?.country ?? e.countries[0] ? { country: m.point?.country ?? e.countries[0] } : {}),
      ...(m.point ? { location: { ...(m.point.name ? { name: m.point.name } : {}), latitude: m.point.lat, longitude: m.point.lng } } : {}),
      ...(m.distanceKm !== undefined ? { distanceKm: Math.round(m.distanceKm * 100) / 100 } : {}),
      origin: e.origin,
      stale: e.origin !== this.localOrigin && this.now() - e.lastVerified > STALE_AFTER_MS
    }
  }
}
