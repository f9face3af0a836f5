/**
 * The aggregation stages Tejido and apex use: $match, $sort, $skip, $limit,
 * $lookup (equality form) and $project (inclusion/exclusion). Any other stage
 * is refused with a clear error rather than half-supported. $lookup is ours
 * rather than mingo's, which yields [undefined] for unmatched values of an
 * array local field.
 */
import { compileFilter } from './matcher'
import { isPlainObject, valuesAtPath, type Doc } from './values'
import { compileProjection } from './projection'
import { normaliseSort, sortDocs } from './sort'
import { BAD_VALUE, serverError } from './errors'

export interface PipelineSources {
  /** The first $match, answered by the collection (with its indexes); returns copies. */
  match(filter: Doc): Doc[]
  lookupFrom(name: string): { lookupEqual(field: string, values: unknown[]): Doc[] }
}

function stageOf(stage: unknown): [string, unknown] {
  if (!isPlainObject(stage) || Object.keys(stage).length !== 1) {
    throw serverError(40323, 'A pipeline stage specification object must contain exactly one field.')
  }
  return Object.entries(stage)[0] as [string, unknown]
}

function count(value: unknown, stage: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw serverError(BAD_VALUE, `${stage} needs a non-negative integer`)
  }
  return value
}

function lookup(docs: Doc[], spec: unknown, sources: PipelineSources): Doc[] {
  if (!isPlainObject(spec) || typeof spec.from !== 'string' || typeof spec.localField !== 'string' ||
      typeof spec.foreignField !== 'string' || typeof spec.as !== 'string') {
    throw serverError(BAD_VALUE, '$lookup needs from, localField, foreignField and as')
  }
  const { localField, foreignField, as } = spec as { localField: string; foreignField: string; as: string }
  const foreign = sources.lookupFrom(spec.from)
  return docs.map((doc) => {
    const locals = valuesAtPath(doc, localField).flatMap((v) => (Array.isArray(v) ? v : [v]))
    const matches = foreign.lookupEqual(foreignField, locals.length ? locals : [null])
    return { ...doc, [as]: matches }
  })
}

export function runPipeline(pipeline: unknown, sources: PipelineSources): Doc[] {
  if (!Array.isArray(pipeline)) throw serverError(BAD_VALUE, 'Aggregation pipeline must be an array')
  let docs: Doc[] | null = null
  const current = (): Doc[] => (docs ??= sources.match({}))
  for (const stage of pipeline) {
    const [name, arg] = stageOf(stage)
    switch (name) {
      case '$match': {
        if (!isPlainObject(arg)) throw serverError(BAD_VALUE, '$match needs an object')
        if (docs === null) {
          docs = sources.match(arg)
        } else {
          const q = compileFilter(arg)
          docs = docs.filter((d) => q.test(d))
        }
        break
      }
      case '$sort': {
        const spec = normaliseSort(arg)
        if (!spec) throw serverError(BAD_VALUE, '$sort needs a specification')
        docs = sortDocs(current(), spec)
        break
      }
      case '$skip':
        docs = current().slice(count(arg, '$skip'))
        break
      case '$limit':
        docs = current().slice(0, count(arg, '$limit'))
        break
      case '$lookup':
        docs = lookup(current(), arg, sources)
        break
      case '$project': {
        if (!isPlainObject(arg)) throw serverError(BAD_VALUE, '$project needs an object')
        const project = compileProjection(arg)
        docs = current().map(project)
        break
      }
      default:
        throw serverError(BAD_VALUE, `Unsupported aggregation stage ${name} in the embedded engine`)
    }
  }
  return current()
}
