/**
 * Reading a GeoJSON FeatureCollection (RFC 7946) into import rows (issue 13).
 *
 * - Tejido's own GeoJSON (export-formats.ts: a Feature per place, the
 *   listing's fields as properties and the place as `place`): the features
 *   of one listing (one slug) become that listing again, with all its
 *   places in the file's order. Lossless but for listings without a place,
 *   which the export has no Feature for.
 * - Any other GeoJSON: each Feature is one listing, its properties mapped by
 *   FOREIGN_PROPERTIES below (the README's table), its Point the place, the
 *   Feature `id` kept as `externalIds.geojson` (a Feature without one or a website
 *   gets one derived from its name and place, import-match.ts, so the same file
 *   again matches it); the row names the `fields`
 *   it carries and no slug, so a listing it matches keeps the rest.
 *
 * A row is numbered by its Feature's position (the first Feature is 1).
 */
import { parseJsonFile } from './json-file'
import type { ImportRow } from './import'
import { KINDS } from '../directory/vocabulary'
import { rowId } from './import-match'
import { isRecord } from '../support/is-record'

const KIND_IDS = new Set<string>(KINDS.map((k) => k.id))


/** The first of `keys` that a feature's properties give as non-empty text (or a number, for ids and phones). */
function firstText(properties: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const v = properties[key]
    if (typeof v === 'string' && v.trim()) return v.trim()
    if (typeof v === 'number' && Number.isFinite(v)) return String(v)
  }
  return undefined
}

/** Which property names of foreign GeoJSON give which listing field (first one present wins). */
export const FOREIGN_PROPERTIES = {
  name: ['name', 'title', 'Name', 'NAME', 'Title'],
  summary: ['description', 'summary', 'Description', 'desc'],
  kind: ['kind'],
  website: ['website', 'url', 'homepage', 'web', 'Website', 'URL', 'contact:website'],
  email: ['email', 'e-mail', 'Email', 'contact:email'],
  phone: ['phone', 'telephone', 'tel', 'Phone', 'contact:phone'],
  placeName: ['city', 'locality', 'town', 'City', 'addr:city'],
  address: ['address', 'street', 'Address', 'addr:street'],
  country: ['country', 'country_code', 'Country', 'addr:country']
} as const

type Geometry = { type?: unknown; coordinates?: unknown } | null | undefined

/** The points of a geometry ([longitude, latitude] pairs), or why it has none Tejido can keep. */
function pointsOf(geometry: Geometry): Array<{ latitude: unknown; longitude: unknown }> | string {
  if (geometry === null || geometry === undefined) return []
  const pair = (c: unknown) => (Array.isArray(c) ? { longitude: c[0], latitude: c[1] } : { longitude: undefined, latitude: undefined })
  if (geometry.type === 'Point') return [pair(geometry.coordinates)]
  if (geometry.type === 'MultiPoint' && Array.isArray(geometry.coordinates)) return geometry.coordinates.map(pair)
  return `a ${String(geometry.type)} geometry is not a place: Tejido keeps places as points (Point or MultiPoint, or no geometry and a city and country)`
}

/** A point's coordinates as they were given, for a derived identifier. */
const coordinatesOf = (point: { latitude: unknown; longitude: unknown } | undefined): Array<string | number | undefined> =>
  [point?.longitude, point?.latitude].map((c) => (typeof c === 'number' || typeof c === 'string' ? c : undefined))

/** A foreign Feature as a listing row: the fields it carries, its place(s), its id. */
function foreignRow(row: number, feature: Record<string, unknown>): ImportRow {
  const p = isRecord(feature.properties) ? feature.properties : {}
  const get = (field: keyof typeof FOREIGN_PROPERTIES) => firstText(p, FOREIGN_PROPERTIES[field])
  const points = pointsOf(feature.geometry as Geometry)
  if (typeof points === 'string') return { row, unreadable: points }
  const data: Record<string, unknown> = {}
  const fields: string[] = []
  const carry = (field: string, value: unknown) => {
    data[field] = value
    fields.push(field)
  }
  const name = get('name')
  if (name) carry('name', name)
  const summary = get('summary')
  if (summary) carry('summary', summary)
  const kind = get('kind')
  if (kind && KIND_IDS.has(kind)) carry('kind', kind)
  else data.kind = 'other' // a new listing needs a kind; a listing it matches keeps its own
  const contact = Object.fromEntries((['website', 'email', 'phone'] as const).flatMap((f) => (get(f) ? [[f, get(f)]] : [])))
  if (Object.keys(contact).length) carry('contact', contact)
  const placeName = get('placeName')
  const address = get('address')
  const country = get('country')
  const described = { ...(placeName ? { name: placeName } : {}), ...(address ? { address } : {}), ...(country ? { country } : {}) }
  const places = points.length ? points.map((point) => ({ ...described, ...point })) : Object.keys(described).length ? [described] : []
  if (places.length) carry('location', places)
  const given = typeof feature.id === 'string' || typeof feature.id === 'number' ? String(feature.id) : undefined
  const id = rowId(given, contact.website, [name, placeName, address, country, ...coordinatesOf(points[0])])
  if (id) carry('externalIds', { geojson: id })
  return { row, data, fields }
}

/** Whether a Feature is one of Tejido's own (a listing's fields and its `place`). */
const isTejidoFeature = (properties: unknown): properties is Record<string, unknown> & { slug: string } =>
  isRecord(properties) && typeof properties.slug === 'string' && isRecord(properties.place)

/** Rows of a GeoJSON FeatureCollection. */
export async function* geojsonRows(text: string): AsyncGenerator<ImportRow> {
  const file = parseJsonFile(text)
  if (!file.ok) {
    yield file.refusal
    return
  }
  const parsed = file.value
  if (!isRecord(parsed) || parsed.type !== 'FeatureCollection' || !Array.isArray(parsed.features)) {
    yield { row: 1, unreadable: 'a GeoJSON file for import is a FeatureCollection: {"type":"FeatureCollection","features":[…]}' }
    return
  }
  // Tejido's features of one listing are gathered under its first Feature's number
  const listings = new Map<string, { row: number; data: Record<string, unknown>; location: unknown[] }>()
  const rows: Array<ImportRow | string> = []
  for (const [i, feature] of parsed.features.entries()) {
    const row = i + 1
    if (!isRecord(feature) || feature.type !== 'Feature') {
      rows.push({ row, unreadable: 'this is not a GeoJSON Feature ({"type":"Feature",…})' })
      continue
    }
    if (!isTejidoFeature(feature.properties)) {
      rows.push(foreignRow(row, feature))
      continue
    }
    const { place, ...fields } = feature.properties
    const held = listings.get(fields.slug)
    if (held) held.location.push(place)
    else {
      listings.set(fields.slug, { row, data: fields, location: [place] })
      rows.push(fields.slug)
    }
  }
  for (const item of rows) {
    if (typeof item !== 'string') yield item
    else {
      const { row, data, location } = listings.get(item) as { row: number; data: Record<string, unknown>; location: unknown[] }
      yield { row, data: { ...data, location } }
    }
  }
}
