/**
 * Mirrors: listings whose authority is a peer. Stored like local listings,
 * with provenance (origin, how they arrived, first seen, last verified), and
 * raising the same domain events. The caller has already checked authority
 * (the listing's id shares the origin it came from).
 */
import type { ListingStore } from './listing-store'
import type { DirectoryEvents } from './events'
import type { Listing, ModerationState, Provenance } from './listing'
import { validateListing } from './validate'
import { actorToListingInput } from '../federation/mirror-mapping'
import { ok, err, type Result, type DirectoryFailure } from './result'

export interface MirrorInput {
  origin: string
  actor: Record<string, unknown>
  via: Provenance['via']
  /** For a new mirror: publish at once or hold for review (the peer's policy). */
  moderation: ModerationState
}

const dateOr = (v: unknown, fallback: Date): Date => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN
  return Number.isNaN(t) ? fallback : new Date(t)
}

export class MirrorService {
  constructor(private readonly store: ListingStore, private readonly events: DirectoryEvents, private readonly now: () => Date = () => new Date()) {}

  async apply({ origin, actor, via, moderation }: MirrorInput): Promise<Result<Listing, DirectoryFailure>> {
    const id = actor.id
    if (typeof id !== 'string' || !id.startsWith(`${origin}/`)) return err({ kind: 'invalid', errors: [{ field: 'id', message: `must be on ${origin}` }] })
    const parsed = validateListing(actorToListingInput(actor))
    if (!parsed.ok) return err({ kind: 'invalid', errors: parsed.error })
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = this.now()
      const existing = await this.store.byId(id)
      const updated = dateOr(actor.updated, now)
      if (existing && existing.origin !== origin) return err({ kind: 'conflict', what: `${id} is held for another origin` })
      if (existing && existing.updated.getTime() >= updated.getTime()) {
        // Nothing newer: only note that the origin still vouches for it.
        const seen: Listing = { ...existing, provenance: { ...existing.provenance, lastVerified: now } }
        if (await this.store.replace(seen, existing.version)) return ok(seen)
        continue
      }
      const listing: Listing = {
        ...parsed.value,
        id,
        origin,
        published: existing?.published ?? dateOr(actor.published, now),
        updated,
        moderation: existing?.moderation ?? moderation,
        provenance: { origin, via, firstSeen: existing?.provenance.firstSeen ?? now, lastVerified: now },
        version: (existing?.version ?? 0) + 1
      }
      if (!existing) {
        if (!(await this.store.insert(listing))) continue
        this.events.emit('listing.created', { listing })
        return ok(listing)
      }
      if (await this.store.replace(listing, existing.version)) {
        this.events.emit('listing.updated', { listing, previous: existing })
        return ok(listing)
      }
    }
    return err({ kind: 'conflict', what: `${id} kept changing; not mirrored` })
  }

  async remove(id: string): Promise<Listing | null> {
    const deletedAt = this.now()
    const removed = await this.store.remove(id, deletedAt)
    if (removed) this.events.emit('listing.deleted', { listing: removed, deletedAt })
    return removed
  }

  /** Removes every mirror of an origin (unfollow, block, reject); returns how many. */
  async removeOrigin(origin: string): Promise<number> {
    return this.sweep(origin, new Set())
  }

  /** Removes the mirrors of `origin` whose ids are not in `keep` (a full sync's sweep). */
  async sweep(origin: string, keep: Set<string>): Promise<number> {
    let removed = 0
    for (const id of await this.store.idsOf(origin)) {
      if (!keep.has(id) && (await this.remove(id))) removed++
    }
    return removed
  }
}
