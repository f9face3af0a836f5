/**
 * Pure translations from Tejido's records to the ActivityPub JSON others read:
 * a listing becomes an `Organization` actor (Mastodon-compatible: handle,
 * key, collections, PropertyValue attachments, discoverable) carrying the
 * directory fields; the instance becomes an `Application` actor.
 */
import { publicContact, type ContactField, type Listing, type Place } from '../directory/listing'

export { publicContact }
import { kindOf } from '../directory/vocabulary'
import { ACTOR_CONTEXT } from './context'
import { escapeHtml } from '../support/escape-html'

export type ActorJson = Record<string, unknown>

const LICENSES: Record<string, string> = {
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/'
}


function placeJson(place: Place): Record<string, unknown> {
  return {
    type: 'Place',
    ...(place.name ? { name: place.name } : {}),
    ...(place.address ? { address: place.address } : {}),
    ...(place.country ? { country: place.country } : {}),
    latitude: place.latitude,
    longitude: place.longitude
  }
}

/** Mastodon shows PropertyValue attachments as profile fields; links as HTML. */
function attachments(contact: Partial<Record<ContactField, string>>): Array<Record<string, string>> {
  const out: Array<Record<string, string>> = []
  if (contact.website) {
    const label = escapeHtml(contact.website.replace(/^https?:\/\//, ''))
    out.push({ type: 'PropertyValue', name: 'Website', value: `<a href="${escapeHtml(contact.website)}" rel="me nofollow noopener noreferrer" target="_blank">${label}</a>` })
  }
  if (contact.email) out.push({ type: 'PropertyValue', name: 'Email', value: escapeHtml(contact.email) })
  if (contact.fediverse) out.push({ type: 'PropertyValue', name: 'Fediverse', value: escapeHtml(contact.fediverse) })
  if (contact.matrix) out.push({ type: 'PropertyValue', name: 'Matrix', value: escapeHtml(contact.matrix) })
  if (contact.phone) out.push({ type: 'PropertyValue', name: 'Phone', value: escapeHtml(contact.phone) })
  return out
}

export interface ActorKeyInfo { publicKeyPem: string }

/**
 * The Organization actor of a listing, as served at its id. Without a key
 * (not minted yet) it has no publicKey: fine for mirroring, and whoever needs
 * the key fetches the actor, which mints it.
 */
export function listingToActor(listing: Listing, key: ActorKeyInfo | null, instanceActorId: string): ActorJson {
  const id = listing.id
  const contact = publicContact(listing)
  const kind = kindOf(listing.kind)
  const actor: ActorJson = {
    '@context': ACTOR_CONTEXT,
    id,
    type: 'Organization',
    preferredUsername: listing.slug,
    name: listing.name,
    ...(listing.nameMap ? { nameMap: listing.nameMap } : {}),
    summary: listing.summary ?? '',
    ...(listing.summaryMap ? { summaryMap: listing.summaryMap } : {}),
    url: id,
    inbox: `${id}/inbox`,
    outbox: `${id}/outbox`,
    followers: `${id}/followers`,
    following: `${id}/following`,
    endpoints: { sharedInbox: `${instanceActorId}/inbox` },
    ...(key ? { publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem: key.publicKeyPem } } : {}),
    discoverable: true,
    manuallyApprovesFollowers: false,
    published: listing.published.toISOString(),
    updated: listing.updated.toISOString(),
    attachment: attachments(contact),
    location: (listing.location ?? []).map(placeJson),
    kind: listing.kind,
    ...(kind?.essglobal ? { essglobalForm: kind.essglobal.organisationalStructure } : {}),
    services: listing.services ?? [],
    tags: listing.tags ?? [],
    languagesServed: listing.languages ?? [],
    regionsServed: listing.regionsServed ?? []
  }
  if (listing.icon) actor.icon = { type: 'Image', url: listing.icon }
  if (Object.keys(contact).length) {
    actor.contactPoint = {
      type: 'schema:ContactPoint',
      ...(contact.email ? { email: contact.email } : {}),
      ...(contact.phone ? { telephone: contact.phone } : {}),
      ...(contact.matrix ? { matrix: contact.matrix } : {}),
      ...(contact.fediverse ? { fediverse: contact.fediverse } : {})
    }
  }
  if (listing.founded !== undefined) actor.foundingYear = listing.founded
  if (listing.size !== undefined) actor.size = listing.size
  if (listing.acceptingClients !== undefined) actor.acceptingClients = listing.acceptingClients
  if (listing.pricing) actor.pricing = listing.pricing
  if (listing.networks?.length) actor.networks = listing.networks
  if (listing.dataLicense) actor.dataLicense = LICENSES[listing.dataLicense]
  if (listing.example) actor.example = true
  return actor
}

export interface InstanceInfo { id: string; host: string; name: string; publicUrl: string }

/** The instance actor (`Application`, FEP-2677/d556), followed by peers. */
export function instanceActor(info: InstanceInfo, key: ActorKeyInfo): ActorJson {
  return {
    '@context': ACTOR_CONTEXT,
    id: info.id,
    type: 'Application',
    preferredUsername: info.host,
    name: info.name,
    summary: 'The directory of this Tejido instance. Follow it to mirror its listings.',
    url: info.publicUrl,
    inbox: `${info.id}/inbox`,
    outbox: `${info.id}/outbox`,
    followers: `${info.id}/followers`,
    following: `${info.id}/following`,
    endpoints: { sharedInbox: `${info.id}/inbox` },
    publicKey: { id: `${info.id}#main-key`, owner: info.id, publicKeyPem: key.publicKeyPem },
    manuallyApprovesFollowers: true,
    discoverable: false
  }
}
