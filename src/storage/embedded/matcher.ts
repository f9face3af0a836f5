/**
 * Compiled query filters (mingo). mingo's default Query copies every operator
 * table it knows (~400 entries) for each filter compiled; a store compiles one
 * per call, so this builds them from a small context: the query operators and
 * the boolean/comparison expression operators that `$expr` needs.
 */
import { Query } from 'mingo/query'
import { Context } from 'mingo/core'
import * as queryOperators from 'mingo/operators/query'
import * as expressionOperators from 'mingo/operators/expression'
import { isPlainObject, type Doc } from './values'
import { BAD_VALUE, serverError } from './errors'

const EXPRESSIONS = ['$and', '$or', '$not', '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$cmp', '$in']
const expressions = Object.fromEntries(
  Object.entries(expressionOperators).filter(([name]) => EXPRESSIONS.includes(name))
) as typeof expressionOperators

const CONTEXT = Context.init().addQueryOps(queryOperators).addExpressionOps(expressions)

export interface Matcher { test(doc: Doc): boolean }

const MATCH_ALL: Matcher = { test: () => true }

type Scalar = string | number | boolean

const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && !Number.isNaN(v))

/**
 * The filters almost every store call makes — top-level fields equal to a
 * string, number or boolean (`{origin, slug}`) — matched without building
 * a mingo Query, which costs tens of microseconds a call. Same meaning as
 * MongoDB's: a field equals the value, or is an array holding it.
 */
function scalarEquality(filter: Doc): Matcher | undefined {
  const pairs: Array<[string, Scalar]> = []
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$') || key.includes('.') || !isScalar(value)) return undefined
    pairs.push([key, value])
  }
  return {
    test: (doc) => pairs.every(([key, value]) => {
      const held = doc[key]
      return held === value || (Array.isArray(held) && held.includes(value))
    })
  }
}

export function compileFilter(filter: unknown): Matcher {
  if (filter === undefined || filter === null) return MATCH_ALL
  if (!isPlainObject(filter)) throw serverError(BAD_VALUE, 'Query filter must be an object')
  if (Object.keys(filter).length === 0) return MATCH_ALL
  const simple = scalarEquality(filter)
  if (simple) return simple
  try {
    return new Query(filter, { context: CONTEXT })
  } catch (err) {
    throw serverError(BAD_VALUE, (err as Error).message)
  }
}
