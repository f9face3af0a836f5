/**
 * The directory's use cases for local listings: create, change, delete, read,
 * list. Validates at the boundary, writes through the ListingStore port, and
 * raises a domain event after every stored change.
 */
import type { ListingStore, ListingPage } from '../storage/listing-store'
import type { DirectoryEvents } from './events'
import { wasEverPublished, type Listing, type ModerationState } from './listing'
import { validateListing, mergePatch } from './validate'
import { ok, err, type Result, type DirectoryFailure } from './result'

export interface ListingServiceDeps {
  store: ListingStore
  events: DirectoryEvents
  /** PUBLIC_URL's origin, e.g. https://tejido.example */
  origin: string
  now?: () => Date
}

const MAX_RETRIES = 5

export class ListingService {
  private readonly now: () => Date

  constructor(private readonly deps: ListingServiceDeps) {
    this.now = deps.now ?? (() => new Date())
  }

  get origin(): string {
    return this.deps.origin
  }

  actorId(slug: string): string {
    return `${this.deps.origin}/orgs/${slug}`
  }

  async create(raw: unknown, moderation: ModerationState = 'approved'): Promise<Result<Listing, DirectoryFailure>> {
    const parsed = validateListing(raw)
    if (!parsed.ok) return err({ kind: 'invalid', errors: parsed.error })
    const input = parsed.value
    const id = this.actorId(input.slug)
    if (await this.deps.store.tombstone(id)) {
      return err({ kind: 'conflict', what: `the slug "${input.slug}" belonged to a deleted listing and cannot be reused`, field: 'slug' })
    }
    const now = this.now()
    const listing: Listing = {
      ...input,
      id,
      origin: this.deps.origin,
      published: now,
      updated: now,
      moderation,
      provenance: { origin: this.deps.origin, via: 'local', firstSeen: now, lastVerified: now },
      version: 1
    }
    if (!(await this.deps.store.insert(listing))) {
      return err({ kind: 'conflict', what: `a listing with the slug "${input.slug}" exists`, field: 'slug' })
    }
    this.deps.events.emit('listing.created', { listing })
    return ok(listing)
  }

  async get(slug: string): Promise<Result<Listing, DirectoryFailure>> {
    const listing = await this.deps.store.bySlug(this.deps.origin, slug)
    if (listing) return ok(listing)
    if (await this.deps.store.tombstone(this.actorId(slug))) return err({ kind: 'gone', what: `listing ${slug}` })
    return err({ kind: 'not-found', what: `listing ${slug}` })
  }

  /** Applies a JSON merge patch to the listing's writable fields. */
  async update(slug: string, patch: unknown): Promise<Result<Listing, DirectoryFailure>> {
    if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) {
      return err({ kind: 'invalid', errors: [{ field: '(listing)', message: 'must be a JSON object' }] })
    }
    const changes = patch as Record<string, unknown>
    if ('slug' in changes && changes.slug !== slug) {
      return err({ kind: 'invalid', errors: [{ field: 'slug', message: 'cannot change: it is the listing\'s address' }] })
    }
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const current = await this.get(slug)
      if (!current.ok) return current
      const previous = current.value
      const parsed = validateListing(mergePatch(inputOf(previous), changes))
      if (!parsed.ok) return err({ kind: 'invalid', errors: parsed.error })
      const listing: Listing = {
        ...parsed.value,
        id: previous.id,
        origin: previous.origin,
        published: previous.published,
        updated: this.now(),
        moderation: previous.moderation,
        provenance: { ...previous.provenance, lastVerified: this.now() },
        version: previous.version + 1
      }
      if (await this.deps.store.replace(listing, previous.version)) {
        this.deps.events.emit('listing.updated', { listing, previous })
        return ok(listing)
      }
    }
    return err({ kind: 'conflict', what: `listing ${slug} kept changing; try again` })
  }

  async setModeration(slug: string, moderation: ModerationState): Promise<Result<Listing, DirectoryFailure>> {
    const current = await this.get(slug)
    if (!current.ok) return current
    const previous = current.value
    if (previous.moderation === moderation) return ok(previous)
    // Rejecting an application that was never published leaves no public trace (and frees its slug).
    if (moderation === 'rejected' && !wasEverPublished(previous)) {
      const discarded = await this.discard(previous)
      return discarded ? ok({ ...discarded, moderation }) : err({ kind: 'conflict', what: `listing ${slug} changed meanwhile; try again` })
    }
    const listing: Listing = { ...previous, moderation, updated: this.now(), version: previous.version + 1 }
    if (!(await this.deps.store.replace(listing, previous.version))) return err({ kind: 'conflict', what: `listing ${slug} changed meanwhile; try again` })
    this.deps.events.emit('listing.updated', { listing, previous })
    return ok(listing)
  }

  async delete(slug: string): Promise<Result<Listing, DirectoryFailure>> {
    const current = await this.deps.store.bySlug(this.deps.origin, slug)
    const discarded = current && !wasEverPublished(current) ? await this.discard(current) : null
    if (discarded) return ok(discarded)
    // Published (or changed meanwhile, perhaps approved): removed with a tombstone.
    const deletedAt = this.now()
    const removed = await this.deps.store.remove(this.actorId(slug), deletedAt)
    if (!removed) return this.get(slug)
    this.deps.events.emit('listing.deleted', { listing: removed, deletedAt })
    return ok(removed)
  }

  /**
   * Removes a never-published listing without a tombstone, if it is still as
   * read (null when it changed meanwhile); subscribers hear of it as a
   * deletion (search, apex's copy, its editor accounts; nothing federates).
   */
  private async discard(listing: Listing): Promise<Listing | null> {
    const removed = await this.deps.store.discard(listing.id, listing.version)
    if (removed) this.deps.events.emit('listing.deleted', { listing: removed, deletedAt: this.now() })
    return removed
  }

  list(query: { origin?: string; moderation?: ModerationState; page: number; perPage: number }): Promise<ListingPage> {
    return this.deps.store.list(query)
  }
}

const SERVER_FIELDS = ['id', 'origin', 'published', 'updated', 'moderation', 'provenance', 'version'] as const

/** The writable part of a stored listing. */
export function inputOf(listing: Listing): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...listing }
  for (const f of SERVER_FIELDS) delete copy[f]
  return copy
}
