/**
 * GET /directory: the paged OrderedCollection peers walk to backfill and
 * repair their mirrors (see federation/directory-collection.ts).
 */
import { Router } from 'express'
import type { ListingStore, DirectoryChange } from '../../directory/listing-store'
import { isPublished, wasEverPublished, PUBLISHED } from '../../directory/listing'
import type { ActorKeys } from '../../federation/keys'
import { listingToActor } from '../../federation/actor-mapping'
import { AP_CONTENT_TYPE } from '../../federation/context'
import { DIRECTORY_PAGE_SIZE, decodeCursor, directoryCollection, directoryPage, tombstoneJson } from '../../federation/directory-collection'
import { sendProblem } from '../problem'
import { handle } from '../handle'

export function directoryRoutes(store: ListingStore, keys: ActorKeys, origin: string, instanceActorId: string): Router {
  const router = Router()
  const base = `${origin}/directory`

  router.get('/directory', handle(async (req, res) => {
    const bad = (field: string, message: string) =>
      sendProblem(res, { status: 400, title: 'Bad query parameter', detail: `${field} ${message}`, errors: [{ field, message }] })
    let since: Date | undefined
    if (req.query.since !== undefined) {
      since = new Date(String(req.query.since))
      if (typeof req.query.since !== 'string' || Number.isNaN(since.getTime())) return bad('since', 'must be an ISO 8601 date-time')
    }
    let before
    if (req.query.before !== undefined) {
      before = typeof req.query.before === 'string' ? decodeCursor(req.query.before) : null
      if (!before) return bad('before', 'must be a cursor from a previous page')
    }
    res.set('Vary', 'Accept')
    if (req.query.page === undefined) {
      const [listings, tombstones] = await Promise.all([store.count({ origin, moderation: PUBLISHED }), store.countTombstones(origin)])
      return res.type(AP_CONTENT_TYPE).send(JSON.stringify(directoryCollection(base, listings + tombstones, since)))
    }
    const changes = await store.changes({ origin, since, before: before ?? undefined, limit: DIRECTORY_PAGE_SIZE })
    const keyPems = new Map<string, { publicKeyPem: string }>()
    await Promise.all(changes.map(async (c) => {
      if (c.kind === 'listing') {
        const key = await keys.find(c.id)
        if (key) keyPems.set(c.id, key)
      }
    }))
    const render = (c: DirectoryChange) => {
      if (c.kind === 'tombstone') return tombstoneJson(c.id, c.tombstone.deleted)
      if (!wasEverPublished(c.listing)) return null // never published: not announced at all
      if (!isPublished(c.listing)) return tombstoneJson(c.id, c.listing.updated) // withdrawn after approval
      return listingToActor(c.listing, keyPems.get(c.id) ?? null, instanceActorId)
    }
    res.type(AP_CONTENT_TYPE).send(directoryPage(base, changes, render, { since, before: before ?? undefined, pageSize: DIRECTORY_PAGE_SIZE }))
  }))
  return router
}
