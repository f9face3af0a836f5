/**
 * The import formats (issue 13) and the reader of each: a reader turns a
 * file's text into rows, each a listing as the schema takes it (or why the
 * row could not be read). A format with identifiers of its own puts them in
 * the row's `externalIds` under the format's name; a format without slugs
 * leaves `slug` out and the import gives one. The `format` names are
 * contracts (the CLI's `--format`, the API's `?format=`).
 */
import type { ImportRow } from './import'
import { tejidoJsonRows } from './tejido-json'
import { tejidoCsvRows } from './csv/tejido-csv'
import { seaCsvRows } from './csv/sea-csv'
import { kvmCsvRows } from './csv/kvm-csv'
import { murmurationsRows } from './murmurations-read'
import { geojsonRows } from './geojson-read'

export type RowReader = (text: string) => AsyncIterable<ImportRow>

const READERS = {
  json: (text: string) => tejidoJsonRows(text, 'json'),
  jsonl: (text: string) => tejidoJsonRows(text, 'jsonl'),
  csv: tejidoCsvRows,
  'sea-csv': seaCsvRows,
  'kvm-csv': kvmCsvRows,
  murmurations: murmurationsRows,
  geojson: geojsonRows
} as const satisfies Record<string, RowReader>

export type ImportFormat = keyof typeof READERS

export const IMPORT_FORMATS = Object.keys(READERS) as ImportFormat[]

export const isImportFormat = (value: unknown): value is ImportFormat => typeof value === 'string' && Object.hasOwn(READERS, value)

/** The rows of `text` read as `format`. */
export const readRows = (format: ImportFormat, text: string): AsyncIterable<ImportRow> => READERS[format](text)

/** The format a file's name suggests, when its name ends in one of theirs. */
export function formatOfFileName(name: string): ImportFormat | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase()
  return extension && isImportFormat(extension) ? extension : undefined
}
