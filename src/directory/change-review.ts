/**
 * Moderation of changes (issue 12, point 4): which edits of an approved
 * listing wait for an operator, and the pure rules of a held change. An
 * editor's save that touches a reviewed field is split: the fields the
 * operator does not review go live at once, the reviewed ones are kept as a
 * held change — each value with what it replaces — until the operator
 * approves it (applied onto the listing as it is then) or rejects it.
 * Nothing here does I/O: held-changes.ts stores and decides, editing.ts
 * splits a save. Values are compared as stored, so a form that shows them
 * again unchanged holds nothing.
 */
import { isDeepStrictEqual } from 'node:util'
import { err, ok, type Result } from './result'

/**
 * The fields an operator can put under review (REVIEW_CHANGES), each with
 * the listing paths it covers: every writable property of the schema but
 * the slug (which cannot change), the contact split into its channels, as
 * phishing needs only one of them. A per-language name is the name.
 */
export const REVIEWABLE = {
  name: [['name'], ['nameMap']],
  summary: [['summary'], ['summaryMap']],
  defaultLanguage: [['defaultLanguage']],
  kind: [['kind']],
  services: [['services']],
  tags: [['tags']],
  languages: [['languages']],
  regionsServed: [['regionsServed']],
  location: [['location']],
  website: [['contact', 'website']],
  email: [['contact', 'email']],
  fediverse: [['contact', 'fediverse']],
  matrix: [['contact', 'matrix']],
  phone: [['contact', 'phone']],
  contactVisibility: [['contactVisibility']],
  founded: [['founded']],
  size: [['size']],
  acceptingClients: [['acceptingClients']],
  pricing: [['pricing']],
  networks: [['networks']],
  dataLicense: [['dataLicense']],
  icon: [['icon']],
  externalIds: [['externalIds']],
  example: [['example']]
} as const satisfies Record<string, ReadonlyArray<readonly string[]>>

/** A field REVIEW_CHANGES can name. */
export type ReviewField = keyof typeof REVIEWABLE

export const REVIEW_FIELDS = Object.keys(REVIEWABLE) as ReviewField[]

/** What waits for review when REVIEW_CHANGES is unset: what a phishing page needs (issue 12). */
export const DEFAULT_REVIEWED: readonly ReviewField[] = ['name', 'website', 'email', 'kind']

const isReviewField = (name: string): name is ReviewField => Object.hasOwn(REVIEWABLE, name)

/**
 * REVIEW_CHANGES read: a comma list of fields, `all` or `none`; unset or
 * blank is the default. An unknown name is refused with the names known.
 */
export function parseReviewPolicy(raw: string | undefined): Result<readonly ReviewField[], string> {
  const names = (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)
  if (names.length === 0) return ok(DEFAULT_REVIEWED)
  if (names.length === 1 && names[0] === 'all') return ok(REVIEW_FIELDS)
  if (names.length === 1 && names[0] === 'none') return ok([])
  if (names.includes('all') || names.includes('none')) return err('"all" and "none" stand alone, not in a list with field names')
  const unknown = names.filter((n) => !isReviewField(n))
  if (unknown.length) return err(`unknown field ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${REVIEW_FIELDS.join(', ')}, or all, or none`)
  return ok([...new Set(names as ReviewField[])])
}

/** A listing's writable part, as a plain document (inputOf). */
export type ListingDocument = Record<string, unknown>

/**
 * One held value: a path and what it holds before and after the change.
 * Absent is `null` (a stored listing never holds null: in a merge patch it
 * means "remove"), so the document stores the same in every engine.
 */
export interface HeldValue {
  path: string[]
  before: unknown
  after: unknown
}

/** The state of a held change: waiting for the operator, or declined (kept so its editor sees so). */
export type HeldState = 'waiting' | 'declined'

