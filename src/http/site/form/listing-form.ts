/**
 * The editor form ⇄ a stored listing. The form shows only part of a listing
 * (four UI languages, the first place's coordinates, name and country,
 * website and email, summaries as plain paragraphs), so a save must not
 * write the form back whole: it compares the form as submitted with the form
 * as the stored listing renders, and turns only the fields the person
 * changed into a JSON merge patch. Everything else — other languages, the
 * address, other places, rich summary HTML — stays exactly as stored, and an
 * unchanged save is an empty patch (a no-op: no new version, nothing sent).
 * Which fields there are, and how each is stored, comes from fields.ts.
 */
import crypto from 'node:crypto'
import { locatePlaces } from './places'
import { otherLanguagesPatch, otherLanguageValues } from './other-languages'
import type { Listing } from '../../../directory/listing'
import { items, paragraphs, toShown, toStored, valueAt } from './convert'
import { DEFAULT_LANGUAGE, LISTING_FIELDS, formFieldNamed, removeField, type FormField, type FormValues } from './fields'

/** Every field the editor form shows, by its form name. */
export const FORM_FIELDS: readonly string[] = LISTING_FIELDS.map((f) => f.name)

/** The box that shows a listing's plain summary: its default language's (when that is a UI language). */
const homeSummary = (l: Listing): FormField | undefined => formFieldNamed(`summaryMap.${l.defaultLanguage ?? DEFAULT_LANGUAGE}`)

/** A listing as the form's values. */
export function formValues(l: Listing): FormValues {
  const values: FormValues = {}
  for (const f of LISTING_FIELDS) {
    const stored = valueAt(l, f.path)
    if (f.multi) values[f.name] = Array.isArray(stored) ? stored.filter((x): x is string => typeof x === 'string') : []
    else if (stored !== undefined && stored !== '') values[f.name] = toShown(f, stored)
    else if (f.fallback !== undefined) values[f.name] = f.fallback
  }
  // The plain summary is the default language's: its box shows it while the map has none in that language.
  const home = homeSummary(l)
  if (home && values[home.name] === undefined && l.summary) values[home.name] = toShown(home, l.summary)
  return { ...values, ...otherLanguageValues(l) }
}

const texts = (v: unknown): string[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')

/**
 * A field's value as compared: what a browser sends back for what was shown
 * (CRLF line ends in a textarea, no line breaks in an input, trimmed);
 * ticked boxes as a set.
 */
export function canonical(field: string, value: unknown): string {
  const f = formFieldNamed(field)
  if (f?.multi) return [...new Set(texts(value).map((x) => x.trim()).filter(Boolean))].sort().join('\n')
  if (f?.value === 'list') return items(texts(value).join(',')).join('\n') // typed lists: "a, b" and "a,b" are the same
  const raw = texts(value).join(', ').replace(/\r\n?/g, '\n')
  return (f?.input === 'textarea' ? raw : raw.replace(/\n/g, '')).trim()
}

const digest = (text: string): string => crypto.createHash('sha256').update(text).digest('base64url').slice(0, 12)

/** A short digest of each field as loaded, carried by the form so a refused save can say what changed since. */
export const fingerprint = (values: FormValues): string =>
  JSON.stringify(Object.fromEntries(FORM_FIELDS.map((f) => [f, digest(canonical(f, values[f]))])))

/** The form fields whose current value differs from the fingerprint the form was loaded with (all when it is unreadable). */
export function changedSince(loaded: unknown, current: FormValues): string[] {
  let digests: Record<string, unknown> = {}
  try {
    const parsed: unknown = typeof loaded === 'string' ? JSON.parse(loaded) : null
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) digests = parsed as Record<string, unknown>
  } catch {
    // an unreadable fingerprint (a tampered or truncated form): every field counts as changed
  }
  return FORM_FIELDS.filter((f) => digests[f] !== digest(canonical(f, current[f])))
}

type Body = Record<string, unknown>
type Changed = (field: FormField) => boolean
type Value = (field: FormField) => string

/** The fields by what holds them (undefined: the listing itself), in the form's order. */
const BY_CONTAINER = LISTING_FIELDS.reduce((groups, f) => groups.set(f.container, [...(groups.get(f.container) ?? []), f]), new Map<string | undefined, FormField[]>())

