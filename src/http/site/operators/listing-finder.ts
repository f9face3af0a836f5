/**
 * The operator's listings page query: words matched against name, names in
 * every language and slug (accents and case ignored), which listings
 * (this instance's, mirrored ones, or all), a moderation state, and a page.
 * The store pages by origin and state itself; words and "mirrored" are
 * matched here over the store's pages, one pass, in its order (newest
 * change first), which is plenty for the thousands of listings an
 * instance holds and needs nothing new of the ListingStore port.
 */
import type { Request } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import type { ListingPage } from '../../../directory/listing-store'
import { MODERATION_STATES, type Listing, type ModerationState } from '../../../directory/listing'

export const PER_PAGE = 50
/** How many listings one store read brings while matching. */
const SCAN_PAGE = 500
const MAX_WORDS = 100
const MAX_PAGE = 100000

export type Scope = 'all' | 'local' | 'mirrored'
const SCOPES: readonly Scope[] = ['all', 'local', 'mirrored']
const STATES = MODERATION_STATES

/** What the operator asked for, from the page's query (anything unknown falls back to the default). */
export interface ListingFilter {
  q: string
  scope: Scope
  moderation?: ModerationState
  page: number
}

const oneOf = <T extends string>(values: readonly T[], raw: unknown): T | undefined =>
  values.find((v) => v === raw)

export function parseFilter(query: Request['query']): ListingFilter {
  const q = typeof query.q === 'string' ? query.q.trim().slice(0, MAX_WORDS) : ''
  const page = typeof query.page === 'string' && /^\d{1,6}$/.test(query.page) ? Math.min(MAX_PAGE, Math.max(1, Number(query.page))) : 1
  const moderation = oneOf(STATES, query.state)
  return { q, scope: oneOf(SCOPES, query.scope) ?? 'all', ...(moderation ? { moderation } : {}), page }
}

/** Lower case, without accents: "Café" and "cafe" are the same words to a person searching. */
export const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Whether a listing's name, names or slug hold the words (already folded). */
export function matches(listing: Pick<Listing, 'name' | 'nameMap' | 'slug'>, words: string): boolean {
  if (!words) return true
  const names = [listing.name, listing.slug, ...Object.values(listing.nameMap ?? {})]
  return names.some((n) => folded(n).includes(words))
}

/** The page of listings the filter asks for, with the total it was cut from. */
export async function findListings(listings: Pick<ListingService, 'list' | 'origin'>, filter: ListingFilter): Promise<ListingPage> {
  const storeQuery = { ...(filter.scope === 'local' ? { origin: listings.origin } : {}), ...(filter.moderation ? { moderation: filter.moderation } : {}) }
  if (!filter.q && filter.scope !== 'mirrored') return listings.list({ ...storeQuery, page: filter.page, perPage: PER_PAGE })
  const words = folded(filter.q)
  const wanted = (l: Listing) => (filter.scope !== 'mirrored' || l.origin !== listings.origin) && matches(l, words)
  const skip = (filter.page - 1) * PER_PAGE
  const items: Listing[] = []
  let total = 0
  for (let page = 1; ; page++) {
    const read = await listings.list({ ...storeQuery, page, perPage: SCAN_PAGE })
    for (const listing of read.items) {
      if (!wanted(listing)) continue
      if (total >= skip && items.length < PER_PAGE) items.push(listing)
      total++
    }
    if (read.items.length < SCAN_PAGE) break
  }
  return { items, total, page: filter.page, perPage: PER_PAGE }
}

/** The first and last position shown and how many pages there are ("101–150 of 346"). */
export function pageRange(result: Pick<ListingPage, 'total' | 'page' | 'perPage'>): { from: number; to: number; pages: number } {
  const pages = Math.max(1, Math.ceil(result.total / result.perPage))
  const from = result.total ? (result.page - 1) * result.perPage + 1 : 0
  return { from: Math.min(from, result.total), to: Math.min(result.total, result.page * result.perPage), pages }
}

/** The page numbers to link: the first, the last, and two either side of the current one; null for a gap. */
export function pageWindow(current: number, pages: number): Array<number | null> {
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b)
  const out: Array<number | null> = []
  shown.forEach((n, i) => {
    if (i > 0 && n - (shown[i - 1] as number) > 1) out.push(null)
    out.push(n)
  })
  return out
}
