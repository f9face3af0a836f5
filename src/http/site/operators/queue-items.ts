/**
 * What waits for the operator (issue 12, point 5): applications (pending
 * listings) and changes of approved listings held for review, oldest first,
 * searched by name and cut into pages. Both are bounded — applications by
 * MAX_PENDING_LISTINGS (and a peer under review), changes by one per listing —
 * so the queue is read whole and filtered here rather than by the store.
 */
import type { ListingService } from '../../../directory/listing-service'
import type { Listing } from '../../../directory/listing'
import { withHeld, type HeldChanges } from '../../../directory/held-changes'
import type { HeldChange } from '../../../directory/change-review'

/** What the queue is read from. */
export interface QueueSources {
  listings: Pick<ListingService, 'list' | 'get'>
  heldChanges: Pick<HeldChanges, 'waiting' | 'countWaiting'>
}

/** One thing waiting: a new listing, or a change of an approved one (the listing as published, and the change). */
export type QueueItem =
  | { kind: 'application'; listing: Listing; since: Date }
  | { kind: 'change'; listing: Listing; change: HeldChange; since: Date }

/** One page of the queue. */
export interface QueuePage {
  items: QueueItem[]
  /** How many match (all of the queue without a search). */
  total: number
  page: number
  pages: number
  perPage: number
}

export const QUEUE_PER_PAGE = 25
const READ_PAGE = 100

/** How many wait for the operator: applications and held changes (for the operator navigation's count). */
export async function waitingInQueue(sources: QueueSources): Promise<number> {
  const [pending, changes] = await Promise.all([sources.listings.list({ moderation: 'pending', page: 1, perPage: 1 }), sources.heldChanges.countWaiting()])
  return pending.total + changes
}

async function applications(listings: QueueSources['listings']): Promise<QueueItem[]> {
  const items: QueueItem[] = []
  for (let page = 1; ; page++) {
    const read = await listings.list({ moderation: 'pending', page, perPage: READ_PAGE })
    items.push(...read.items.map((listing): QueueItem => ({ kind: 'application', listing, since: listing.published })))
    if (read.items.length < READ_PAGE) return items
  }
}

async function changes(sources: QueueSources): Promise<QueueItem[]> {
  const waiting = await sources.heldChanges.waiting()
  const items = await Promise.all(waiting.map(async (change): Promise<QueueItem | null> => {
    const found = await sources.listings.get(change.slug)
    return found.ok && found.value.id === change.listingId ? { kind: 'change', listing: found.value, change, since: change.heldAt } : null
  }))
  return items.filter((i): i is QueueItem => i !== null)
}

/** Text as searched: lower case, without accents, so "cafe" finds "Café". */
export const folded = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()

/** Every name an item goes by: its slug, its names in every language, and, for a change, the proposed ones. */
function namesOf(item: QueueItem): string[] {
  const of = (l: Listing) => [l.slug, l.name, ...Object.values(l.nameMap ?? {})]
  return item.kind === 'change' ? [...of(item.listing), ...of(withHeld(item.listing, item.change))] : of(item.listing)
}

/** The page `page` (clamped to the pages there are) of what waits, matching `search` when given. */
export async function queuePage(sources: QueueSources, query: { page: number; search: string; perPage?: number }): Promise<QueuePage> {
  const perPage = query.perPage ?? QUEUE_PER_PAGE
  const all = [...(await applications(sources.listings)), ...(await changes(sources))]
  const wanted = folded(query.search.trim())
  const matching = wanted ? all.filter((item) => namesOf(item).some((n) => folded(n).includes(wanted))) : all
  matching.sort((a, b) => a.since.getTime() - b.since.getTime() || a.listing.id.localeCompare(b.listing.id))
  const pages = Math.max(1, Math.ceil(matching.length / perPage))
  const page = Math.min(Math.max(1, query.page), pages)
  return { items: matching.slice((page - 1) * perPage, page * perPage), total: matching.length, page, pages, perPage }
}
