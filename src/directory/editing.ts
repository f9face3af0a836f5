/**
 * Editing: the account made with a listing changes that listing. Only a
 * listing of this instance is anyone's own; its moderation state is kept (an
 * approved listing's changes are published at once, a pending one stays in
 * the queue). A save applies only the person's changes, worked out against
 * the version they loaded, and only onto that very version: if someone
 * saved since, it is refused as stale and nothing is written. A preview
 * is the same edit worked out and checked the same way, and never written:
 * no store write, no event, so nothing reaches the public or the peers.
 *
 * An editor's save of an APPROVED listing goes through `submit`: with a
 * review policy (REVIEW_CHANGES, change-review.ts) the fields it reviews
 * are held for the operator while the rest goes live at once (held-changes.ts).
 * `save` itself writes the whole edit: a pending listing's, an operator's.
 */
import type { Listing } from './listing'
import { inputOf, type ListingService } from './listing-service'
import { mergePatch, validateListing } from './validate'
import { err, ok, type DirectoryFailure, type Result } from './result'
import { mergePatchBetween, splitEdit, type HeldChange } from './change-review'
import type { HeldChanges } from './held-changes'

/** A save: the version the person loaded, and their changes to it as a JSON merge patch. */
export interface Edit {
  /** The version the form was loaded at (NaN or any non-integer when it is missing: refused as stale). */
  version: number
  /** The merge patch of what the person changed, worked out against the listing as loaded. */
  changes: (loaded: Listing) => Record<string, unknown>
}

/** Why a save was not written. */
export type EditFailure =
  /** Someone saved after the person loaded the listing; `current` is what is stored now. */
  | { kind: 'stale'; current: Listing }
  | Exclude<DirectoryFailure, { kind: 'stale' }>

/** What editing works with: the local listings. */
export interface EditingDeps {
  listings: Pick<ListingService, 'get' | 'update' | 'actorId'>
  /** The review of changes to approved listings; without it every save goes live. */
  review?: Pick<HeldChanges, 'reviewed' | 'hold' | 'withdraw'>
}

/** An editor's save as it landed: the listing as now stored (and public), and what waits for review, if anything. */
export interface Submitted {
  listing: Listing
  held: HeldChange | null
}

export class Editing {
  constructor(private readonly deps: EditingDeps) {}

  /**
   * The listing an editor account may edit (its listing id, as the account
   * or session holds it), or null: no id, a listing of another origin, or
   * one that is gone.
   */
  async own(listingId: string | null | undefined): Promise<Listing | null> {
    const prefix = this.deps.listings.actorId('') // a local listing's id is this prefix and its slug
    if (!listingId || !listingId.startsWith(prefix)) return null
    const found = await this.deps.listings.get(listingId.slice(prefix.length))
    return found.ok ? found.value : null
  }

  /**
   * The listing as it would be after the edit, checked as a save would check
   * it (same version rule, same validation), and written nowhere. Its
   * version, dates and moderation stay the stored ones: nothing was saved.
   */
  preview(listing: Listing, edit: Edit): Result<Listing, EditFailure> {
    if (!Number.isInteger(edit.version) || edit.version !== listing.version) return err({ kind: 'stale', current: listing })
    const parsed = validateListing(mergePatch(inputOf(listing), edit.changes(listing)))
    if (!parsed.ok) return err({ kind: 'invalid', errors: parsed.error })
    if (parsed.value.slug !== listing.slug) return err({ kind: 'invalid', errors: [{ field: 'slug', message: 'cannot change: it is the listing\'s address' }] })
    const { id, origin, published, updated, moderation, provenance, version } = listing
    return ok({ ...parsed.value, id, origin, published, updated, moderation, provenance, version })
  }

  /**
   * An editor's save. Of an approved listing, under a review policy: the
   * reviewed fields it changes are held (replacing what was held; none
   * left withdraws it), the rest is saved. Anything else: `save`.
   */
  async submit(listing: Listing, edit: Edit): Promise<Result<Submitted, EditFailure>> {
    const review = this.deps.review
    if (!review || listing.moderation !== 'approved') {
      const saved = await this.save(listing, edit)
      return saved.ok ? ok({ listing: saved.value, held: null }) : saved
    }
    const proposed = this.preview(listing, edit)
    if (!proposed.ok) return proposed
    const split = splitEdit(inputOf(listing), inputOf(proposed.value), review.reviewed)
    const live = mergePatchBetween(inputOf(listing), split.live)
    const saved = await this.save(listing, { version: edit.version, changes: () => live })
    if (!saved.ok) return saved
    if (!split.values.length) {
      await review.withdraw(listing.id)
      return ok({ listing: saved.value, held: null })
    }
    return ok({ listing: saved.value, held: await review.hold(saved.value, split) })
  }

  /** Writes the edit onto `listing` (as `own` returned it) if it is still at the version the person loaded. */
  async save(listing: Listing, edit: Edit): Promise<Result<Listing, EditFailure>> {
    if (!Number.isInteger(edit.version) || edit.version !== listing.version) return err({ kind: 'stale', current: listing })
    const result = await this.deps.listings.update(listing.slug, edit.changes(listing), (stored) => stored === edit.version)
    if (result.ok) return result
    if (result.error.kind !== 'stale') return err(result.error)
    const now = await this.deps.listings.get(listing.slug)
    return err({ kind: 'stale', current: now.ok ? now.value : listing })
  }
}
