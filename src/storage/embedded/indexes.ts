/**
 * Secondary indexes of one embedded collection: equality lookups on the first
 * indexed field (so an indexed lookup never scans the collection), unique
 * constraints over all fields, partial and sparse indexes. Multikey: an array
 * value indexes each of its elements, as in MongoDB.
 */
import { compileFilter, type Matcher } from './matcher'
import { valueKey, valuesAtPath, isPlainObject, type Doc } from './values'
import { BAD_VALUE, serverError } from './errors'

const EMPTY: ReadonlySet<string> = new Set()

export interface IndexSpec {
  name: string
  key: Record<string, 1 | -1 | string>
  unique?: boolean
  sparse?: boolean
  partialFilterExpression?: Doc
}

/** The spec createIndex stores: the driver's default name (`a_1_b_-1`) and only the options given. */
export function indexSpecOf(key: Record<string, 1 | -1 | string> | string, options: Partial<IndexSpec>): IndexSpec {
  const keySpec = typeof key === 'string' ? { [key]: 1 as const } : key
  if (!isPlainObject(keySpec) || Object.keys(keySpec).length === 0) throw serverError(BAD_VALUE, 'Index key pattern must be a non-empty object')
  const name = options.name ?? Object.entries(keySpec).map(([k, v]) => `${k}_${v}`).join('_')
  const spec: IndexSpec = { name, key: keySpec }
  if (options.unique) spec.unique = true
  if (options.sparse) spec.sparse = true
  if (options.partialFilterExpression) spec.partialFilterExpression = options.partialFilterExpression
  return spec
}

const MAX_KEYS_PER_DOC = 1000

/** Index keys of one field; a missing field indexes as null, an array as each element. */
function keysOfField(doc: Doc, path: string, simple: boolean): { keys: string[]; present: boolean } {
  let values: unknown[]
  if (simple) {
    if (!(path in doc)) return { keys: [NULL_KEY], present: false }
    const v = doc[path]
    if (!Array.isArray(v)) return { keys: [valueKey(v)], present: true }
    values = v.length ? v : [undefined]
  } else {
    const reached = valuesAtPath(doc, path)
    if (reached.length === 0) return { keys: [NULL_KEY], present: false }
    values = reached.flatMap((v) => (Array.isArray(v) ? (v.length ? v : [undefined]) : [v]))
  }
  return { keys: values.length === 1 ? [valueKey(values[0])] : [...new Set(values.map(valueKey))], present: true }
}

const NULL_KEY = valueKey(null)

