/**
 * Value helpers with MongoDB's semantics: BSON type order, comparison,
 * canonical keys for index lookups, path traversal and deep cloning that keeps
 * ObjectId and Date intact (structuredClone turns an ObjectId into a plain
 * object, which then sorts and compares wrongly).
 */
import { ObjectId, Binary, Timestamp, Long, Decimal128 } from 'mongodb'

export type Doc = Record<string, unknown>

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1
  if (typeof v === 'number' || v instanceof Long || v instanceof Decimal128) return 2
  if (typeof v === 'string') return 3
  if (Array.isArray(v)) return 5
  if (v instanceof Binary || Buffer.isBuffer(v)) return 6
  if (v instanceof ObjectId) return 7
  if (typeof v === 'boolean') return 8
  if (v instanceof Date) return 9
  if (v instanceof Timestamp) return 10
  if (v instanceof RegExp) return 11
  return 4 // embedded document
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v
  if (v instanceof Long) return v.toNumber()
  return Number(String(v))
}

/** Compares two values in BSON order (MongoDB's sort order across types). */
export function compareValues(a: unknown, b: unknown): number {
  // the pairs sorts compare most, before the rank checks (bson's instanceof checks are getters)
  if (a instanceof Date && b instanceof Date) return Math.sign(a.getTime() - b.getTime())
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b)
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case 1: return 0
    case 2: return Math.sign(toNumber(a) - toNumber(b))
    case 3: return a === b ? 0 : (a as string) < (b as string) ? -1 : 1
    case 5: return compareArrays(a as unknown[], b as unknown[])
    case 6: return Buffer.compare(toBuffer(a), toBuffer(b))
    case 7: return (a as ObjectId).toHexString().localeCompare((b as ObjectId).toHexString())
    case 8: return Number(a) - Number(b)
    case 9: return Math.sign((a as Date).getTime() - (b as Date).getTime())
    case 10: return (a as Timestamp).compare(b as Timestamp)
    case 11: return String(a).localeCompare(String(b))
    default: return compareDocs(a as Doc, b as Doc)
  }
}

function toBuffer(v: unknown): Buffer {
  return v instanceof Binary ? Buffer.from(v.buffer) : (v as Buffer)
}

function compareArrays(a: unknown[], b: unknown[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const c = compareValues(a[i], b[i])
    if (c !== 0) return c
  }
  return a.length - b.length
}

function compareDocs(a: Doc, b: Doc): number {
  // MongoDB compares embedded documents pair by pair: value type, field name, value.
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  for (let i = 0; i < Math.min(ka.length, kb.length); i++) {
    const nameA = ka[i] as string
    const nameB = kb[i] as string
    const byType = typeRank(a[nameA]) - typeRank(b[nameB])
    if (byType !== 0) return byType
    if (nameA !== nameB) return nameA < nameB ? -1 : 1
    const byValue = compareValues(a[nameA], b[nameB])
    if (byValue !== 0) return byValue
  }
  return ka.length - kb.length
}

/**
 * A canonical string for equality lookups in indexes: equal BSON values give
 * equal keys (1 and 1.0 are one number; null and missing are one key, as in
 * MongoDB's indexes).
 */
export function valueKey(v: unknown): string {
  if (v === undefined || v === null) return 'n:'
  if (typeof v === 'number') return `d:${v}`
  if (typeof v === 'string') return `s:${v}`
  if (typeof v === 'boolean') return `b:${v}`
  if (v instanceof ObjectId) return `o:${v.toHexString()}`
  if (v instanceof Date) return `t:${v.getTime()}`
  if (v instanceof Long) return `d:${v.toNumber()}`
  if (Array.isArray(v)) return `a:[${v.map(valueKey).join(',')}]`
  if (isPlainObject(v)) {
    return `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${valueKey(x)}`).join(',')}}`
  }
  return `x:${String(v)}`
}

/**
 * Every value a dotted path reaches, descending through arrays as MongoDB
 * does ('a.b' on {a: [{b: 1}, {b: 2}]} reaches 1 and 2). Arrays at the end of
 * the path are returned whole; callers decide whether to spread them.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const parts = path.split('.')
  let current: unknown[] = [doc]
  for (const part of parts) {
    const next: unknown[] = []
    for (const value of current) {
      if (Array.isArray(value)) {
        if (/^\d+$/.test(part)) {
          if (Number(part) < value.length) next.push(value[Number(part)])
        } else {
          for (const el of value) if (isPlainObject(el) && part in el) next.push(el[part])
        }
      } else if (isPlainObject(value) && part in value) {
        next.push(value[part])
      }
    }
    current = next
  }
  return current
}

/** Deep clone that keeps BSON class instances (ObjectId, Date, Binary...). */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(cloneValue) as T
  if (value instanceof Date) return new Date(value.getTime()) as T
  if (isPlainObject(value)) {
    const out: Doc = {}
    for (const key of Object.keys(value)) out[key] = cloneValue(value[key])
    return out as T
  }
  // ObjectId, Binary, Long, RegExp...: immutable in practice, shared safely.
  return value
}
