/** Sort specifications with MongoDB's semantics over BSON-ordered values. */
import { compareValues, valuesAtPath, type Doc } from './values'
import { BAD_VALUE, serverError } from './errors'

export type SortSpec = Record<string, 1 | -1>

/** Accepts {a: 1}, {a: 'asc'}, [['a', 1]] and ['a', 'desc'] forms the driver accepts. */
export function normaliseSort(sort: unknown): SortSpec | undefined {
  if (sort === undefined || sort === null) return undefined
  const entries: Array<[string, unknown]> = Array.isArray(sort)
    ? (typeof sort[0] === 'string' && sort.length === 2 && !Array.isArray(sort[1])
        ? [[sort[0], sort[1]]]
        : (sort as Array<[string, unknown]>))
    : Object.entries(sort as Record<string, unknown>)
  const spec: SortSpec = {}
  for (const [field, dir] of entries) {
    if (dir === 1 || dir === 'asc' || dir === 'ascending') spec[field] = 1
    else if (dir === -1 || dir === 'desc' || dir === 'descending') spec[field] = -1
    else throw serverError(BAD_VALUE, `Invalid sort direction for ${field}: ${JSON.stringify(dir)}`)
  }
  return spec
}

/**
 * The value a document sorts by on one field: for arrays, the smallest element
 * ascending and the largest descending, as MongoDB does.
 */
function sortKey(doc: Doc, path: string, dir: 1 | -1): unknown {
  if (!path.includes('.')) {
    const direct = doc[path]
    if (!Array.isArray(direct)) return direct ?? null // the common case: a plain top-level value
  }
  const values = valuesAtPath(doc, path).flatMap((v) => (Array.isArray(v) && v.length ? v : [v]))
  if (values.length === 0) return null
  let best = values[0]
  for (const v of values) {
    const c = compareValues(v, best)
    if ((dir === 1 && c < 0) || (dir === -1 && c > 0)) best = v
  }
  return best
}

/**
 * Sorts a copy of `docs`; keys are computed once per document, not per
 * comparison. With `keep` (skip + limit) only that many come back, chosen
 * with a bounded heap rather than a full sort: an API page of 20 out of
 * 10,000 mirrors compares far fewer documents.
 */
export function sortDocs<T extends Doc>(docs: T[], spec: SortSpec, keep?: number): T[] {
  const fields = Object.entries(spec)
  const keyed = docs.map((doc, at) => ({ doc, at, keys: fields.map(([path, dir]) => sortKey(doc, path, dir)) }))
  // ties keep their input order (MongoDB gives no order; a stable one is kinder to tests and pages)
  const order = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i])
      if (c !== 0) return c * (fields[i] as [string, 1 | -1])[1]
    }
    return a.at - b.at
  }
  if (keep === undefined || keep * 4 >= keyed.length) return keyed.sort(order).slice(0, keep).map((k) => k.doc)
  const heap: typeof keyed = [] // heap[0] is the last of the best `keep` so far
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j] as (typeof keyed)[number], heap[i] as (typeof keyed)[number]])
  for (const item of keyed) {
    if (heap.length < keep) {
      heap.push(item)
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1
        if (order(heap[parent] as (typeof keyed)[number], heap[i] as (typeof keyed)[number]) >= 0) break
        swap(i, parent)
        i = parent
      }
    } else if (keep > 0 && order(item, heap[0] as (typeof keyed)[number]) < 0) {
      heap[0] = item
      for (let i = 0; ; ) {
        const l = 2 * i + 1
        const r = l + 1
        let last = i
        if (l < heap.length && order(heap[l] as (typeof keyed)[number], heap[last] as (typeof keyed)[number]) > 0) last = l
        if (r < heap.length && order(heap[r] as (typeof keyed)[number], heap[last] as (typeof keyed)[number]) > 0) last = r
        if (last === i) break
        swap(i, last)
        i = last
      }
    }
  }
  return heap.sort(order).map((k) => k.doc)
}
