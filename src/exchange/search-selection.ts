/**
 * Which listings an export holds (issue 13, Build 2): the listings a search
 * returns, when its parameters carry any of the search's filters (`q`,
 * `service`, `language`, `kind`, `country`, `accepting`, `near`+`radius`,
 * `bbox`, `origin`), read as the search reads them (search/query.ts); else
 * the store's listings, as before (the public gets the published ones, the
 * operator every one or one moderation state, `origin=` for one instance).
 *
 * A search's export walks the engine's hits page by page, each page's
 * listings read from the store, so memory holds one page (and the ids
 * already given, so a listing that moves between pages while the index
 * changes is not written twice). The index holds published listings only,
 * so a search's export is of published listings, for anyone.
 */
import type { Listing, ModerationState } from '../directory/listing'
import { isPublished } from '../directory/listing'
import type { ListingStore } from '../directory/listing-store'
import type { ListingService } from '../directory/listing-service'
import { err, ok, type FieldError, type Result } from '../directory/result'
import { parseSearchQuery, type SearchQuery } from '../search/query'
import type { SearchIndex } from '../search/search-index'
import { selectedListings } from './export-formats'

/** The search's parameters an export passes on (paging, sort and lang are the export's own business). */
export const SEARCH_FILTERS = ['q', 'service', 'language', 'kind', 'country', 'accepting', 'near', 'radius', 'bbox', 'origin'] as const

export type ExportSelection =
  | { by: 'store'; origin?: string; moderation?: ModerationState }
  | { by: 'search'; query: SearchQuery }

/**
 * Hits read from the engine this many at a time: each page runs the whole
 * search again, so few large pages (100,000 hits: 20 searches); the store
 * is then read one listing at a time.
 */
const SEARCH_PAGE = 5000

const isEmpty = (v: unknown): boolean => v === undefined || v === '' || (Array.isArray(v) && v.every((x) => x === ''))

/**
 * The selection that `params` (an HTTP query or the CLI's flags as one)
 * asks for; `moderation` is the state the caller may see (undefined: every
 * state, the operator's; a search selects published listings only).
 */
export function exportSelection(params: Record<string, unknown>, moderation: ModerationState | undefined): Result<ExportSelection, FieldError[]> {
  const filters = Object.fromEntries(SEARCH_FILTERS.flatMap((name) => (isEmpty(params[name]) ? [] : [[name, params[name]]])))
  const searched = Object.keys(filters).some((name) => name !== 'origin') || [filters.origin].flat().join(',').includes(',')
  if (!searched) {
    const origin = filters.origin === undefined ? undefined : String([filters.origin].flat()[0])
    if (origin !== undefined && !(URL.canParse(origin) && new URL(origin).origin === origin)) return err([{ field: 'origin', message: 'must be scheme://host[:port]' }])
    return ok({ by: 'store', ...(origin ? { origin } : {}), ...(moderation ? { moderation } : {}) })
  }
  if (moderation && moderation !== 'approved') return err([{ field: 'moderation', message: 'a search selects among the published listings only; leave moderation out, or the search filters' }])
  const query = parseSearchQuery(filters)
  return query.ok ? ok({ by: 'search', query: { ...query.value, perPage: SEARCH_PAGE } }) : query
}

export interface SelectionSources {
  listings: Pick<ListingService, 'all'>
  store: Pick<ListingStore, 'byId'>
  search: Pick<SearchIndex, 'search'>
}

/** Every listing a search returns, in the search's order, page after page. */
async function* searchedListings(sources: SelectionSources, query: SearchQuery): AsyncGenerator<Listing> {
  const given = new Set<string>()
  for (let page = 1; ; page++) {
    const result = await sources.search.search({ ...query, page, perPage: SEARCH_PAGE })
    const ids = result.hits.map((h) => h.id).filter((id) => !given.has(id))
    const found = await Promise.all(ids.map((id) => sources.store.byId(id)))
    for (const listing of found) {
      // the index is a read model: a listing withdrawn since it was indexed is not exported
      if (!listing || !isPublished(listing) || given.has(listing.id)) continue
      given.add(listing.id)
      yield listing
    }
    if (result.hits.length < SEARCH_PAGE || page * SEARCH_PAGE >= result.total) return
  }
}

/** The listings of a selection, one page of them in memory at a time. */
export function listingsOf(sources: SelectionSources, selection: ExportSelection): AsyncIterable<Listing> {
  if (selection.by === 'search') return searchedListings(sources, selection.query)
  const { by: _by, ...query } = selection
  return selectedListings(sources.listings, query)
}
