/**
 * The columns of Tejido CSV (issue 13), in the order they are written, and
 * the typed cells each holds. Every field of the listing schema has its
 * column, so the format is lossless.
 *
 * Languages: `name` and `summary` are the default language's; `name:en`,
 * `name:es`, `name:fr`, `name:pt` (and `summary:…`) are the four UI
 * languages' columns, always written, so the header is known before the
 * first listing and the export streams in one pass; any other language
 * goes in `name:*` / `summary:*` as `tag=text` entries (`qu=Awasqa Llika`).
 * A file may also carry a column per any other language (`name:de`); the
 * reader takes both.
 *
 * Places: one column per place field (`location.name`, …), each a list of
 * one item per place, in the same order (an empty item where a place lacks
 * that field).
 */
import { EXTERNAL_ID_FORMATS, type ContactField } from '../../directory/listing'

/** The languages whose name and summary have a column of their own in every export. */
export const FIXED_LANGUAGES = ['en', 'es', 'fr', 'pt'] as const

/** The column holding every other language's entries. */
export const OTHER_LANGUAGES = '*'

export const CONTACT_FIELDS: readonly ContactField[] = ['website', 'email', 'fediverse', 'matrix', 'phone']

/** How a column's cell reads and writes. */
export type CellType = 'text' | 'list' | 'number' | 'boolean'

/** Top-level fields with a column of their own, and their cell type. */
export const PLAIN_COLUMNS: ReadonlyArray<readonly [string, CellType]> = [
  ['defaultLanguage', 'text'],
  ['kind', 'text'],
  ['services', 'list'],
  ['tags', 'list'],
  ['languages', 'list'],
  ['regionsServed', 'list'],
  ['founded', 'number'],
  ['size', 'number'],
  ['acceptingClients', 'boolean'],
  ['pricing', 'text'],
  ['networks', 'list'],
  ['dataLicense', 'text'],
  ['icon', 'text'],
  ['example', 'boolean']
]

/** The place fields, each a column `location.FIELD`. */
export const PLACE_FIELDS = [['name', 'text'], ['address', 'text'], ['country', 'text'], ['latitude', 'number'], ['longitude', 'number']] as const

const languageColumns = (field: 'name' | 'summary'): string[] => [field, ...FIXED_LANGUAGES.map((l) => `${field}:${l}`), `${field}:${OTHER_LANGUAGES}`]

/** Every column, in the order the writer writes them. */
export const TEJIDO_COLUMNS: readonly string[] = [
  'slug',
  ...languageColumns('name'),
  ...languageColumns('summary'),
  ...PLAIN_COLUMNS.slice(0, 6).map(([field]) => field),
  ...PLACE_FIELDS.map(([field]) => `location.${field}`),
  ...CONTACT_FIELDS.map((f) => `contact.${f}`),
  ...CONTACT_FIELDS.map((f) => `contactVisibility.${f}`),
  ...PLAIN_COLUMNS.slice(6).map(([field]) => field),
  ...EXTERNAL_ID_FORMATS.map((f) => `externalIds.${f}`)
]
