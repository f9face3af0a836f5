/**
 * Held changes: an editor's proposal for an approved listing's reviewed
 * fields (change-review.ts), kept until the operator decides. One per
 * listing: a new save replaces it, its editor can withdraw it. Approving
 * applies it onto the listing as it is then (through ListingService, so the
 * public, search and peers hear of it as any change); rejecting keeps it,
 * declined, so its editor sees that on their page until they save again or
 * dismiss it. The public keeps seeing the approved listing meanwhile.
 */
import type { DirectoryEvents } from './events'
import type { Listing } from './listing'
import { inputOf, type ListingService } from './listing-service'
import { applyHeld, mergePatchBetween, sameProposal, type HeldChange, type ReviewField, type SplitEdit } from './change-review'
import { err, ok, type DirectoryFailure, type Result } from './result'

/** Where held changes are kept (storage/held-change-store.ts). */
export interface HeldChangeStore {
  init(): Promise<void>
  /** The listing's held change, waiting or declined. */
  get(listingId: string): Promise<HeldChange | null>
  /** Stores the listing's held change, replacing any. */
  put(change: HeldChange): Promise<void>
  /** Removes the listing's held change — with `heldAt`, only that very one (not one that replaced it meanwhile). */
  remove(listingId: string, heldAt?: Date): Promise<HeldChange | null>
  /** Marks that very held change declined; null when it is gone or was replaced. */
  decline(listingId: string, heldAt: Date, decidedAt: Date): Promise<HeldChange | null>
  /** Every waiting change, oldest first. */
  waiting(): Promise<HeldChange[]>
  countWaiting(): Promise<number>
}

export interface HeldChangesDeps {
  listings: Pick<ListingService, 'get' | 'update'>
  store: HeldChangeStore
  events: DirectoryEvents
  /** REVIEW_CHANGES: the fields whose change by an editor waits. */
  reviewed: readonly ReviewField[]
  now?: () => Date
}

/** A held change approved: the listing as it now is, and the change that was applied. */
export interface Approved {
  listing: Listing
  change: HeldChange
}

const notWaiting = (slug: string): DirectoryFailure => ({ kind: 'not-found', what: `a change of listing ${slug} waiting for review` })
const replaced = (slug: string): DirectoryFailure => ({ kind: 'conflict', what: `the change of listing ${slug} was replaced or withdrawn meanwhile; look at it again` })

export class HeldChanges {
  private readonly now: () => Date

  constructor(private readonly deps: HeldChangesDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  get reviewed(): readonly ReviewField[] {
    return this.deps.reviewed
  }

  of(listingId: string): Promise<HeldChange | null> {
    return this.deps.store.get(listingId)
  }

  /**
   * Keeps the reviewed part of an editor's save of `listing` (as saved,
   * its other changes live), replacing what was held. Proposing again what
   * already waits keeps it as it was, since when included, and says nothing new.
   */
  async hold(listing: Listing, split: Pick<SplitEdit, 'fields' | 'values'>): Promise<HeldChange> {
    const previous = await this.deps.store.get(listing.id)
    if (previous?.state === 'waiting' && sameProposal(previous.values, split.values)) return previous
    const change: HeldChange = { listingId: listing.id, slug: listing.slug, fields: split.fields, values: split.values, baseVersion: listing.version, heldAt: this.now(), state: 'waiting' }
    await this.deps.store.put(change)
    this.deps.events.emit('listing.change-held', { listing, change })
    return change
  }

  /** Withdraws (or, declined, dismisses) the listing's held change. */
  async withdraw(listingId: string): Promise<void> {
    await this.deps.store.remove(listingId)
  }

  /** The waiting change of the listing `slug`, with the listing as it is now. */
  async waitingFor(slug: string): Promise<Result<{ listing: Listing; change: HeldChange }, DirectoryFailure>> {
    const found = await this.deps.listings.get(slug)
    if (!found.ok) return found
    const change = await this.deps.store.get(found.value.id)
    return change?.state === 'waiting' ? ok({ listing: found.value, change }) : err(notWaiting(slug))
  }

  /**
   * Applies the waiting change onto the listing as it is now (a field
   * changed since is overwritten: the operator saw both); with `heldAt`,
   * only if it is still the change the operator looked at.
   */
  async approve(slug: string, heldAt?: Date): Promise<Result<Approved, DirectoryFailure>> {
    const waiting = await this.waitingFor(slug)
    if (!waiting.ok) return waiting
    const { listing, change } = waiting.value
    if (heldAt && heldAt.getTime() !== change.heldAt.getTime()) return err(replaced(slug))
    // Taken first, so an editor's withdrawal or new proposal in the meantime is never applied over, nor left behind as stale.
    if (!(await this.deps.store.remove(listing.id, change.heldAt))) return err(replaced(slug))
    const current = inputOf(listing)
    const updated = await this.deps.listings.update(slug, mergePatchBetween(current, applyHeld(current, change.values)), (v) => v === listing.version)
    if (updated.ok) return ok({ listing: updated.value, change })
    // Not applied: it waits again, unless the editor proposed anew meanwhile.
    if (!(await this.deps.store.get(listing.id))) await this.deps.store.put(change)
    return updated.error.kind === 'stale' ? err({ kind: 'conflict', what: `listing ${slug} changed meanwhile; look at the change again` }) : updated
  }

  /** Declines the waiting change; the listing stays as it is. With `heldAt`, only that very change. */
  async reject(slug: string, heldAt?: Date): Promise<Result<HeldChange, DirectoryFailure>> {
    const waiting = await this.waitingFor(slug)
    if (!waiting.ok) return waiting
    const { change } = waiting.value
    if (heldAt && heldAt.getTime() !== change.heldAt.getTime()) return err(replaced(slug))
    const declined = await this.deps.store.decline(change.listingId, change.heldAt, this.now())
    return declined ? ok(declined) : err(replaced(slug))
  }

  waiting(): Promise<HeldChange[]> {
    return this.deps.store.waiting()
  }

  countWaiting(): Promise<number> {
    return this.deps.store.countWaiting()
  }

  /** A listing gone takes its held change with it. */
  forget(listingId: string): Promise<HeldChange | null> {
    return this.deps.store.remove(listingId)
  }
}

/** The listing as it would be with its held change applied (what its editor's form shows, what approval would publish). */
export function withHeld(listing: Listing, change: HeldChange | null): Listing {
  if (!change || change.state !== 'waiting') return listing
  const { id, origin, published, updated, moderation, provenance, version } = listing
  return { ...applyHeld(inputOf(listing), change.values), id, origin, published, updated, moderation, provenance, version } as Listing
}
