/**
 * The directory's use cases for local listings: create, change, delete, read,
 * list. Validates at the boundary, writes through the ListingStore port, and
 * raises a domain event after every stored change.
 */
import { isDeepStrictEqual } from 'node:util'
import type { ListingStore, ListingPage, ListingFilter } from './listing-store'
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

/** Which stored versions a conditional write accepts (from If-Match or a form's version). */
export type VersionCheck = (version: number) => boolean

const stale = (slug: string, current: Listing): DirectoryFailure => ({ kind: 'stale', what: `listing ${slug}`, version: current.version })

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

  /**
   * Applies a JSON merge patch to the listing's writable fields. With
   * `accepts` (If-Match, the editor form's version), the stored version must
   * pass it, and the write is conditional on that very version, so a
   * concurrent writer makes this fail as stale rather than be overwritten.
   * A patch that changes nothing writes nothing: no new version, no event.
   */
  async update(slug: string, patch: unknown, accepts?: VersionCheck): Promise<Result<Listing, DirectoryFailure>> {
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
      if (accepts && !accepts(previous.version)) return err(stale(slug, previous))
      const parsed = validateListing(mergePatch(inputOf(previous), changes))
      if (!parsed.ok) return err({ kind: 'invalid', errors: parsed.error })
      if (isDeepStrictEqual(parsed.value, inputOf(previous))) return ok(previous)
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

  /** A listing of any origin (a mirror's too) by its origin and slug, or null. */
  find(origin: string, slug: string): Promise<Listing | null> {
    return this.deps.store.bySlug(origin, slug)
  }

  /**
   * Approves or rejects a listing: this instance's, or with `origin` a
   * mirror's (a peer followed for review sends its listings pending). With
   * `accepts` (the version the operator looked at), only while the stored
   * version passes it, so what was approved is what was seen.
   */
  async setModeration(slug: string, moderation: ModerationState, options: { origin?: string; accepts?: VersionCheck } = {}): Promise<Result<Listing, DirectoryFailure>> {
    const local = (options.origin ?? this.deps.origin) === this.deps.origin
    const mirror = local ? null : await this.find(options.origin as string, slug)
    const current = local ? await this.get(slug) : mirror ? ok(mirror) : err<DirectoryFailure>({ kind: 'not-found', what: `listing ${slug} of ${options.origin}` })
    if (!current.ok) return current
    const previous = current.value
    if (options.accepts && !options.accepts(previous.version)) return err(stale(slug, previous))
    if (previous.moderation === moderation) return ok(previous)
    // Rejecting an application that was never published leaves no public trace (and frees its slug).
    // A mirror's is kept as rejected, so its origin's next delivery does not bring it back to the queue.
    if (local && moderation === 'rejected' && !wasEverPublished(previous)) {
      const discarded = await this.discard(previous)
      return discarded ? ok({ ...discarded, moderation }) : err({ kind: 'conflict', what: `listing ${slug} changed meanwhile; try again` })
    }
    const listing: Listing = { ...previous, moderation, updated: this.now(), version: previous.version + 1 }
    if (!(await this.deps.store.replace(listing, previous.version))) return err({ kind: 'conflict', what: `listing ${slug} changed meanwhile; try again` })
    this.deps.events.emit('listing.updated', { listing, previous })
    return ok(listing)
  }

  /** Deletes a listing; with `accepts` (If-Match), only while its stored version passes it. */
  async delete(slug: string, accepts?: VersionCheck): Promise<Result<Listing, DirectoryFailure>> {
    for (let attempt = 0; attempt < MAX_RETRIES; attempt++) {
      const current = await this.get(slug)
      if (!current.ok) return current
      if (accepts && !accepts(current.value.version)) return err(stale(slug, current.value))
      // Never published: it goes without a tombstone. If it changed meanwhile (perhaps
      // approved), it is removed below as a published one, with its tombstone.
      if (!wasEverPublished(current.value)) {
        const discarded = await this.discard(current.value)
        if (discarded) return ok(discarded)
      }
      const deletedAt = this.now()
      const removed = await this.deps.store.remove(current.value.id, deletedAt, accepts ? current.value.version : undefined)
      if (removed) {
        this.deps.events.emit('listing.deleted', { listing: removed, deletedAt })
        return ok(removed)
      }
    }
    return err({ kind: 'conflict', what: `listing ${slug} kept changing; try again` })
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

  /** Every listing the filter takes, streamed from the store in no particular order (exports, the import's matcher). */
  all(filter: ListingFilter = {}): AsyncIterable<Listing> {
    return this.deps.store.all(filter)
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
