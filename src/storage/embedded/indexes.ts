/**
 * Secondary indexes of one embedded collection: equality lookups on the first
 * indexed field (so an indexed lookup never scans the collection), unique
 * constraints over all fields, partial and sparse indexes. Multikey: an array
 * value indexes each of its elements, as in MongoDB.
 */
import { Query } from 'mingo'
import { valueKey, valuesAtPath, isPlainObject, type Doc } from './values'

export interface IndexSpec {
  name: string
  key: Record<string, 1 | -1 | string>
  unique?: boolean
  sparse?: boolean
  partialFilterExpression?: Doc
}

const MAX_KEYS_PER_DOC = 1000

function keysOfField(doc: Doc, path: string): { keys: string[]; present: boolean; values: unknown[] } {
  const reached = valuesAtPath(doc, path)
  const values = reached.flatMap((v) => (Array.isArray(v) ? (v.length ? v : [undefined]) : [v]))
  if (values.length === 0) return { keys: [valueKey(null)], present: false, values: [null] }
  return { keys: [...new Set(values.map(valueKey))], present: true, values }
}

export class IndexState {
  readonly fields: string[]
  private readonly partial: Query | null
  private readonly byFirst = new Map<string, Set<string>>()
  private readonly byFull = new Map<string, string>()
  private readonly members = new Set<string>()

  constructor(readonly spec: IndexSpec) {
    this.fields = Object.keys(spec.key)
    this.partial = spec.partialFilterExpression ? new Query(spec.partialFilterExpression) : null
  }

  /** The index entries of a document, or null when the index leaves it out. */
  private entries(doc: Doc): { first: string[]; full: string[]; keyValue: Doc } | null {
    if (this.partial && !this.partial.test(doc)) return null
    const perField = this.fields.map((f) => keysOfField(doc, f))
    if (this.spec.sparse && perField.every((f) => !f.present)) return null
    let full: string[] = ['']
    for (const field of perField) {
      full = full.flatMap((prefix) => field.keys.map((k) => (prefix ? `${prefix}\u0000${k}` : k)))
      if (full.length > MAX_KEYS_PER_DOC) full = full.slice(0, MAX_KEYS_PER_DOC)
    }
    const keyValue: Doc = {}
    this.fields.forEach((f, i) => (keyValue[f] = perField[i]?.values[0] ?? null))
    return { first: (perField[0] as { keys: string[] }).keys, full, keyValue }
  }

  /** The key value of the first document this one would duplicate, if any. */
  conflict(doc: Doc, idKey: string): Doc | null {
    if (!this.spec.unique) return null
    const entries = this.entries(doc)
    if (!entries) return null
    for (const key of entries.full) {
      const owner = this.byFull.get(key)
      if (owner !== undefined && owner !== idKey) return entries.keyValue
    }
    return null
  }

  add(doc: Doc, idKey: string): void {
    const entries = this.entries(doc)
    if (!entries) return
    if (this.partial) this.members.add(idKey)
    for (const key of entries.first) {
      let set = this.byFirst.get(key)
      if (!set) this.byFirst.set(key, (set = new Set()))
      set.add(idKey)
    }
    if (this.spec.unique) for (const key of entries.full) this.byFull.set(key, idKey)
  }

  remove(doc: Doc, idKey: string): void {
    const entries = this.entries(doc)
    if (!entries) return
    this.members.delete(idKey)
    for (const key of entries.first) {
      const set = this.byFirst.get(key)
      set?.delete(idKey)
      if (set && set.size === 0) this.byFirst.delete(key)
    }
    if (this.spec.unique) {
      for (const key of entries.full) if (this.byFull.get(key) === idKey) this.byFull.delete(key)
    }
  }

  /** Ids whose first field equals one of `values` (usable only without a partial filter). */
  lookup(values: unknown[]): Set<string> | null {
    if (this.partial || this.spec.sparse) return null
    const out = new Set<string>()
    for (const v of values) for (const id of this.byFirst.get(valueKey(v)) ?? []) out.add(id)
    return out
  }

  /** For a partial index whose filter the query repeats exactly: every member. */
  coveredMembers(filter: Doc): Set<string> | null {
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
