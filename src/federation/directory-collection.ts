/**
 * /directory: the instance's own listings as a paged OrderedCollection,
 * newest change first, with tombstones of deleted (or withdrawn) listings,
 * so a peer that missed deliveries can walk it and converge. Pages are cut by
 * a cursor (time and id of the last item), which stays stable while listings
 * change during a walk; `since` keeps only changes after an instant.
 */
import type { DirectoryChange } from '../directory/listing-store'
import type { ActorJson } from './actor-mapping'
import { ACTOR_CONTEXT } from './context'

export const DIRECTORY_PAGE_SIZE = 250
/**
 * A page stops growing past this many bytes of items, well under the 1 MB
 * that peers (Tejido included) accept in one fetch: listings with long
 * summaries in many languages make smaller pages, never refused ones.
 */
export const DIRECTORY_PAGE_BYTES = 640 * 1024

export interface Cursor { at: Date; id: string }

export function encodeCursor(c: Cursor): string {
  return `${c.at.toISOString()}|${c.id}`
}

export function decodeCursor(raw: string): Cursor | null {
  const i = raw.indexOf('|')
  if (i < 0) return null
  const at = new Date(raw.slice(0, i))
  const id = raw.slice(i + 1)
  return Number.isNaN(at.getTime()) || !id ? null : { at, id }
}

function pageUrl(base: string, params: { since?: Date; before?: Cursor }): string {
  const q = new URLSearchParams({ page: 'true' })
  if (params.since) q.set('since', params.since.toISOString())
  if (params.before) q.set('before', encodeCursor(params.before))
  return `${base}?${q.toString()}`
}

export function directoryCollection(base: string, totalItems: number, since?: Date): ActorJson {
  return {
    '@context': ACTOR_CONTEXT,
    id: since ? `${base}?since=${encodeURIComponent(since.toISOString())}` : base,
    type: 'OrderedCollection',
    totalItems,
    first: pageUrl(base, { since })
  }
}

/** A tombstone for a deleted listing, or for one no longer published (moderation). */
export function tombstoneJson(id: string, deleted: Date): ActorJson {
  return { id, type: 'Tombstone', formerType: 'Organization', deleted: deleted.toISOString() }
}

/** A page as JSON text: items serialized once, in order, until the byte budget is spent (at least one). */
export function directoryPage(
  base: string,
  changes: DirectoryChange[],
  /** The item for a change, or null to leave it out (never-published listings). */
  render: (change: DirectoryChange) => ActorJson | null,
  params: { since?: Date; before?: Cursor; pageSize: number; maxBytes?: number }
): string {
  const budget = params.maxBytes ?? DIRECTORY_PAGE_BYTES
  const items: string[] = []
  let bytes = 0
  let taken = 0
  for (const change of changes) {
    const item = render(change)
    taken++
    if (item === null) continue
    const json = JSON.stringify(item)
    items.push(json)
    bytes += Buffer.byteLength(json)
    if (bytes >= budget) break
  }
  const last = changes[taken - 1]
  const more = taken < changes.length || changes.length === params.pageSize
  const head = JSON.stringify({
    '@context': ACTOR_CONTEXT,
    id: pageUrl(base, params),
    type: 'OrderedCollectionPage',
    partOf: directoryCollection(base, 0, params.since).id,
    ...(more && last ? { next: pageUrl(base, { since: params.since, before: { at: last.at, id: last.id } }) } : {})
  })
  return `${head.slice(0, -1)},"orderedItems":[${items.join(',')}]}`
}