/** A proposal against the version it was made from, kept while the public sees the approved listing. */
export interface HeldChange {
  /** The listing's id (https://HOST/orgs/SLUG): one held change per listing. */
  listingId: string
  slug: string
  /** The reviewed fields it changes, in REVIEWABLE's order. */
  fields: ReviewField[]
  values: HeldValue[]
  /** The listing's version the proposal was made from. */
  baseVersion: number
  heldAt: Date
  state: HeldState
  decidedAt?: Date
}

function valueAt(doc: unknown, path: readonly string[]): unknown {
  let v = doc
  for (const key of path) v = v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined
  return v === undefined ? null : v
}

/** A copy of `doc` with `value` at `path` (null removes it; a parent left empty that `shape` lacks goes too). */
function withValue(doc: ListingDocument, path: readonly string[], value: unknown, shape: ListingDocument): ListingDocument {
  const [head, ...rest] = path as [string, ...string[]]
  const copy = { ...doc }
  if (rest.length === 0) {
    if (value === null) delete copy[head]
    else copy[head] = value
    return copy
  }
  const inner = copy[head] && typeof copy[head] === 'object' ? (copy[head] as ListingDocument) : {}
  const next = withValue(inner, rest, value, (shape[head] ?? {}) as ListingDocument)
  if (Object.keys(next).length === 0 && shape[head] === undefined) delete copy[head]
  else copy[head] = next
  return copy
}

/** What a save of an approved listing becomes: the document that goes live, and the values that wait. */
export interface SplitEdit {
  live: ListingDocument
  fields: ReviewField[]
  values: HeldValue[]
}

/**
 * Splits an edit of `current` into `proposed`: the reviewed fields it
 * changes are kept back (the live document keeps their current values),
 * everything else goes live.
 */
export function splitEdit(current: ListingDocument, proposed: ListingDocument, reviewed: readonly ReviewField[]): SplitEdit {
  let live = proposed
  const fields: ReviewField[] = []
  const values: HeldValue[] = []
  for (const field of REVIEW_FIELDS.filter((f) => reviewed.includes(f))) {
    const changed = REVIEWABLE[field].filter((path) => !isDeepStrictEqual(valueAt(current, path), valueAt(proposed, path)))
    if (!changed.length) continue
    fields.push(field)
    for (const path of changed) {
      values.push({ path: [...path], before: valueAt(current, path), after: valueAt(proposed, path) })
      live = withValue(live, path, valueAt(current, path), current)
    }
  }
  return { live, fields, values }
}

/** `doc` with the held values applied (onto whatever it holds now); a contact left empty goes. */
export const applyHeld = (doc: ListingDocument, values: readonly HeldValue[]): ListingDocument =>
  values.reduce((d, v) => withValue(d, v.path, v.after, {}), doc)

/** The held values whose path holds something else now than when the change was proposed. */
export const changedSinceHeld = (doc: ListingDocument, values: readonly HeldValue[]): HeldValue[] =>
  values.filter((v) => !isDeepStrictEqual(valueAt(doc, v.path), v.before))

/** Whether two held changes propose the same values (a save that repeats a proposal keeps it as it was). */
export const sameProposal = (a: readonly HeldValue[], b: readonly HeldValue[]): boolean =>
  isDeepStrictEqual(a.map((v) => [v.path, v.after]), b.map((v) => [v.path, v.after]))

const isObject = (v: unknown): v is ListingDocument => !!v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)

/** The JSON merge patch (RFC 7396) that turns `from` into `to` (lists replaced whole). */
export function mergePatchBetween(from: ListingDocument, to: ListingDocument): ListingDocument {
  const patch: ListingDocument = {}
  for (const key of new Set([...Object.keys(from), ...Object.keys(to)])) {
    const [a, b] = [from[key], to[key]]
    if (isDeepStrictEqual(a, b)) continue
    if (b === undefined) patch[key] = null
    else if (isObject(a) && isObject(b)) patch[key] = mergePatchBetween(a, b)
    else patch[key] = b
  }
  return patch
}