/** The merge patch that makes `current` say what the person changed on the form, and nothing else. */
export function formPatch(current: Listing, submitted: Body): Record<string, unknown> {
  const loaded = formValues(current)
  const changed: Changed = (f) => canonical(f.name, loaded[f.name]) !== canonical(f.name, submitted[f.name])
  const value: Value = (f) => canonical(f.name, submitted[f.name])
  const patch: Record<string, unknown> = {}
  for (const [container, fields] of BY_CONTAINER) {
    if (container === undefined) {
      for (const f of fields.filter(changed)) patch[f.name] = f.multi ? listPatch(current, f, value(f)) : storedOrNull(f, value(f))
      continue
    }
    const stored = (current as unknown as Record<string, unknown>)[container]
    const part = fields[0]?.item ? itemsPatch(stored, fields, changed, value, (i) => submitted[removeField(container, i)] !== undefined) : objectPatch(stored, fields, changed, value)
    // A place named without coordinates is found as on /join; a name not found keeps its place, for the schema to ask for coordinates.
    if (part !== undefined) patch[container] = container === 'location' && part ? locatePlaces(part, DEFAULT_LANGUAGE).location : part
  }
  // Names and summaries in languages beyond the UI's: only the ones changed in their rows.
  const other = otherLanguagesPatch(current, submitted)
  for (const map of ['nameMap', 'summaryMap'] as const) {
    const part = other[map]
    if (!part) continue
    const ui = patch[map]
    patch[map] = ui && typeof ui === 'object' ? { ...(ui as object), ...part } : ui === null ? withUiCleared(current[map], part) : part
  }
  // The plain summary follows its box (which shows it while the map has none in that language).
  const home = homeSummary(current)
  if (current.summary !== undefined && home && changed(home)) patch.summary = value(home) ? paragraphs(value(home)) : null
  return patch
}

/** A changed field's value in the patch: as stored, or null (its key removed) when cleared or set to what its absence means. */
const storedOrNull = (f: FormField, text: string): unknown => (text === '' || (f.implicit && text === f.fallback) ? null : toStored(f, text))

/** The UI languages' boxes all cleared (their patch was null: nothing left) and the rows' changes: each stored key removed unless a row sets it. */
const withUiCleared = (stored: Record<string, string> | undefined, rows: Record<string, string | null>): Record<string, string | null> =>
  ({ ...Object.fromEntries(Object.keys(stored ?? {}).map((k) => [k, null])), ...rows })

/** The boxes ticked: the stored order kept, new ones after; none left removes the list. */
function listPatch(current: Listing, field: FormField, wanted: string): string[] | null {
  const ticked = wanted.split('\n').filter(Boolean)
  const stored = valueAt(current, field.path)
  const kept = (Array.isArray(stored) ? stored : []).filter((x): x is string => ticked.includes(x))
  const next = [...kept, ...ticked.filter((x) => !kept.includes(x))]
  return next.length ? next : null
}

/** Changes to an object or map (a cleared field removes its key, the others stay); null when nothing is left. */
function objectPatch(stored: unknown, fields: FormField[], changed: Changed, value: Value): Record<string, unknown> | null | undefined {
  const patch: Record<string, unknown> = {}
  for (const f of fields.filter(changed)) patch[f.path.at(-1) as string] = storedOrNull(f, value(f))
  if (Object.keys(patch).length === 0) return undefined
  const left = Object.keys(stored && typeof stored === 'object' ? stored : {}).filter((key) => patch[key] !== null)
  return left.length || Object.values(patch).some((v) => v !== null) ? patch : null
}

/**
 * Changes to the items of a list (the places): each item's changed fields
 * applied onto it, its other keys kept; an item ticked for removal, or
 * whose required fields were all cleared, goes; new items are added at the
 * end. Unchanged, nothing; with no item left, the list is removed.
 */
function itemsPatch(stored: unknown, fields: FormField[], changed: Changed, value: Value, isRemoved: (index: number) => boolean): Array<Record<string, unknown>> | null | undefined {
  const items = (Array.isArray(stored) ? stored : []) as Array<Record<string, unknown>>
  const count = Math.max(items.length, ...fields.map((f) => (f.index ?? 0) + 1))
  const indices = Array.from({ length: count }, (_, i) => i)
  if (!fields.some(changed) && !indices.some(isRemoved)) return undefined
  const next = indices.flatMap((i): Array<Record<string, unknown>> => {
    if (isRemoved(i)) return []
    const own = fields.filter((f) => f.index === i)
    const item: Record<string, unknown> = { ...(items[i] ?? {}) }
    for (const f of own.filter(changed)) {
      const key = f.path.at(-1) as string
      if (value(f) === '') delete item[key]
      else item[key] = toStored(f, value(f)) // not a number where one belongs: the schema names the field
    }
    const cleared = own.some(changed) && own.filter((f) => f.required).every((f) => item[f.path.at(-1) as string] === undefined)
    return Object.keys(item).length === 0 || cleared ? [] : [item]
  })
  return next.length ? next : null
}
