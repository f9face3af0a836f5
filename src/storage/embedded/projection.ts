/**
 * Find/aggregate projections ({a: 1, 'b.c': 1} or {_meta: 0, 'object._id': 0}),
 * applied to a document the caller owns. Paths descend into arrays of
 * sub-documents as MongoDB's do. Written here rather than taken from mingo,
 * whose nested exclusion mutates its input.
 */
import { isPlainObject, type Doc } from './values'
import { BAD_VALUE, serverError } from './errors'

type Tree = { [key: string]: Tree | true }

export type ProjectionSpec = Record<string, unknown>

function buildTree(paths: string[]): Tree {
  const root: Tree = {}
  for (const path of paths) {
    const parts = path.split('.')
    let node = root
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        node[part] = true
      } else {
        const child = node[part]
        if (child === true) return
        node = child ?? (node[part] = {})
      }
    })
  }
  return root
}

function include(value: unknown, tree: Tree): unknown {
  if (Array.isArray(value)) {
    return value.filter(isPlainObject).map((el) => include(el, tree))
  }
  if (!isPlainObject(value)) return undefined
  const out: Doc = {}
  for (const [key, sub] of Object.entries(tree)) {
    if (!(key in value)) continue
    if (sub === true) {
      out[key] = value[key]
    } else {
      const nested = include(value[key], sub)
      if (nested !== undefined) out[key] = nested
    }
  }
  return out
}

function exclude(value: unknown, tree: Tree): void {
  if (Array.isArray(value)) {
    for (const el of value) exclude(el, tree)
    return
  }
  if (!isPlainObject(value)) return
  for (const [key, sub] of Object.entries(tree)) {
    if (!(key in value)) continue
    if (sub === true) delete value[key]
    else exclude(value[key], sub)
  }
}

function truthy(flag: unknown): boolean {
  if (typeof flag === 'number' || typeof flag === 'boolean') return Boolean(flag)
  throw serverError(BAD_VALUE, `Unsupported projection value ${JSON.stringify(flag)}: use 0/1 or true/false`)
}

/** Returns a projector for the spec, validated once; it may reuse `doc`. */
export function compileProjection(spec: ProjectionSpec | undefined): (doc: Doc) => Doc {
  if (!spec || Object.keys(spec).length === 0) return (doc) => doc
  const included: string[] = []
  const excluded: string[] = []
  let keepId = true
  for (const [path, flag] of Object.entries(spec)) {
    const on = truthy(flag)
    if (path === '_id') {
      keepId = on
      continue
    }
    ;(on ? included : excluded).push(path)
  }
  if (included.length && excluded.length) {
    throw serverError(31254, `Cannot do exclusion on field ${excluded[0]} in inclusion projection`)
  }
  if (included.length) {
    const tree = buildTree(keepId ? ['_id', ...included] : included)
    return (doc) => include(doc, tree) as Doc
  }
  const tree = buildTree(keepId ? excluded : ['_id', ...excluded])
  return (doc) => {
    exclude(doc, tree)
    return doc
  }
}
