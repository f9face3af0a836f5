/**
 * A listing as a Murmurations organizations profile
 * (organizations_schema-v1.0.0, ../shared/vocab/murmurations): what the
 * Murmurations index fetches at the profile's URL. Only what the listing
 * shows the public goes in: contacts shared with partner directories only
 * are left out, since the index republishes what it is given.
 */
import { publicContact, type Listing } from '../directory/listing'
import { serviceLabel } from '../directory/vocabulary'
import { asParagraphs } from '../support/html-text'
import { isWebUrl } from './website-key'

/** The schema every profile is validated against, named as the index names it. */
export const ORGANIZATIONS_SCHEMA = 'organizations_schema-v1.0.0'

/** The profile's fields this instance fills (a subset of the schema's; all optional there but these two). */
export interface MurmurationsProfile {
  linked_schemas: string[]
  name: string
  primary_url?: string
  description?: string
  tags?: string[]
  urls?: Array<{ name: string; url: string }>
  geolocation?: { lat: number; lon: number }
  country_iso_3166?: string
  full_address?: string
  contact_details?: { email: string }
  telephone?: string
  image?: string
  unique_id: string
  starts_at?: number
}

/** The schema's limits on tags: at most 100, each at most 100 characters, no repeats. */
const MAX_TAGS = 100
const MAX_TAG = 100


/** A contact the public may see (partners-only ones stay between directories). */

/** The listing's summary in its own language as plain text. */
function description(listing: Listing): string | undefined {
  const lang = listing.defaultLanguage ?? 'en'
  const html = listing.summaryMap?.[lang] ?? listing.summary ?? Object.values(listing.summaryMap ?? {})[0]
  const text = html ? asParagraphs(html) : ''
  return text || undefined
}

/** Its services by name in its own language, then its own keywords: what the index searches. */
function tags(listing: Listing): string[] | undefined {
  const lang = listing.defaultLanguage ?? 'en'
  const all = [...(listing.services ?? []).map((s) => serviceLabel(s, lang)), ...(listing.tags ?? [])].map((t) => t.slice(0, MAX_TAG))
  const unique = [...new Set(all)].slice(0, MAX_TAGS)
  return unique.length ? unique : undefined
}

/** The first place, as the schema's single location. */
function place(listing: Listing): Pick<MurmurationsProfile, 'geolocation' | 'country_iso_3166' | 'full_address'> {
  const first = listing.location?.[0]
  if (!first) return {}
  const address = [first.address, first.name].filter(Boolean).join(', ')
  return {
    geolocation: { lat: first.latitude, lon: first.longitude },
    ...(first.country ? { country_iso_3166: first.country } : {}),
    ...(address ? { full_address: address } : {})
  }
}

/** The profile of `listing` (a published local one), whose Tejido profile is its actor id. */
export function murmurationsProfile(listing: Listing): MurmurationsProfile {
  const shown = publicContact(listing)
  const website = shown.website
  const email = shown.email
  const phone = shown.phone
  const described = description(listing)
  const tagged = tags(listing)
  const urls = [{ name: 'Tejido', url: listing.id }, ...(isWebUrl(website) ? [{ name: 'Website', url: website }] : [])]
  return {
    linked_schemas: [ORGANIZATIONS_SCHEMA],
    name: listing.name,
    // the co-op's own site when it shares one, else its profile here
    primary_url: isWebUrl(website) ? website : listing.id,
    ...(described ? { description: described } : {}),
    ...(tagged ? { tags: tagged } : {}),
    urls,
    ...place(listing),
    ...(email ? { contact_details: { email } } : {}),
    ...(phone ? { telephone: phone } : {}),
    ...(isWebUrl(listing.icon) ? { image: listing.icon } : {}),
    unique_id: listing.id,
    ...(listing.founded !== undefined ? { starts_at: Date.UTC(listing.founded, 0, 1) / 1000 } : {})
  }
}
