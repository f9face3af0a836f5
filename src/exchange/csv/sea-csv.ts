/**
 * SEA / Mykomap "standard" CSV, schema v4 (DigitalCommons/se-open-data,
 * `lib/se_open_data/csv/schemas.rb`), in and out (issue 13). Lossy: one
 * address, no languages but the default, no tags of Tejido's own. What is
 * kept each way is the README's table ("Import and export formats"),
 * proved by tests/http/import-csv-lossy.test.ts.
 *
 * Out: `Identifier` is the listing's SEA identifier if it came from one,
 * else its slug; Organisational Structure the ESSGLOBAL URI of its kind;
 * Primary Activity its first service and Activities the rest (Tejido's
 * service URIs); the first place as the address; only contacts the public
 * may see (a SEA file is open data). In: the row's fields replace those
 * fields of a matched listing (`fields`), its Identifier becomes
 * `externalIds['sea-csv']` (blank, and no website: an identifier derived from its
 * name and place, import-match.ts), and the import gives it a slug.
 */
import type { ImportRow } from '../import'
import { publicContact, type Listing, type Place } from '../../directory/listing'
import { activityOf, kindOfStructure, serviceTerm, structureOfKind } from '../mapping/sea-mapping'
import { joinList, splitList, unguardCell } from './cells'
import { readCsv, type Header } from './read'
import { countryCode, websiteOf } from './foreign-cells'
import { readCell } from './typed-cells'
import { BOM, csvLine } from './write'
import { rowId } from '../import-match'

/** The v4 headers, exactly, in order. */
export const SEA_COLUMNS = [
  'Identifier', 'Name', 'Description', 'Organisational Structure', 'Primary Activity', 'Activities', 'Street Address', 'Locality', 'Region',
  'Postcode', 'Country ID', 'Territory ID', 'Website', 'Phone', 'Email', 'Twitter', 'Facebook', 'Companies House Number', 'Qualifiers',
  'Membership Type', 'Latitude', 'Longitude', 'Geo Container', 'Geo Container Latitude', 'Geo Container Longitude'
] as const
/** The v4 columns, and the one of earlier versions that is read too. */
type SeaColumn = (typeof SEA_COLUMNS)[number] | 'Country Name'

/** The listing fields a SEA row carries (the rest of a matched listing is kept). */
export const SEA_FIELDS = ['name', 'summary', 'kind', 'services', 'tags', 'regionsServed', 'location', 'contact', 'externalIds'] as const

const ISO_REGION = /^[A-Z]{2}(?:-[A-Z0-9]{1,3})?$/

export const seaCsvHeader = (): string => `${BOM}${csvLine(SEA_COLUMNS)}`

/** A listing as one line of SEA CSV. */
export function seaCsvLine(listing: Listing): string {
  const place: Partial<Place> = listing.location?.[0] ?? {}
  const [primary, ...more] = (listing.services ?? []).map(serviceTerm)
  const shown = publicContact(listing)
  const cells = Object.fromEntries(SEA_COLUMNS.map((c) => [c, ''])) as Record<(typeof SEA_COLUMNS)[number], string>
  Object.assign(cells, {
    Identifier: listing.externalIds?.['sea-csv'] ?? listing.slug,
    Name: listing.name,
    Description: listing.summary ?? '',
    'Organisational Structure': structureOfKind(listing.kind),
    'Primary Activity': primary ?? '',
    Activities: joinList(more),
    'Street Address': place.address ?? '',
    Locality: place.name ?? '',
    'Country ID': place.country ?? '',
    'Territory ID': (listing.regionsServed ?? []).find((r) => ISO_REGION.test(r)) ?? '',
    Website: shown.website ?? '',
    Phone: shown.phone ?? '',
    Email: shown.email ?? '',
    Latitude: place.latitude === undefined ? '' : String(place.latitude),
    Longitude: place.longitude === undefined ? '' : String(place.longitude)
  } satisfies Partial<typeof cells>)
  return csvLine(SEA_COLUMNS.map((c) => cells[c]))
}

const unique = (items: string[]): string[] => [...new Set(items)]

/** The place of a row: its address, and its coordinates (exact, else the geo container's) when it has them. */
function placeOf(cell: (c: SeaColumn) => string): Record<string, unknown> | undefined {
  const latitude = readCell(cell('Latitude') || cell('Geo Container Latitude'), 'number')
  const longitude = readCell(cell('Longitude') || cell('Geo Container Longitude'), 'number')
  const address = [cell('Street Address'), cell('Region'), cell('Postcode')].filter(Boolean).join(', ')
  const country = cell('Country ID').toUpperCase() || countryCode(cell('Country Name')) // v1–v3 files name the country
  const place = { name: cell('Locality') || undefined, address: address || undefined, country: country || undefined, latitude, longitude }
  const kept = Object.fromEntries(Object.entries(place).filter(([, v]) => v !== undefined))
  return Object.keys(kept).length ? kept : undefined
}

/** The row's Identifier, or one derived from its name and place when it has neither (import-match.ts). */
function idOf(cell: (c: SeaColumn) => string, website: string | undefined): Record<string, string> | undefined {
  const id = rowId(cell('Identifier'), website, [cell('Name'), cell('Street Address'), cell('Locality'), cell('Postcode'), cell('Country ID') || cell('Country Name'), cell('Latitude'), cell('Longitude')])
  return id ? { 'sea-csv': id } : undefined
}

/** One SEA record as the listing fields it carries. */
export function seaListing(header: Header, record: readonly string[]): Record<string, unknown> {
  const cell = (c: SeaColumn): string => unguardCell(header.cell(record, c))
  const structure = kindOfStructure(cell('Organisational Structure'))
  const activities = [cell('Primary Activity'), ...splitList(cell('Activities'))].filter(Boolean).map(activityOf)
  const services = unique(activities.flatMap((a) => ('service' in a ? [a.service] : [])))
  const tags = unique([...(structure.tag ? [structure.tag] : []), ...activities.flatMap((a) => ('tag' in a ? [a.tag] : []))])
  const territory = cell('Territory ID') ? cell('Territory ID').split(/[/:#]/).pop()?.toUpperCase() ?? '' : ''
  const place = placeOf(cell)
  const contact = Object.fromEntries(Object.entries({ website: websiteOf(cell('Website')), email: cell('Email'), phone: cell('Phone') }).filter(([, v]) => v))
  const listing: Record<string, unknown> = {
    name: cell('Name') || undefined,
    summary: cell('Description') || undefined,
    kind: structure.kind,
    services: services.length ? services : undefined,
    tags: tags.length ? tags : undefined,
    regionsServed: ISO_REGION.test(territory) ? [territory] : undefined,
    location: place ? [place] : undefined,
    contact: Object.keys(contact).length ? contact : undefined,
    externalIds: idOf(cell, contact.website)
  }
  return Object.fromEntries(Object.entries(listing).filter(([, v]) => v !== undefined))
}

/** The rows of a SEA CSV file, each the fields SEA carries, without a slug. */
export async function* seaCsvRows(text: string): AsyncGenerator<ImportRow> {
  const file = await readCsv(text)
  if (!file.ok) {
    yield { row: file.row, unreadable: file.message }
    return
  }
  if (!file.header.has('Identifier') || !file.header.has('Name')) {
    yield { row: 1, unreadable: `a SEA CSV file starts with the v4 header row (${SEA_COLUMNS.slice(0, 4).join(', ')}, …)` }
    return
  }
  for await (const { row, cells } of file.records) yield { row, data: seaListing(file.header, cells), fields: SEA_FIELDS }
}
