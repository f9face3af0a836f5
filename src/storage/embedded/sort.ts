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

/** Sorts a copy of `docs`; keys are computed once per document, not per comparison. */
export function sortDocs<T extends Doc>(docs: T[], spec: SortSpec): T[] {
  const fields = Object.entries(spec)
  const keyed = docs.map((doc) => ({ doc, keys: fields.map(([path, dir]) => sortKey(doc, path, dir)) }))
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i])
      if (c !== 0) return c * (fields[i] as [string, 1 | -1])[1]
    }
    return 0
  })
  return keyed.map((k) => k.doc)
}
