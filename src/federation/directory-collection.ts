/**
 * /directory: the instance's own listings as a paged OrderedCollection,
 * newest change first, with tombstones of deleted (or withdrawn) listings,
 * so a peer that missed deliveries can walk it and converge. Pages are cut by
 * a cursor (time and id of the last item), which stays stable while listings
 * change during a walk; `since` keeps only changes after an instant.
 */
import type { DirectoryChange } from '../storage/listing-store'
import type { ActorJson } from './actor-mapping'
import { ACTOR_CONTEXT } from './context'

export const DIRECTORY_PAGE_SIZE = 100

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

export function directoryPage(
  base: string,
  changes: DirectoryChange[],
  /** The item for a change, or null to leave it out (never-published listings). */
  render: (change: DirectoryChange) => ActorJson | null,
  params: { since?: Date; before?: Cursor; pageSize: number }
): ActorJson {
  const last = changes[changes.length - 1]
  return {
    '@context': ACTOR_CONTEXT,
    id: pageUrl(base, params),
    type: 'OrderedCollectionPage',
    partOf: directoryCollection(base, 0, params.since).id,
    orderedItems: changes.map(render).filter((item): item is ActorJson => item !== null),
    ...(changes.length === params.pageSize && last ? { next: pageUrl(base, { since: params.since, before: { at: last.at, id: last.id } }) } : {})
  }
}
