/**
 * Mirrors: listings whose authority is a peer. Stored like local listings,
 * with provenance (origin, how they arrived, first seen, last verified), and
 * raising the same domain events. The caller has already checked authority
 * (the listing's id shares the origin it came from) and mapped what the peer
 * sent to a validated ListingInput: the domain knows nothing of ActivityStreams.
 */
import type { ListingStore } from './listing-store'
import type { DirectoryEvents } from './events'
import type { Listing, ListingInput, ModerationState, Provenance } from './listing'
import { ok, err, type Result, type DirectoryFailure } from './result'

/** A listing as its origin describes it, ready to be mirrored. */
export interface MirrorInput {
  origin: string
  /** The listing's id on its origin. */
  id: string
  /** Its fields, already mapped from what the peer sent and validated. */
  listing: ListingInput
  /** When the origin says it was published and last changed; absent means "now". */
  published?: Date
  updated?: Date
  via: Provenance['via']
  /** For a new mirror: publish at once or hold for review (the peer's policy). */
  moderation: ModerationState
}

/** The authority rule (FEP-fe34): a mirror's id lives on the origin it came from. */
export const isOnOrigin = (id: string, origin: string): boolean => id.startsWith(`${origin}/`)

/** A mirror refused because its id is not on its origin, as the field error callers report. */
export const notOnOrigin = (origin: string): Result<never, DirectoryFailure> => err({ kind: 'invalid', errors: [{ field: 'id', message: `must be on ${origin}` }] })

export class MirrorService {
  constructor(private readonly store: ListingStore, private readonly events: DirectoryEvents, private readonly now: () => Date = () => new Date()) {}

  async apply(input: MirrorInput): Promise<Result<Listing, DirectoryFailure>> {
    const { origin, id, via, moderation } = input
    if (!isOnOrigin(id, origin)) return notOnOrigin(origin)
    for (let attempt = 0; attempt < 3; attempt++) {
      const now = this.now()
      const existing = await this.store.byId(id)
      const updated = input.updated ?? now
      if (existing && existing.origin !== origin) return err({ kind: 'conflict', what: `${id} is held for another origin` })
      if (existing && existing.updated.getTime() >= updated.getTime()) {
        // Nothing newer: only note that the origin still vouches for it.
        const seen: Listing = { ...existing, provenance: { ...existing.provenance, lastVerified: now } }
        if (await this.store.replace(seen, existing.version)) return ok(seen)
        continue
      }
      const listing: Listing = {
        ...input.listing,
        id,
        origin,
        published: existing?.published ?? input.published ?? now,
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