export class IndexState {
  readonly fields: string[]
  private readonly simple: boolean[]
  private readonly partial: Matcher | null
  private readonly byFirst = new Map<string, Set<string>>()
  /** Full compound key → ids (compound or unique indexes). */
  private readonly byFull = new Map<string, Set<string>>()
  private readonly members = new Set<string>()

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key)
    this.simple = this.fields.map((f) => !f.includes('.'))
    this.partial = spec.partialFilterExpression ? compileFilter(spec.partialFilterExpression) : null
  }

  /** The index entries of a document, or null when the index leaves it out. */
  private entries(doc: Doc): { first: string[]; full: string[] } | null {
    if (this.partial && !this.partial.test(doc)) return null
    const perField = this.fields.map((f, i) => keysOfField(doc, f, this.simple[i] as boolean))
    if (this.spec.sparse && perField.every((f) => !f.present)) return null
    const first = (perField[0] as { keys: string[] }).keys
    if (perField.length === 1) return { first, full: first }
    let full: string[] = ['']
    for (const field of perField) {
      full = full.flatMap((prefix) => field.keys.map((k) => (prefix ? `${prefix}\u0000${k}` : k)))
      if (full.length > MAX_KEYS_PER_DOC) full = full.slice(0, MAX_KEYS_PER_DOC)
    }
    return { first, full }
  }

  /** The indexed values of a document, for a duplicate-key message. */
  private keyValue(doc: Doc): Doc {
    return Object.fromEntries(this.fields.map((f) => [f, valuesAtPath(doc, f)[0] ?? null]))
  }

  /** Whether whole keys are kept: needed for unique checks and compound lookups. */
  private get keepsFull(): boolean {
    return Boolean(this.spec.unique) || this.fields.length > 1
  }

  /** The key value of the first document this one would duplicate, if any. */
  conflict(doc: Doc, idKey: string): Doc | null {
    if (!this.spec.unique) return null
    const entries = this.entries(doc)
    if (!entries) return null
    for (const key of entries.full) {
      const owners = this.byFull.get(key)
      if (owners && (owners.size > 1 || !owners.has(idKey))) return this.keyValue(doc)
    }
    return null
  }

  add(doc: Doc, idKey: string): void {
    const entries = this.entries(doc)
    if (!entries) return
    if (this.partial) this.members.add(idKey)
    addTo(this.byFirst, entries.first, idKey)
    if (this.keepsFull) addTo(this.byFull, entries.full, idKey)
  }

  remove(doc: Doc, idKey: string): void {
    const entries = this.entries(doc)
    if (!entries) return
    this.members.delete(idKey)
    removeFrom(this.byFirst, entries.first, idKey)
    if (this.keepsFull) removeFrom(this.byFull, entries.full, idKey)
  }

  /**
   * Ids matching a filter through this index: by the whole key when the
   * filter pins every field, else by the first field; null when it cannot
   * help (partial and sparse indexes leave documents out).
   */
  /** Ids the filter's equalities select; may be the index's own set, so read it, never change it. */
  lookupFilter(filter: Doc): ReadonlySet<string> | null {
    if (this.partial || this.spec.sparse) return this.coveredMembers(filter)
    const perField = this.fields.map((f) => equalityValues(filter, f))
    const first = perField[0]
    if (!first) return null
    if (this.fields.length > 1 && perField.every((v) => v !== null)) {
      let keys: string[] = ['']
      for (const values of perField as unknown[][]) {
        keys = keys.flatMap((prefix) => values.map((v) => (prefix ? `${prefix}\u0000${valueKey(v)}` : valueKey(v))))
        if (keys.length > MAX_KEYS_PER_DOC) return this.lookup(first)
      }
      if (keys.length === 1) return this.byFull.get(keys[0] as string) ?? EMPTY
      const out = new Set<string>()
      for (const key of keys) for (const id of this.byFull.get(key) ?? []) out.add(id)
      return out
    }
    return this.lookup(first)
  }

  /**
   * True when `lookupFilter` alone answers the filter exactly: every condition
   * is an equality on a field this index looked up (so no document needs testing).
   */
  covers(filter: Doc): boolean {
    if (this.partial || this.spec.sparse) return false
    const keys = Object.keys(filter)
    if (keys.length === 0 || !keys.every((k) => equalityValues(filter, k) !== null)) return false
    if (keys.length === 1) return keys[0] === this.fields[0]
    return keys.length === this.fields.length && this.fields.every((f) => keys.includes(f))
  }

  /** Ids whose first field equals one of `values` (one value: the index's own set, not a copy). */
  private lookup(values: unknown[]): ReadonlySet<string> {
    if (values.length === 1) return this.byFirst.get(valueKey(values[0])) ?? EMPTY
    const out = new Set<string>()
    for (const v of values) for (const id of this.byFirst.get(valueKey(v)) ?? []) out.add(id)
    return out
  }

  /** For a partial index whose filter the query repeats exactly: every member. */
  private coveredMembers(filter: Doc): ReadonlySet<string> | null {
    const pfe = this.spec.partialFilterExpression
    if (!pfe) return null
    for (const [k, v] of Object.entries(pfe)) {
      if (!(k in filter) || valueKey(filter[k]) !== valueKey(v)) return null
    }
    return this.members
  }
}

/**
 * The equality values a filter requires of a top-level field, when it pins the
 * field to a finite set of plain values; otherwise null.
 */
export function equalityValues(filter: Doc, field: string): unknown[] | null {
  if (!(field in filter)) return null
  const cond = filter[field]
  if (cond instanceof RegExp || Array.isArray(cond)) return null
  if (isPlainObject(cond)) {
    const ops = Object.keys(cond)
    if (ops.length === 1 && ops[0] === '$eq') return plain(cond.$eq) ? [cond.$eq] : null
    if (ops.length === 1 && ops[0] === '$in' && Array.isArray(cond.$in) && cond.$in.every(plain)) return cond.$in
    if (ops.some((op) => op.startsWith('$'))) return null
    return null // an exact sub-document match: scan rather than index on field order
  }
  return [cond]
}

function plain(v: unknown): boolean {
  return !(v instanceof RegExp) && !Array.isArray(v) && !isPlainObject(v)
}

function addTo(map: Map<string, Set<string>>, keys: string[], id: string): void {
  for (const key of keys) {
    let set = map.get(key)
    if (!set) map.set(key, (set = new Set()))
    set.add(id)
  }
}

function removeFrom(map: Map<string, Set<string>>, keys: string[], id: string): void {
  for (const key of keys) {
    const set = map.get(key)
    if (!set) continue
    set.delete(id)
    if (set.size === 0) map.delete(key)
  }
}
