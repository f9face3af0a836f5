/**
 * Tejido CSV (issue 13), in and out: every field of the listing, columns
 * as in tejido-columns.ts. Lossless: a listing exported and imported again
 * is the same listing, slug included. Summaries are written as the
 * sanitised HTML they are stored as; on import they are sanitised again,
 * so only HTML outside the summary subset (added by hand in the file) is
 * lost.
 */
import type { ImportRow } from '../import'
import type { Listing } from '../../directory/listing'
import { EXTERNAL_ID_FORMATS } from '../../directory/listing'
import { joinEntries, splitEntries, splitKeepingEmpty, unguardCell } from './cells'
import { readCsv, type Header } from './read'
import { CONTACT_FIELDS, FIXED_LANGUAGES, OTHER_LANGUAGES, PLACE_FIELDS, PLAIN_COLUMNS, TEJIDO_COLUMNS } from './tejido-columns'
import { readCell, writeCell } from './typed-cells'
import { BOM, csvLine } from './write'

/** The file's opening: byte-order mark and header line. */
export const tejidoCsvHeader = (): string => `${BOM}${csvLine(TEJIDO_COLUMNS)}`

function languageCells(plain: string | undefined, map: Record<string, string> | undefined): string[] {
  const fixed = FIXED_LANGUAGES.map((lang) => map?.[lang] ?? '')
  const others = Object.entries(map ?? {}).filter(([lang]) => !(FIXED_LANGUAGES as readonly string[]).includes(lang))
  return [plain ?? '', ...fixed, joinEntries(others)]
}

const placeCells = (location: Listing['location']): string[] =>
  PLACE_FIELDS.map(([field]) => (location?.length ? writeCell(location.map((place) => writeCell(place[field]))) : ''))

/** A listing as one line of Tejido CSV, its cells in TEJIDO_COLUMNS order. */
export function tejidoCsvLine(listing: Listing): string {
  const plain = (fields: ReadonlyArray<readonly [string, unknown]>) => fields.map(([field]) => writeCell((listing as unknown as Record<string, unknown>)[field]))
  return csvLine([
    listing.slug,
    ...languageCells(listing.name, listing.nameMap),
    ...languageCells(listing.summary, listing.summaryMap),
    ...plain(PLAIN_COLUMNS.slice(0, 6)),
    ...placeCells(listing.location),
    ...CONTACT_FIELDS.map((f) => listing.contact?.[f] ?? ''),
    ...CONTACT_FIELDS.map((f) => listing.contactVisibility?.[f] ?? ''),
    ...plain(PLAIN_COLUMNS.slice(6)),
    ...EXTERNAL_ID_FORMATS.map((f) => listing.externalIds?.[f] ?? '')
  ])
}

type Cells = (name: string) => string

/** A map from the `FIELD:TAG` columns and the `FIELD:*` entries; a `*` entry without `=` is refused. */
function languageMap(header: Header, record: readonly string[], field: string): Record<string, string> | string | undefined {
  const map: Record<string, string> = {}
  for (const { suffix, index } of header.suffixed(field)) {
    const cell = unguardCell((record[index] ?? '').trim())
    if (suffix !== OTHER_LANGUAGES) {
      if (cell) map[suffix] = cell
      continue
    }
    for (const [lang, text] of splitEntries(cell)) {
      if (text === undefined) return `${field}:${OTHER_LANGUAGES} holds "${lang}", not a LANGUAGE=text entry`
      if (text) map[lang] = text
    }
  }
  return Object.keys(map).length ? map : undefined
}

/** The places of the `location.*` columns, or why their lists do not line up. */
function places(cells: Cells): Array<Record<string, unknown>> | string | undefined {
  const lists = PLACE_FIELDS.map(([field, type]) => ({ field, type, items: splitKeepingEmpty(cells(`location.${field}`)) }))
  const count = Math.max(...lists.map((l) => l.items.length))
  if (!count) return undefined
  const short = lists.find((l) => l.items.length && l.items.length !== count)
  if (short) return `location.${short.field} has ${short.items.length} items but another place column has ${count}: give every place its item (an empty one where it has none)`
  return Array.from({ length: count }, (_, i) => {
    const place: Record<string, unknown> = {}
    for (const { field, type, items } of lists) {
      const value = readCell((items[i] ?? '').trim(), type)
      if (value !== undefined) place[field] = value
    }
    return place
  })
}

function fieldsMap(cells: Cells, prefix: string, keys: readonly string[]): Record<string, string> | undefined {
  const entries = keys.map((k) => [k, cells(`${prefix}.${k}`)] as const).filter(([, v]) => v !== '')
  return entries.length ? Object.fromEntries(entries) : undefined
}

/** One record as a listing, or why it cannot be one. */
export function tejidoListing(header: Header, record: readonly string[]): Record<string, unknown> | string {
  const cells: Cells = (name) => unguardCell(header.cell(record, name))
  const nameMap = languageMap(header, record, 'name')
  const summaryMap = languageMap(header, record, 'summary')
  const location = places(cells)
  for (const problem of [nameMap, summaryMap, location]) if (typeof problem === 'string') return problem
  const listing: Record<string, unknown> = {
    slug: readCell(cells('slug'), 'text'),
    name: readCell(cells('name'), 'text'),
    nameMap,
    summary: readCell(cells('summary'), 'text'),
    summaryMap,
    ...Object.fromEntries(PLAIN_COLUMNS.map(([field, type]) => [field, readCell(cells(field), type)])),
    location,
    contact: fieldsMap(cells, 'contact', CONTACT_FIELDS),
    contactVisibility: fieldsMap(cells, 'contactVisibility', CONTACT_FIELDS),
    externalIds: fieldsMap(cells, 'externalIds', EXTERNAL_ID_FORMATS)
  }
  return Object.fromEntries(Object.entries(listing).filter(([, v]) => v !== undefined))
}

/** The rows of a Tejido CSV file: each record a whole listing, slug and all. */
export async function* tejidoCsvRows(text: string): AsyncGenerator<ImportRow> {
  const file = await readCsv(text)
  if (!file.ok) {
    yield { row: file.row, unreadable: file.message }
    return
  }
  if (!file.header.has('slug') || !file.header.has('name')) {
    yield { row: 1, unreadable: 'a Tejido CSV file starts with a header row naming its columns (slug, name, kind, …)' }
    return
  }
  for await (const { row, cells } of file.records) {
    const data = tejidoListing(file.header, cells)
    yield typeof data === 'string' ? { row, unreadable: data } : { row, data }
  }
}
