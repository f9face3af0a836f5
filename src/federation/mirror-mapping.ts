/**
 * The inverse of actor-mapping: an Organization actor from a peer becomes a
 * listing input. Cleaned leniently (unknown or malformed optional values are
 * dropped one by one, as PeerTube does with remote actors), then validated
 * strictly against the schema, then handed to the directory's MirrorService
 * as a typed MirrorInput: ActivityStreams stops here.
 */
import { isServiceId, KINDS } from '../directory/vocabulary'
import type { Listing, ListingInput, Place } from '../directory/listing'
import { validateListing } from '../directory/validate'
import { isOnOrigin, notOnOrigin, type MirrorInput, type MirrorService } from '../directory/mirror-service'
import { ok, err, type Result, type DirectoryFailure } from '../directory/result'
import { unescapeHtml } from '../support/escape-html'

type Json = Record<string, unknown>

const LICENSES: Record<string, 'CC0-1.0' | 'CC-BY-SA-4.0'> = {
  'https://creativecommons.org/publicdomain/zero/1.0/': 'CC0-1.0',
  'https://creativecommons.org/licenses/by-sa/4.0/': 'CC-BY-SA-4.0'
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined)
const strings = (v: unknown): string[] | undefined => {
  const list = (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '')
  return list.length ? [...new Set(list)] : undefined
}
const langMap = (v: unknown): Record<string, string> | undefined => {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined
  const entries = Object.entries(v as Json).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== '')
  return entries.length ? Object.fromEntries(entries) : undefined
}
const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined)

function place(v: unknown): Place | undefined {
  if (!v || typeof v !== 'object') return undefined
  const p = v as Json
  const latitude = num(p.latitude)
  const longitude = num(p.longitude)
  if (latitude === undefined || longitude === undefined) return undefined
  const address = typeof p.address === 'string' ? p.address : undefined
  return {
    ...(str(p.name) ? { name: str(p.name) as string } : {}),
    ...(address ? { address } : {}),
    ...(typeof p.country === 'string' && /^[A-Z]{2}$/.test(p.country) ? { country: p.country } : {}),
    latitude,
    longitude
  }
}

function websiteFrom(attachment: unknown): string | undefined {
  for (const a of Array.isArray(attachment) ? attachment : [attachment]) {
    if (!a || typeof a !== 'object') continue
    const { name, value } = a as Json
    if (typeof name === 'string' && name.toLowerCase() === 'website' && typeof value === 'string') {
      const href = /href="([^"]+)"/.exec(value)?.[1] ?? value
      if (/^https?:\/\//.test(href)) return unescapeHtml(href)
    }
  }
  return undefined
}

export function actorToListingInput(actor: Json): Json {
  const contactPoint = (actor.contactPoint && typeof actor.contactPoint === 'object' ? actor.contactPoint : {}) as Json
  const contact: Json = {}
  const website = websiteFrom(actor.attachment)
  if (website) contact.website = website
  if (str(contactPoint.email)) contact.email = contactPoint.email
  if (str(contactPoint.telephone)) contact.phone = contactPoint.telephone
  if (str(contactPoint.matrix)) contact.matrix = contactPoint.matrix
  if (str(contactPoint.fediverse)) contact.fediverse = contactPoint.fediverse
  const nameMap = langMap(actor.nameMap)
  const icon = actor.icon && typeof actor.icon === 'object' ? str((actor.icon as Json).url) : str(actor.icon)
  const location = (Array.isArray(actor.location) ? actor.location : actor.location ? [actor.location] : []).map(place).filter((p): p is Place => p !== undefined)
  const input: Partial<ListingInput> & Json = {
    slug: str(actor.preferredUsername)?.toLowerCase(),
    name: str(actor.name) ?? (nameMap ? Object.values(nameMap)[0] : undefined),
    nameMap,
    summary: str(actor.summary),
    summaryMap: langMap(actor.summaryMap),
    kind: KINDS.some((k) => k.id === actor.kind) ? (actor.kind as string) : 'other',
    services: strings(actor.services)?.filter(isServiceId),
    tags: strings(actor.tags),
    languages: strings(actor.languagesServed),
    regionsServed: strings(actor.regionsServed),
    location: location.length ? location : undefined,
    contact: Object.keys(contact).length ? contact : undefined,
    founded: num(actor.foundingYear),
    size: num(actor.size),
    acceptingClients: typeof actor.acceptingClients === 'boolean' ? actor.acceptingClients : undefined,
    pricing: str(actor.pricing),
    networks: strings(actor.networks),
    dataLicense: typeof actor.dataLicense === 'string' ? LICENSES[actor.dataLicense] : undefined,
    icon: icon && /^https:\/\//.test(icon) ? icon : undefined,
    example: actor.example === true ? true : undefined
  }
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)))
}

const dateOf = (v: unknown): Date | undefined => {
  const t = typeof v === 'string' ? Date.parse(v) : NaN
  return Number.isNaN(t) ? undefined : new Date(t)
}

/** Where a mirrored actor came from and what to do with a new one (the peer's policy). */
export type MirrorTarget = Pick<MirrorInput, 'origin' | 'via' | 'moderation'>

/** A peer's Organization actor as a MirrorInput: its id checked against its origin, its fields mapped and validated, its dates read. */
export function toMirrorInput(actor: Json, target: MirrorTarget): Result<MirrorInput, DirectoryFailure> {
  const id = actor.id
  if (typeof id !== 'string' || !isOnOrigin(id, target.origin)) return notOnOrigin(target.origin)
  const parsed = validateListing(actorToListingInput(actor))
  if (!parsed.ok) return err({ kind: 'invalid', errors: parsed.error })
  const published = dateOf(actor.published)
  const updated = dateOf(actor.updated)
  return ok({ ...target, id, listing: parsed.value, ...(published ? { published } : {}), ...(updated ? { updated } : {}) })
}

/** Maps a peer's Organization actor and mirrors it: how the inbox and the sync hand a listing to the directory. */
export async function mirrorActor(mirrors: MirrorService, actor: Json, target: MirrorTarget): Promise<Result<Listing, DirectoryFailure>> {
  const input = toMirrorInput(actor, target)
  return input.ok ? mirrors.apply(input.value) : input
}
