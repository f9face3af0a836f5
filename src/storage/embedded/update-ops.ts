/**
 * Update documents and replacements, checked as MongoDB checks them, and the
 * document an upsert starts from.
 */
import * as updateOperators from 'mingo/operators/update'
import { isPlainObject, cloneValue, valueKey, type Doc } from './values'
import { BAD_VALUE, FAILED_TO_PARSE, IMMUTABLE_FIELD, serverError } from './errors'

export interface UpdateDoc {
  operators: Doc
  setOnInsert: Doc | undefined
}

export function parseUpdate(update: unknown): UpdateDoc {
  if (Array.isArray(update)) {
    throw serverError(BAD_VALUE, 'Aggregation pipeline updates are not supported by the embedded engine')
  }
  if (!isPlainObject(update) || Object.keys(update).length === 0) {
    throw serverError(FAILED_TO_PARSE, 'Update document requires atomic operators')
  }
  const operators: Doc = {}
  let setOnInsert: Doc | undefined
  for (const [op, fields] of Object.entries(update)) {
    if (!op.startsWith('$')) throw serverError(FAILED_TO_PARSE, 'Update document requires atomic operators')
    if (!isPlainObject(fields)) throw serverError(FAILED_TO_PARSE, `Modifiers operate on fields but we found ${op} with a non-object`)
    if (op === '$setOnInsert') setOnInsert = fields
    else operators[op] = fields
  }
  return { operators, setOnInsert }
}

export function checkReplacement(replacement: unknown): Doc {
  if (!isPlainObject(replacement)) throw serverError(FAILED_TO_PARSE, 'Replacement document must be an object')
  for (const key of Object.keys(replacement)) {
    if (key.startsWith('$')) throw serverError(FAILED_TO_PARSE, 'Replacement document must not contain atomic operators')
  }
  return replacement
}

type UpdateOperator = (expr: Doc, arrayFilters?: Doc[]) => (doc: Doc) => string[]
// mingo's update() rebuilds its operator context on every call; its operators
// used directly share one prebuilt context.
const OPERATORS = updateOperators as unknown as Record<string, UpdateOperator | undefined>

/** Applies update operators to a copy of `doc`; returns the copy and whether it changed. */
export function updatedCopy(doc: Doc, operators: Doc, arrayFilters?: Doc[]): { next: Doc; changed: boolean } {
  // The caller's values are only referenced until the result is re-encoded.
  const next = cloneValue(doc)
  let changed = false
  for (const [op, expr] of Object.entries(operators)) {
    const operator = OPERATORS[op]
    if (!operator) throw serverError(FAILED_TO_PARSE, `Unknown modifier: ${op}`)
    try {
      if (operator(expr as Doc, arrayFilters)(next).length > 0) changed = true
    } catch (err) {
      const message = (err as Error).message
      throw serverError(message.includes("immutable field '_id'") ? IMMUTABLE_FIELD : BAD_VALUE, message)
    }
  }
  if (valueKey(next._id) !== valueKey(doc._id)) {
    throw serverError(IMMUTABLE_FIELD, "Performing an update on the path '_id' would modify the immutable field '_id'")
  }
  return { next, changed }
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let node = doc
  parts.slice(0, -1).forEach((part) => {
    if (!isPlainObject(node[part])) node[part] = {}
    node = node[part] as Doc
  })
  node[parts[parts.length - 1] as string] = cloneValue(value)
}

/** The fields an upsert inserts from its filter: the equalities it states. */
export function seedFromFilter(filter: Doc): Doc {
  const seed: Doc = {}
  const visit = (f: Doc): void => {
    for (const [key, cond] of Object.entries(f)) {
      if (key === '$and' && Array.isArray(cond)) {
        cond.filter(isPlainObject).forEach(visit)
      } else if (key.startsWith('$')) {
        continue
      } else if (isPlainObject(cond) && Object.keys(cond).some((k) => k.startsWith('$'))) {
        if ('$eq' in cond) setPath(seed, key, cond.$eq)
      } else if (!(cond instanceof RegExp)) {
        setPath(seed, key, cond)
      }
    }
  }
  visit(filter)
  return seed
}
