/**
 * findOneAndUpdate, findOneAndReplace and findOneAndDelete over a collection's
 * documents, with the driver v4 answer `{ ok, value, lastErrorObject }`: the
 * first match in sort order is changed in one synchronous step, like the
 * collection's other writes, so two concurrent callers never take one document.
 */
import { cloneValue, type Doc } from './values'
import { compileProjection, type ProjectionSpec } from './projection'
import { normaliseSort, sortDocs } from './sort'
import { parseUpdate, checkReplacement, updatedCopy } from './update-ops'
import type { DocumentSet, Staged } from './documents'

/** The options of findOneAnd*, as the driver takes them. */
export interface FindOneAndOptions {
  sort?: unknown
  projection?: ProjectionSpec
  returnDocument?: 'before' | 'after'
  upsert?: boolean
  arrayFilters?: Doc[]
}

/** What find-and-modify needs of its collection: the documents, and a commit that persists. */
export interface ModifyTarget {
  readonly set: DocumentSet
  commit(changes: Staged[]): Promise<Staged[]>
}

/** The driver v4 ModifyResult; `value` is typed by the caller, which knows its documents. */
export interface ModifyAnswer<T> {
  ok: 1
  value: T | null
  lastErrorObject: Doc
}

function firstMatch(set: DocumentSet, filter: Doc, sort: unknown): Doc | undefined {
  const spec = normaliseSort(sort)
  if (!spec) return set.select(filter, 1)[0]
  return sortDocs(set.select(filter), spec, 1)[0]
}

function answer<T>(doc: Doc | undefined, projection: ProjectionSpec | undefined, lastErrorObject: Doc): ModifyAnswer<T> {
  const value = doc ? compileProjection(projection)(cloneValue(doc)) : null
  return { ok: 1, value: value as T | null, lastErrorObject }
}

/** Answers `before` or `after` as asked, after an existing document was (maybe) changed. */
function changed<T>(target: Doc, applied: Staged | undefined, options: FindOneAndOptions): ModifyAnswer<T> {
  const after = applied?.after ?? target
  return answer(options.returnDocument === 'after' ? after : target, options.projection, { n: 1, updatedExisting: true })
}

/** Answers an upserted document (only when `after` is asked: before, there was none). */
function upserted<T>(inserted: Staged | undefined, options: FindOneAndOptions): ModifyAnswer<T> {
  const after = options.returnDocument === 'after' ? inserted?.after : undefined
  return answer(after, options.projection, { n: 1, updatedExisting: false, upserted: inserted?.after?._id })
}

export async function findOneAndUpdate<T>(into: ModifyTarget, filter: Doc, update: unknown, options: FindOneAndOptions): Promise<ModifyAnswer<T>> {
  const { operators, setOnInsert } = parseUpdate(update)
  const target = firstMatch(into.set, filter, options.sort)
  if (!target) {
    if (!options.upsert) return answer(undefined, undefined, { n: 0, updatedExisting: false })
    const [inserted] = await into.commit([into.set.stageUpsert(filter, operators, setOnInsert, options.arrayFilters)])
    return upserted(inserted, options)
  }
  const { next, changed: differs } = updatedCopy(target, operators, options.arrayFilters)
  const staged = differs ? into.set.stageReplace(target, next) : null
  const [applied] = await into.commit(staged ? [staged] : [])
  return changed(target, applied, options)
}

export async function findOneAndReplace<T>(into: ModifyTarget, filter: Doc, replacement: Doc, options: FindOneAndOptions): Promise<ModifyAnswer<T>> {
  const fields = checkReplacement(replacement)
  const target = firstMatch(into.set, filter, options.sort)
  if (!target) {
    if (!options.upsert) return answer(undefined, undefined, { n: 0, updatedExisting: false })
    const [inserted] = await into.commit([into.set.stageReplacementUpsert(filter, fields)])
    return upserted(inserted, options)
  }
  const staged = into.set.stageReplacement(target, fields)
  const [applied] = await into.commit(staged ? [staged] : [])
  return changed(target, applied, options)
}

export async function findOneAndDelete<T>(into: ModifyTarget, filter: Doc, options: { sort?: unknown; projection?: ProjectionSpec }): Promise<ModifyAnswer<T>> {
  const target = firstMatch(into.set, filter, options.sort)
  if (!target) return answer(undefined, undefined, { n: 0 })
  await into.commit([into.set.stageDelete(target)])
  return answer(target, options.projection, { n: 1 })
}
