/**
 * The /join form as an application: the listing it describes, as the API
 * would receive it (registration chooses its slug), and the account.
 * Empty fields are left out (the schema names those the listing requires);
 * a place is given once one of its fields is (a place named without
 * coordinates is found in the gazetteer: form/places.ts).
 */
import type { Application } from '../../../directory/registration'
import { toStored } from './convert'
import { otherLanguagesFromForm } from './other-languages'
import { LISTING_FIELDS, optionIds, removeField, type FormField } from './fields'

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')
const strings = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())

/** What the form sent for a field: its list, its text, or for a menu with a fallback one of its options or the fallback. */
function sent(field: FormField, body: Record<string, unknown>): string | string[] {
  const raw = body[field.name]
  if (field.multi) return strings(raw)
  if (field.fallback === undefined || !field.options) return str(raw)
  return optionIds(field.options).find((id) => id === raw) ?? field.fallback
}

const isEmpty = (v: string | string[]): boolean => v.length === 0

/** Sets a value at a path, making the objects (and, for numeric segments, the lists) on the way. */
function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node: Record<string, unknown> = target
  path.slice(0, -1).forEach((key, i) => {
    node[key] ??= /^\d+$/.test(path[i + 1] as string) ? [] : {}
    node = node[key] as Record<string, unknown>
  })
  node[path.at(-1) as string] = value
}

/** Whether a field's value is written: when given, unless it is an implicit default (an empty required one is left out: the schema says it is required). */
const written = (field: FormField, value: string | string[]): boolean =>
  !isEmpty(value) && !(field.implicit && value === field.fallback)

/** Which item of which list a field is under ("location.2"), or undefined for the listing's own fields. */
const itemKey = (f: FormField): string | undefined => (f.index === undefined ? undefined : `${f.container}.${f.index}`)

/** The listing a form describes (before a slug is chosen), as the API would receive it. */
export function listingFromForm(body: Record<string, unknown>): Record<string, unknown> {
  const values = new Map(LISTING_FIELDS.map((f) => [f, sent(f, body)]))
  // An item (a place) is given when any of its fields is, and it was not ticked for removal.
  const givenItems = new Set([...values].filter(([f, v]) => f.item && !isEmpty(v) && !removed(f, body)).map(([f]) => itemKey(f)))
  const listing: Record<string, unknown> = {}
  for (const [field, value] of values) {
    const write = field.item ? givenItems.has(itemKey(field)) && written(field, value) : written(field, value)
    if (write) setAt(listing, field.path, Array.isArray(value) ? value : toStored(field, value))
  }
  // Names and summaries in languages beyond the UI's, from their rows.
  const other = otherLanguagesFromForm(body)
  for (const map of ['nameMap', 'summaryMap'] as const) {
    if (Object.keys(other[map] ?? {}).length) listing[map] = { ...(other[map] ?? {}), ...((listing[map] as object | undefined) ?? {}) }
  }
  // Places given after one left empty or removed close up: the list has no holes.
  for (const key of Object.keys(listing)) {
    const v = listing[key]
    if (Array.isArray(v) && LISTING_FIELDS.some((f) => f.item && f.container === key)) listing[key] = v.filter((x) => x !== undefined)
  }
  return listing
}

/** Whether the item a field is under was ticked for removal. */
const removed = (f: FormField, body: Record<string, unknown>): boolean => f.index !== undefined && body[removeField(f.container as string, f.index)] !== undefined

/** The whole /join form: the listing, and the editor account's email (trimmed) and password (as typed). */
export function applicationFromForm(body: Record<string, unknown>): Application {
  const password = body['account.password']
  return { listing: listingFromForm(body), email: str(body['account.email']), password: typeof password === 'string' ? password : '' }
}
