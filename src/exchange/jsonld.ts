/**
 * A listing as linked open data with ESSGLOBAL terms (issue 13, format
 * `jsonld`), in the shape DigitalCommons/se-open-data publishes for the
 * solidarity-economy maps: an `essglobal:SSEInitiative` with `gr:name`,
 * `dc:description`, `foaf:homepage`, `essglobal:organisationalStructure`
 * and `essglobal:legalForm` (schemas/legal-forms.json), `essglobal:economicSector`
 * (activities-ica, where a service's category has one), `essglobal:hasAddress`
 * (an `essglobal:Address` with vCard parts and WGS84 `geo:lat`/`geo:long`),
 * `vcard:hasEmail`/`vcard:hasTelephone`, and the data licence. Terms are
 * prefixed (as Mastodon uses schema.org) and the context is inline, so no
 * reader fetches anything. Only what the public may see goes in: contacts
 * shared with partner directories only are left out, as in the Murmurations
 * profile. Services ESSGLOBAL has no term for stay as Tejido service ids.
 */
import { publicContact, type Listing } from '../directory/listing'
import { kindOf, SERVICES } from '../directory/vocabulary'
import { asParagraphs } from '../support/html-text'
import { isWebUrl } from './website-key'

const ESSGLOBAL_STANDARD = 'http://purl.org/essglobal/standard/'

/** The prefixes every document declares; each resolves to the vocabulary se-open-data uses. */
export const JSONLD_CONTEXT = {
  essglobal: 'http://purl.org/essglobal/vocab/',
  gr: 'http://purl.org/goodrelations/v1#',
  dc: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  geo: 'http://www.w3.org/2003/01/geo/wgs84_pos#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  tejido: 'https://tejido.coop/ns/v1#'
} as const

/**
 * ESSGLOBAL activities (activities-ica) for the service categories that have
 * one; the others (hosting, communication, development, security,
 * infrastructure, media) have no ICA activity of their own and are not
 * forced into "Other Services".
 */
const ACTIVITY_OF_CATEGORY: Readonly<Record<string, string>> = {
  education: `${ESSGLOBAL_STANDARD}activities-ica/ICA160`,
  consulting: `${ESSGLOBAL_STANDARD}activities-ica/ICA110`
}

const LICENCES: Readonly<Record<NonNullable<Listing['dataLicense']>, string>> = {
  'CC0-1.0': 'https://creativecommons.org/publicdomain/zero/1.0/',
  'CC-BY-SA-4.0': 'https://creativecommons.org/licenses/by-sa/4.0/'
}

const categoryOf = new Map(SERVICES.map((s) => [s.id, s.category]))

type Node = Record<string, unknown>

/** A text in every language the listing gives it, tagged; the plain one alone when there is no map. */
function texts(plain: string | undefined, byLanguage: Record<string, string> | undefined, shape: (s: string) => string = (s) => s): Node[] | undefined {
  const entries = Object.entries(byLanguage ?? {}).map(([lang, value]) => ({ '@value': shape(value), '@language': lang })).filter((v) => v['@value'])
  if (entries.length) return entries
  const text = plain ? shape(plain) : ''
  return text ? [{ '@value': text }] : undefined
}

const decimal = (x: number): Node => ({ '@value': String(x), '@type': 'xsd:decimal' })

/** Each place as an ESSGLOBAL address; the first keeps se-open-data's `#Address`, the others are numbered. */
function addresses(listing: Listing): Node[] {
  return (listing.location ?? []).map((place, i) => ({
    '@id': `${listing.id}#Address${i ? `-${i + 1}` : ''}`,
    '@type': 'essglobal:Address',
    ...(place.address ? { 'vcard:street-address': place.address } : {}),
    ...(place.name ? { 'vcard:locality': place.name } : {}),
    ...(place.country ? { 'vcard:country-name': place.country } : {}),
    'geo:lat': decimal(place.latitude),
    'geo:long': decimal(place.longitude)
  }))
}

/** The listing's ESSGLOBAL activities, each once, from its services' categories. */
function activities(listing: Listing): Node[] {
  const iris = new Set((listing.services ?? []).flatMap((s) => ACTIVITY_OF_CATEGORY[categoryOf.get(s) ?? ''] ?? []))
  return [...iris].map((iri) => ({ '@id': iri }))
}

/** One listing as a node of the graph (no context: the document around it declares it). */
export function essglobalNode(listing: Listing): Node {
  const kind = kindOf(listing.kind)?.essglobal
  const shown = publicContact(listing)
  const website = shown.website
  const email = shown.email
  const phone = shown.phone
  const names = texts(listing.name, listing.nameMap)
  const descriptions = texts(listing.summary, listing.summaryMap, asParagraphs)
  const sectors = activities(listing)
  return {
    '@id': listing.id,
    '@type': 'essglobal:SSEInitiative',
    ...(names ? { 'gr:name': names } : {}),
    ...(descriptions ? { 'dc:description': descriptions } : {}),
    'foaf:homepage': { '@id': isWebUrl(website) ? website : listing.id },
    ...(kind ? { 'essglobal:organisationalStructure': { '@id': kind.organisationalStructure }, 'essglobal:legalForm': { '@id': kind.legalForm } } : {}),
    ...(sectors.length ? { 'essglobal:economicSector': sectors } : {}),
    ...(listing.services?.length ? { 'tejido:services': listing.services } : {}),
    ...(listing.location?.length ? { 'essglobal:hasAddress': addresses(listing) } : {}),
    ...(email ? { 'vcard:hasEmail': { '@id': `${listing.id}#Email`, 'vcard:value': email } } : {}),
    ...(phone ? { 'vcard:hasTelephone': { '@id': `${listing.id}#Telephone`, 'vcard:value': phone } } : {}),
    'dc:license': { '@id': LICENCES[listing.dataLicense ?? 'CC0-1.0'] },
    'dc:modified': { '@value': listing.updated.toISOString(), '@type': 'xsd:dateTime' }
  }
}

/** One listing as a whole JSON-LD document (GET /essglobal/SLUG.jsonld). */
export const essglobalDocument = (listing: Listing): Node => ({ '@context': JSONLD_CONTEXT, ...essglobalNode(listing) })

/** What goes before and after the nodes of a streamed export: `{"@context":…,"@graph":[` … `]}`. */
export const JSONLD_OPEN = `{"@context":${JSON.stringify(JSONLD_CONTEXT)},"@graph":[`
export const JSONLD_CLOSE = ']}\n'
