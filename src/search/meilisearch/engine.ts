/**
 * The Meilisearch engine (MEILI_URL), with the official client. Changes are
 * batched (flushed every 200 ms or at 500 listings): a listing's old
 * documents are deleted by filter and its new ones added, each batch waited
 * on as Meilisearch tasks, and a failed task is surfaced to whoever waits on
 * the change. Queries go through the pure translation in translate.ts.
 */
import type { SearchQuery } from '../query'
import { queryPlace, type SearchIndex, type SearchResult, type SearchHit, type SearchPoint, type FacetCounts } from '../search-index'
import { meiliSettings, listingToDocuments, toMeiliSearchParams, toMeiliPointsParams, readForMeili, type MeiliDocument } from './translate'
import { hitMatch, relaxedWords, type MatchesPosition } from './matched'
import type { ReadQuery } from '../reading/read-query'
import type { Gazetteer } from '../places/gazetteer'
import { sharedGazetteer } from '../places/shared'
import { isStale, type Listing } from '../../directory/listing'
import { inLanguage, excerpt } from '../documents'

// The client is ESM-only; it is loaded on first use, so CommonJS code can use it.
type MeiliModule = typeof import('meilisearch')
type Index = ReturnType<InstanceType<MeiliModule['Meilisearch']>['index']>
type Task = { status: string; error?: { message: string } | null }

const FLUSH_MS = 200
const FLUSH_AT = 500

async function done(task: Promise<Task>): Promise<void> {
  const t = await task
  if (t.status !== 'succeeded') throw new Error(`Meilisearch task ${t.status}: ${t.error?.message ?? 'no reason given'}`)
}

type Hit = MeiliDocument & { _geoDistance?: number; _matchesPosition?: MatchesPosition }

const FACET_FIELDS: Record<string, keyof FacetCounts> = { services: 'service', languages: 'language', kind: 'kind', countries: 'country', origin: 'origin' }

export class MeiliSearchIndex implements SearchIndex {
  private pending = new Map<string, MeiliDocument[] | null>()
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = []
  private timer: NodeJS.Timeout | null = null

  private constructor(private readonly index: Index, private readonly localOrigin: string, private readonly places: Gazetteer | null) {}

  /** `places` reads place names in queries (null: none); default, the process's shared gazetteer. */
  static async connect(url: string, apiKey: string | undefined, localOrigin: string, uid = 'listings', places: Gazetteer | null = sharedGazetteer()): Promise<MeiliSearchIndex> {
    const { Meilisearch } = (await import('meilisearch')) as MeiliModule
    const client = new Meilisearch({ host: url, ...(apiKey ? { apiKey } : {}) })
    const created = await client.createIndex(uid, { primaryKey: 'id' }).waitTask()
    if (created.status !== 'succeeded' && created.error?.code !== 'index_already_exists') throw new Error(`Meilisearch: ${created.error?.message}`)
    const index = client.index(uid)
    await done(index.updateSettings(meiliSettings() as unknown as Parameters<Index['updateSettings']>[0]).waitTask())
    return new MeiliSearchIndex(index, localOrigin, places)
  }

  private change(listingId: string, docs: MeiliDocument[] | null): Promise<void> {
    this.pending.set(listingId, docs)
    const waited = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    if (this.pending.size >= FLUSH_AT) void this.flush()
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS)
    return waited
  }

  /** Applies the batched changes; every caller waiting on them learns the outcome. */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const batch = this.pending
    const waiters = this.waiters
    this.pending = new Map()
    this.waiters = []
    if (batch.size === 0) return waiters.forEach((w) => w.resolve())
    try {
      const ids = [...batch.keys()].map((id) => JSON.stringify(id)).join(', ')
      await done(this.index.deleteDocuments({ filter: `listingId IN [${ids}]` }).waitTask())
      const docs = [...batch.values()].flatMap((d) => d ?? [])
      if (docs.length) await done(this.index.addDocuments(docs).waitTask())
      waiters.forEach((w) => w.resolve())
    } catch (e) {
      waiters.forEach((w) => w.reject(e))
    }
  }

  upsert(listing: Listing): Promise<void> {
    return this.change(listing.id, listingToDocuments(listing))
  }

  remove(listingId: string): Promise<void> {
    return this.change(listingId, null)
  }

  async clear(): Promise<void> {
    await this.flush()
    await done(this.index.deleteAllDocuments().waitTask())
  }

  async count(): Promise<number> {
    await this.flush()
    const res = await this.index.search('', { distinct: 'listingId', hitsPerPage: 1, page: 1 })
    return (res as { totalHits?: number }).totalHits ?? 0
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const read = readForMeili(query, this.places)
    const { q, ...params } = toMeiliSearchParams(query, read)
    const options = { ...params, showMatchesPosition: true }
    const res = await this.index.search<MeiliDocument, typeof options>(q, options)
    const facets: FacetCounts = { service: {}, language: {}, kind: {}, country: {}, origin: {} }
    for (const [field, counts] of Object.entries(res.facetDistribution ?? {})) {
      const ours = FACET_FIELDS[field]
      if (ours) facets[ours] = { ...counts }
    }
    const hits = res.hits.map((h) => this.hit(h as Hit, query.lang, read))
    const place = read.place && queryPlace(read.place.place, read.place.matchedText)
    return {
      hits,
      ...(place ? { place } : {}),
      facets,
      total: (res as { totalHits?: number }).totalHits ?? 0, // page/hitsPerPage: finite pagination
      page: query.page,
      perPage: query.perPage,
      relaxed: relaxedWords(read, hits),
      tookMs: res.processingTimeMs
    }
  }

  async points(query: SearchQuery, limit: number, offset = 0): Promise<SearchPoint[]> {
    const { q, filter, matchingStrategy } = toMeiliPointsParams(query, readForMeili(query, this.places))
    const res = await this.index.search<MeiliDocument>(q, { filter, matchingStrategy, limit, offset, attributesToRetrieve: ['listingId', 'slug', 'url', 'names', 'defaultLanguage', 'kind', 'services', '_geo', 'place', 'countries'] })
    return res.hits.filter((h) => h._geo).map((h) => ({
      id: h.listingId, slug: h.slug, url: h.url, name: this.name(h, query.lang), kind: h.kind, services: h.services,
      latitude: (h._geo as { lat: number }).lat, longitude: (h._geo as { lng: number }).lng, ...(h.place ? { place: h.place } : {}),
      ...(h.countries?.[0] ? { country: h.countries[0] } : {})
    }))
  }

  private name(d: MeiliDocument, lang: string): string {
    return inLanguage(d.names, lang, d.defaultLanguage) ?? d.slug
  }

  private hit(d: Hit, lang: string, read: ReadQuery): SearchHit {
    return {
      id: d.listingId, slug: d.slug, url: d.url, name: this.name(d, lang),
      summary: excerpt(inLanguage(d.summaries, lang, d.defaultLanguage) ?? ''),
      services: d.services, languages: d.languages, kind: d.kind,
      ...(d.countries[0] ? { country: d.countries[0] } : {}),
      ...(d._geo ? { location: { ...(d.place ? { name: d.place } : {}), latitude: d._geo.lat, longitude: d._geo.lng } } : {}),
      ...(d._geoDistance !== undefined ? { distanceKm: Math.round(d._geoDistance / 10) / 100 } : {}),
      origin: d.origin,
      stale: isStale(d, this.localOrigin, Date.now()),
      updated: new Date(d.updated).toISOString(),
      matched: hitMatch(read, d),
      ...(d.example ? { example: true as const } : {})
    }
  }
}
