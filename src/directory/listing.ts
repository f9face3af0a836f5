/** The listing: what the schema accepts, and what the store keeps. */

export interface Place {
  name?: string
  address?: string
  country?: string
  latitude: number
  longitude: number
}

export type ContactField = 'website' | 'email' | 'fediverse' | 'matrix' | 'phone'
export type Visibility = 'public' | 'partners'

/** The writable fields, as validated by schemas/listing.schema.json. */
export interface ListingInput {
  slug: string
  name: string
  nameMap?: Record<string, string>
  summary?: string
  summaryMap?: Record<string, string>
  defaultLanguage?: string
  kind: string
  services?: string[]
  tags?: string[]
  languages?: string[]
  regionsServed?: string[]
  location?: Place[]
  contact?: Partial<Record<ContactField, string>>
  contactVisibility?: Partial<Record<ContactField, Visibility>>
  founded?: number
  size?: number
  acceptingClients?: boolean
  pricing?: string
  networks?: string[]
  dataLicense?: 'CC0-1.0' | 'CC-BY-SA-4.0'
  icon?: string
  /** Identifiers in the directories it was imported from, by import format (issue 13). */
  externalIds?: Partial<Record<ExternalIdFormat, string>>
  example?: boolean
}

/** The import formats whose rows carry an identifier of their own (kept as `externalIds`). */
export const EXTERNAL_ID_FORMATS = ['sea-csv', 'kvm-csv', 'geojson', 'murmurations'] as const
export type ExternalIdFormat = (typeof EXTERNAL_ID_FORMATS)[number]

export type ModerationState = 'approved' | 'pending' | 'rejected'

/** Every moderation state, for parameters that name one. */
export const MODERATION_STATES: readonly ModerationState[] = ['approved', 'pending', 'rejected']

/** Where a listing came from (DESIGN: provenance). */
export interface Provenance {
  origin: string
  via: 'local' | 'delivery' | 'backfill' | 'fetch' | 'import'
  firstSeen: Date
  lastVerified: Date
}

/** A listing as stored: the input plus server-managed fields. */
export interface Listing extends ListingInput {
  /** The actor id: https://HOST/orgs/SLUG. */
  id: string
  /** scheme://host[:port] of the authority that owns the listing. */
  origin: string
  published: Date
  updated: Date
  moderation: ModerationState
  provenance: Provenance
  /** Incremented on every change; lets readers detect lost updates. */
  version: number
}

export const READ_ONLY_FIELDS = ['id', 'url', 'origin', 'published', 'updated', 'moderation', 'provenance', 'version', 'type', '@context'] as const

/** Shown, searchable and federated: only what a moderator approved (DESIGN: Listings). */
export const isPublished = (listing: Pick<Listing, 'moderation'>): boolean => listing.moderation === PUBLISHED

/** The moderation state of a published listing, for store queries that select published ones. */
export const PUBLISHED: ModerationState = 'approved'

/** A mirror whose origin has not vouched for it in this long is marked stale (DESIGN: provenance). */
export const STALE_AFTER_MS = 2 * 24 * 3600 * 1000

/**
 * Whether a listing is shown as stale: a mirror (its origin is not this
 * instance) that its origin last confirmed more than STALE_AFTER_MS ago.
 * Local listings are never stale: this instance is their authority.
 */
export function isStale(listing: { origin: string; lastVerified: Date | number }, localOrigin: string, now: number): boolean {
  if (listing.origin === localOrigin) return false
  const verified = typeof listing.lastVerified === 'number' ? listing.lastVerified : listing.lastVerified.getTime()
  return now - verified > STALE_AFTER_MS
}

/**
 * Whether a local listing was ever public, so that its going leaves a
 * tombstone. A pending one never was: a local listing starts pending only
 * through an application and leaves that state by approval, or by
 * rejection, which discards it. A stored 'rejected' one was withdrawn after
 * approval.
 */
export const wasEverPublished = (listing: Pick<Listing, 'moderation'>): boolean => listing.moderation !== 'pending'

/** Contact fields anyone may see; the rest go to partner instances only (contactVisibility). */
export function publicContact(listing: Pick<ListingInput, 'contact' | 'contactVisibility'>): Partial<Record<ContactField, string>> {
  const out: Partial<Record<ContactField, string>> = {}
  for (const [field, value] of Object.entries(listing.contact ?? {}) as Array<[ContactField, string]>) {
    if ((listing.contactVisibility?.[field] ?? 'public') === 'public') out[field] = value
  }
  return out
}

/** The listing as anyone may see it: without the contact fields kept for partners (and their visibility marks). */
export function publicView<T extends ListingInput>(listing: T): T {
  const contact = publicContact(listing)
  const { contact: _all, contactVisibility: _marks, ...rest } = listing
  return { ...rest, ...(Object.keys(contact).length ? { contact } : {}) } as T
}
