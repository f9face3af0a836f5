/**
 * Karte von Morgen CSV (the entries export of openfairdb,
 * `ofdb-webserver/src/adapters/csv.rs`), import only (issue 13). Lossy:
 * what is kept is the README's table ("Import and export formats"),
 * proved by tests/http/import-csv-lossy.test.ts. The entry's `id` becomes
 * `externalIds['kvm-csv']` (blank, and no homepage: an identifier derived
 * from its title and place, import-match.ts); the row's fields replace those fields of a
 * matched listing (`fields`), and the import gives it a slug.
 */
import type { ImportRow } from '../import'
import { kindOfCategories, servicesOfTags } from '../mapping/kvm-mapping'
import { unguardCell } from './cells'
import { countryCode, websiteOf } from './foreign-cells'
import { readCsv, type Header } from './read'
import { readCell } from './typed-cells'
import { rowId } from '../import-match'

/** The export's headers, in order. */
export const KVM_COLUMNS = [
  'id', 'created_at', 'created_by', 'version', 'title', 'description', 'lat', 'lng', 'street', 'zip', 'city', 'country', 'state', 'homepage',
  'contact_name', 'contact_email', 'contact_phone', 'opening_hours', 'founded_on', 'categories', 'tags', 'license', 'image_url', 'image_link_url', 'avg_rating'
] as const
type KvmColumn = (typeof KVM_COLUMNS)[number]

/** The listing fields a Karte von Morgen row carries (the rest of a matched listing is kept). */
export const KVM_FIELDS = ['name', 'summary', 'kind', 'services', 'tags', 'location', 'contact', 'founded', 'dataLicense', 'icon', 'externalIds'] as const

/** The schema's limits on tags. */
const MAX_TAGS = 30
const TAG_MAX = 50

const commaList = (cell: string): string[] => cell.split(',').map((s) => s.trim()).filter(Boolean)

const present = (record: Record<string, unknown>): Record<string, unknown> | undefined => {
  const kept = Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined && v !== ''))
  return Object.keys(kept).length ? kept : undefined
}

function placeOf(cell: (c: KvmColumn) => string): Record<string, unknown> | undefined {
  const town = [cell('zip'), cell('city')].filter(Boolean).join(' ')
  const address = [cell('street'), town, cell('state')].filter(Boolean).join(', ')
  return present({
    name: cell('city') || undefined,
    address: address || undefined,
    country: countryCode(cell('country')) ?? undefined,
    latitude: readCell(cell('lat'), 'number'),
    longitude: readCell(cell('lng'), 'number')
  })
}

/** One Karte von Morgen record as the listing fields it carries. */
export function kvmListing(header: Header, record: readonly string[]): Record<string, unknown> {
  const cell = (c: KvmColumn): string => unguardCell(header.cell(record, c))
  const tags = [...new Set(commaList(cell('tags')))]
  const services = servicesOfTags(tags)
  const year = /^(\d{4})-\d{2}-\d{2}/.exec(cell('founded_on'))?.[1]
  const place = placeOf(cell)
  const icon = cell('image_url')
  const website = websiteOf(cell('homepage'))
  const id = rowId(cell('id'), website, [cell('title'), cell('street'), cell('zip'), cell('city'), cell('country'), cell('lat'), cell('lng')])
  return present({
    name: cell('title') || undefined,
    summary: cell('description') || undefined,
    kind: kindOfCategories(commaList(cell('categories'))),
    services: services.length ? services : undefined,
    tags: tags.length ? tags.filter((t) => t.length <= TAG_MAX).slice(0, MAX_TAGS) : undefined,
    location: place ? [place] : undefined,
    contact: present({ website, email: cell('contact_email'), phone: cell('contact_phone') }),
    founded: year ? Number(year) : undefined,
    dataLicense: cell('license') === 'CC0-1.0' ? 'CC0-1.0' : undefined,
    icon: icon.startsWith('https://') ? icon : undefined,
    externalIds: id ? { 'kvm-csv': id } : undefined
  }) ?? {}
}

/** The rows of a Karte von Morgen CSV export, each the fields it carries, without a slug. */
export async function* kvmCsvRows(text: string): AsyncGenerator<ImportRow> {
  const file = await readCsv(text)
  if (!file.ok) {
    yield { row: file.row, unreadable: file.message }
    return
  }
  if (!file.header.has('id') || !file.header.has('title')) {
    yield { row: 1, unreadable: `a Karte von Morgen CSV file starts with its header row (${KVM_COLUMNS.slice(0, 6).join(', ')}, …)` }
    return
  }
  for await (const { row, cells } of file.records) yield { row, data: kvmListing(file.header, cells), fields: KVM_FIELDS }
}
