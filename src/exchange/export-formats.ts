/**
 * Export: listings written out, one at a time, in the formats networks use
 * (issue 13). Each writer turns a stream of listings into a stream of text
 * chunks, so an export of any size runs in constant memory. The `format`
 * names are contracts (the API's `?format=`, the CLI's `--format`).
 *
 * - `json`: the API's own listing JSON, an array (lossless);
 * - `jsonl`: the same, one listing a line;
 * - `geojson`: a FeatureCollection (RFC 7946), a Feature per place, the
 *   listing's fields (its data licence among them) as properties;
 * - `murmurations`: an array of organizations profiles (murmurations-profile.ts);
 * - `csv`, `sea-csv`: Tejido CSV and SEA CSV (csv/tejido-csv.ts, csv/sea-csv.ts);
 * - `jsonld`: a JSON-LD graph of ESSGLOBAL initiatives (jsonld.ts).
 */
import type { Listing, ModerationState } from '../directory/listing'
import type { ListingService } from '../directory/listing-service'
import { murmurationsProfile } from './murmurations-profile'
import { tejidoCsvHeader, tejidoCsvLine } from './csv/tejido-csv'
import { seaCsvHeader, seaCsvLine } from './csv/sea-csv'
import { essglobalNode, JSONLD_CLOSE, JSONLD_OPEN } from './jsonld'

export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'sea-csv', 'geojson', 'jsonld', 'murmurations'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const isExportFormat = (value: unknown): value is ExportFormat => (EXPORT_FORMATS as readonly unknown[]).includes(value)

/** How each format is served and named. */
export const EXPORT_MEDIA: Readonly<Record<ExportFormat, { type: string; extension: string }>> = {
  json: { type: 'application/json', extension: 'json' },
  jsonl: { type: 'application/x-ndjson', extension: 'jsonl' },
  geojson: { type: 'application/geo+json', extension: 'geojson' },
  murmurations: { type: 'application/json', extension: 'murmurations.json' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  'sea-csv': { type: 'text/csv; charset=utf-8', extension: 'sea.csv' },
  jsonld: { type: 'application/ld+json', extension: 'jsonld' }
}

/** A listing as the API serves it: dates as ISO text, its id also as `url`. */
export function listingJson(listing: Listing): Record<string, unknown> {
  return {
    ...listing,
    url: listing.id,
    published: listing.published.toISOString(),
    updated: listing.updated.toISOString(),
    provenance: {
      ...listing.provenance,
      firstSeen: listing.provenance.firstSeen.toISOString(),
      lastVerified: listing.provenance.lastVerified.toISOString()
    }
  }
}

/** A listing's places as GeoJSON Features (longitude first), each with the listing's fields and its place. */
function features(listing: Listing): Array<Record<string, unknown>> {
  const { location = [], ...rest } = listingJson(listing) as Record<string, unknown> & { location?: Listing['location'] }
  return (location ?? []).map((place, index) => ({
    type: 'Feature',
    id: `${listing.id}#place-${index}`,
    geometry: { type: 'Point', coordinates: [place.longitude, place.latitude] },
    properties: { ...rest, place }
  }))
}

/** The items of one format, each as text, and what goes around them. */
interface Layout { open: string; close: string; separator: string; items: (listing: Listing) => string[] }

const LAYOUTS: Readonly<Record<ExportFormat, Layout>> = {
  json: { open: '[', close: ']\n', separator: ',\n', items: (l) => [JSON.stringify(listingJson(l))] },
  jsonl: { open: '', close: '', separator: '', items: (l) => [`${JSON.stringify(listingJson(l))}\n`] },
  geojson: { open: '{"type":"FeatureCollection","features":[', close: ']}\n', separator: ',\n', items: (l) => features(l).map((f) => JSON.stringify(f)) },
  murmurations: { open: '[', close: ']\n', separator: ',\n', items: (l) => [JSON.stringify(murmurationsProfile(l))] },
  csv: { open: tejidoCsvHeader(), close: '', separator: '', items: (l) => [tejidoCsvLine(l)] },
  'sea-csv': { open: seaCsvHeader(), close: '', separator: '', items: (l) => [seaCsvLine(l)] },
  jsonld: { open: JSONLD_OPEN, close: JSONLD_CLOSE, separator: ',\n', items: (l) => [JSON.stringify(essglobalNode(l))] }
}

/** The export of `listings` in `format`, chunk by chunk. */
export async function* exportChunks(format: ExportFormat, listings: AsyncIterable<Listing>): AsyncGenerator<string> {
  const layout = LAYOUTS[format]
  yield layout.open
  let first = true
  for await (const listing of listings) {
    for (const item of layout.items(listing)) {
      yield first ? item : `${layout.separator}${item}`
      first = false
    }
  }
  yield layout.close
}

/** Every listing the query selects, streamed from the store, so an export holds one listing at a time (in no particular order). */
export function selectedListings(listings: Pick<ListingService, 'all'>, query: { origin?: string; moderation?: ModerationState }): AsyncIterable<Listing> {
  return listings.all(query)
}
