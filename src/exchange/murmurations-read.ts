/**
 * A Murmurations organizations profile (organizations_schema-v1.0.0) as a
 * listing (issue 13): the inverse of murmurations-profile.ts, for profiles
 * from an index (kept as mirrors) and for `--format murmurations` files (an
 * array of profiles, or one). The format is lossy: what it carries is in
 * MURMURATIONS_FIELDS (and the README's table); a profile has no slug, no
 * languages, no other-language text and no kind (a tag naming a kind gives
 * one, else "other"). Tags that name a service of the shared vocabulary in
 * any language become that service; the rest stay tags.
 */
import { parseJsonFile } from './json-file'
import type { ImportRow } from './import'
import { SERVICES, KINDS, termKey, termsOf, kindTerms } from '../directory/vocabulary'
import { escapeHtml } from '../support/escape-html'
import { looksLikeEmail } from '../directory/editor-accounts'
import { profileProblems } from './murmurations-index/profile-schema'
import { isWebUrl } from './website-key'

type Json = Record<string, unknown>

/** The top-level listing fields a profile carries (an import's `fields`): a held listing keeps the others. */
export const MURMURATIONS_FIELDS = ['name', 'summary', 'kind', 'services', 'tags', 'location', 'contact', 'icon', 'founded'] as const

/** The schema's limits on a listing's tags (schemas/listing.schema.json). */
const MAX_TAGS = 30
const MAX_TAG = 50

const serviceByTerm = new Map(SERVICES.flatMap((s) => termsOf(s).map((t) => [termKey(t), s.id] as const)))
const kindByTerm = new Map(KINDS.flatMap((k) => kindTerms(k.id).map((t) => [termKey(t), k.id] as const)))

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined)

/** Plain text as the summary's small HTML: a paragraph per blank-line-separated block. */
const asSummary = (text: string): string => text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean).map((p) => `<p>${escapeHtml(p)}</p>`).join('')

/** The site of its own: a url named Website, else primary_url unless that is its Tejido profile. */
function websiteOf(profile: Json): string | undefined {
  const urls = Array.isArray(profile.urls) ? (profile.urls as Json[]) : []
  const named = (name: string) => urls.find((u) => u && typeof u.name === 'string' && u.name.toLowerCase() === name)?.url
  const site = named('website')
  if (isWebUrl(site)) return site
  return isWebUrl(profile.primary_url) && profile.primary_url !== named('tejido') ? profile.primary_url : undefined
}

function sorted(tags: unknown): Json {
  const services = new Set<string>()
  const rest = new Set<string>()
  let kind: string | undefined
  for (const tag of Array.isArray(tags) ? tags : []) {
    if (typeof tag !== 'string' || !tag.trim()) continue
    const key = termKey(tag)
    const service = serviceByTerm.get(key)
    if (service) services.add(service)
    else if (!kind && kindByTerm.has(key)) kind = kindByTerm.get(key)
    else if (tag.trim().length <= MAX_TAG) rest.add(tag.trim())
  }
  return { kind: kind ?? 'other', ...(services.size ? { services: [...services] } : {}), ...(rest.size ? { tags: [...rest].slice(0, MAX_TAGS) } : {}) }
}

function locationOf(profile: Json): Json[] | undefined {
  const geo = profile.geolocation as { lat?: unknown; lon?: unknown } | undefined
  if (!geo || typeof geo.lat !== 'number' || typeof geo.lon !== 'number') return undefined
  const address = str(profile.full_address)
  const country = str(profile.country_iso_3166)?.toUpperCase()
  return [{ ...(address ? { address: address.slice(0, 500) } : {}), ...(country && /^[A-Z]{2}$/.test(country) ? { country } : {}), latitude: geo.lat, longitude: geo.lon }]
}

/** A phone as the listing schema takes it (digits, spaces, `+().-`), else none. */
const PHONE = /^\+?[0-9 ().-]{5,30}$/

/** Contacts, leniently: one the listing schema would refuse is left out, not the whole profile. */
function contactOf(profile: Json): Json | undefined {
  const site = websiteOf(profile)
  const website = site && site.length <= 500 ? site : undefined
  const mail = str((profile.contact_details as Json | undefined)?.email)
  const email = mail && looksLikeEmail(mail) ? mail : undefined
  const tel = str(profile.telephone)
  const phone = tel && PHONE.test(tel) ? tel : undefined
  const contact = { ...(website ? { website } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}) }
  return Object.keys(contact).length ? contact : undefined
}

/** The year a profile's `starts_at` (Unix seconds) falls in. */
const yearOf = (seconds: unknown): number | undefined => (typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).getUTCFullYear() : undefined)

/**
 * A profile's own identifier, kept as `externalIds.murmurations` whichever
 * way the profile came (a file or an index): its primary_url, else its
 * unique_id. A file is matched again by it; an index's mirror by its id,
 * the profile_url, which a file does not carry.
 */
export const profileIdOf = (profile: Json): string | undefined => str(profile.primary_url) ?? str(profile.unique_id)

/** A valid profile's fields as a listing's (no slug), its identifier (profileIdOf) as externalIds.murmurations. */
export function profileToListing(profile: Json): Json {
  const id = profileIdOf(profile)
  const description = str(profile.description)
  const location = locationOf(profile)
  const contact = contactOf(profile)
  const founded = yearOf(profile.starts_at)
  return {
    name: String(profile.name).trim().slice(0, 200),
    ...(description ? { summary: asSummary(description) } : {}),
    ...sorted(profile.tags),
    ...(location ? { location } : {}),
    ...(contact ? { contact } : {}),
    ...(typeof profile.image === 'string' && profile.image.startsWith('https://') ? { icon: profile.image } : {}),
    ...(founded !== undefined ? { founded } : {}),
    ...(id ? { externalIds: { murmurations: id.slice(0, 500) } } : {})
  }
}

/** Rows of a `murmurations` file: an array of profiles (our export), or one profile; each validated against the schema. */
export async function* murmurationsRows(text: string): AsyncGenerator<ImportRow> {
  const file = parseJsonFile(text)
  if (!file.ok) {
    yield file.refusal
    return
  }
  const parsed = file.value
  const profiles = Array.isArray(parsed) ? parsed : [parsed]
  for (const [i, profile] of profiles.entries()) {
    const problems = profileProblems(profile)
    if (problems) {
      yield { row: i + 1, unreadable: `not a valid Murmurations profile: ${problems}` }
      continue
    }
    if (!profileIdOf(profile as Json)) {
      yield { row: i + 1, unreadable: 'a profile needs a primary_url or a unique_id to be matched again later' }
      continue
    }
    yield { row: i + 1, data: profileToListing(profile as Json), fields: MURMURATIONS_FIELDS }
  }
}
