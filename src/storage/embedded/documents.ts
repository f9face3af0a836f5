/**
 * The documents of one embedded collection and their indexes, in memory:
 * query planning (by _id, by the most selective index, or a scan), staging of
 * changes (encoded once, so what is kept is exactly what is on disk), and
 * applying them to documents and indexes in one synchronous step, so two
 * concurrent writers cannot both pass a unique check.
 */
import { ObjectId } from 'mongodb'
import { compileFilter } from './matcher'
import { valueKey, isPlainObject, compareValues, type Doc } from './values'
import { IndexState, equalityValues, type IndexSpec } from './indexes'
import { updatedCopy, seedFromFilter } from './update-ops'
import { BAD_VALUE, duplicateKeyError, serverError, isDiskWriteError } from './errors'
import type { Codec } from './codec'

const MAX_DOCUMENT_SIZE = 16 * 1024 * 1024

/** One document's change: before and after (either may be absent), and the bytes to store. */
export interface Staged {
  key: string
  before: Doc | undefined
  after: Doc | undefined
  bytes: Buffer | undefined
}

/** What insertEach did: the changes to persist, the ids by input position, the failures. */
export interface InsertBatch {
  applied: Staged[]
  insertedIds: Record<number, unknown>
  writeErrors: Array<{ index: number; code: number; errmsg: string }>
}

/** Encodes a document; what is kept in memory is its decoded copy, so memory and disk agree. */
function encode(codec: Codec, doc: Doc): { doc: Doc; bytes: Buffer } {
  let bytes: Buffer
  try {
    bytes = codec.encode(doc)
  } catch (err) {
    if (isDiskWriteError(err)) throw err // saving the codec's new structures failed (a full disk)
    throw serverError(BAD_VALUE, `Document cannot be stored: ${(err as Error).message}`)
  }
  if (bytes.length > MAX_DOCUMENT_SIZE) throw serverError(10334, `Document size ${bytes.length} is over the ${MAX_DOCUMENT_SIZE} byte maximum`)
  return { doc: codec.decode(bytes), bytes }
}

export class DocumentSet {
  private readonly docs = new Map<string, Doc>()
  readonly indexStates = new Map<string, IndexState>()

  constructor(readonly namespace: string, private readonly codec: Codec, stored: Iterable<[string, Doc]>, indexes: IndexSpec[]) {
    this.fill(stored, indexes)
  }

  /** Replaces everything with what is stored (after a write that did not reach the disk). */
  reload(stored: Iterable<[string, Doc]>, indexes: IndexSpec[]): void {
    this.clear()
    this.fill(stored, indexes)
  }

  private fill(stored: Iterable<[string, Doc]>, indexes: IndexSpec[]): void {
    for (const [key, doc] of stored) this.docs.set(key, doc)
    // Stored indexes were unique when written: rebuild them without re-checking.
    for (const spec of indexes) this.buildIndex(spec, false)
  }

  get size(): number {
    return this.docs.size
  }

  /** Live documents matching a filter, using an index when the filter allows. */
  select(filter: unknown, stopAfter?: number): Doc[] {
    const plan = this.candidates((filter ?? {}) as Doc)
    const query = plan.covered ? undefined : compileFilter(filter) // an index that answers the filter exactly needs no matcher
    const out: Doc[] = []
    this.lastPlan = { index: plan.index, docsExamined: 0 }
    for (const doc of plan.docs) {
      this.lastPlan.docsExamined++
      if (!query || query.test(doc)) {
        out.push(doc)
        if (stopAfter !== undefined && out.length >= stopAfter) break
      }
    }
    return out
  }

  /** How many documents match: from the index alone when it answers the filter exactly. */
  count(filter: unknown): number {
    const f = (filter ?? {}) as Doc
    if (Object.keys(f).length === 0) return this.docs.size
    const best = this.bestIndex(f)
    if (best?.covered) {
      this.lastPlan = { index: best.name, docsExamined: 0 }
      return best.ids.size
    }
    return this.select(filter).length
  }

  private bestIndex(filter: Doc): { name: string; ids: ReadonlySet<string>; covered: boolean } | null {
    let best: { name: string; ids: ReadonlySet<string>; index: IndexState } | null = null
    for (const index of this.indexStates.values()) {
      const found = index.lookupFilter(filter)
      if (found && (!best || found.size < best.ids.size)) best = { name: index.spec.name, ids: found, index }
    }
    return best && { name: best.name, ids: best.ids, covered: best.index.covers(filter) }
  }

  /** The documents a filter has to look at: by _id, by the most selective index, or all. */
  private candidates(filter: Doc): { index: string | null; docs: Iterable<Doc>; covered: boolean } {
    const ids = equalityValues(filter, '_id')
    if (ids) {
      return { index: '_id_', docs: ids.map((id) => this.docs.get(valueKey(id))).filter((d): d is Doc => d !== undefined), covered: false }
    }
    const best = this.bestIndex(filter)
    if (!best) return { index: null, docs: this.docs.values(), covered: false }
    const docs = this.docs
    const keys = best.ids
    return { index: best.name, covered: best.covered, docs: (function* () { for (const key of keys) { const d = docs.get(key); if (d) yield d } })() }
  }

  /** How the last query was answered (like explain's totalDocsExamined), for tests and metrics. */
  lastPlan: { index: string | null; docsExamined: number } = { index: null, docsExamined: 0 }

  /**
   * Applies staged changes to memory and indexes one by one; a unique-index
   * conflict stops there, leaving earlier ones applied (as MongoDB does).
   */
  apply(changes: Staged[]): { applied: Staged[]; error?: Error } {
    const applied: Staged[] = []
    for (const change of changes) {
      try {
        this.applyOne(change)
        applied.push(change)
      } catch (error) {
        return { applied, error: error as Error }
      }
    }
    return { applied }
  }

  /**
   * insertMany's inserts, each applied as it is staged: ordered (the default)
   * stops at the first failure, unordered goes on; what failed is reported
   * by index, as the driver's BulkWriteError does.
   */
  insertEach(docs: Doc[], options: { forceServerObjectId?: boolean; ordered?: boolean }): InsertBatch {
    const batch: InsertBatch = { applied: [], insertedIds: {}, writeErrors: [] }
    for (let i = 0; i < docs.length; i++) {
      try {
        const staged = this.stageInsert(docs[i] as Doc, options)
        this.applyOne(staged)
        batch.applied.push(staged)
        batch.insertedIds[i] = staged.after?._id
      } catch (err) {
        const e = err as Error & { code?: number }
        batch.writeErrors.push({ index: i, code: e.code ?? BAD_VALUE, errmsg: e.message })
        if (options.ordered !== false) break
      }
    }
    return batch
  }

  applyOne({ key, before, after }: Staged): void {
    if (!before && after && this.docs.has(key)) throw duplicateKeyError(this.namespace, '_id_', { _id: after._id })
    const indexes = [...this.indexStates.values()]
    if (before) indexes.forEach((ix) => ix.remove(before, key))
    if (after) {
      for (const ix of indexes) {
        const conflict = ix.conflict(after, key)
        if (conflict) {
          if (before) indexes.forEach((i) => i.add(before, key))
          throw duplicateKeyError(this.namespace, ix.spec.name, conflict)
        }
      }
      indexes.forEach((ix) => ix.add(after, key))
      this.docs.set(key, after)
    } else {
      this.docs.delete(key)
    }
  }

  stageInsert(input: Doc, options: { forceServerObjectId?: boolean }): Staged {
    if (!isPlainObject(input)) throw serverError(BAD_VALUE, 'Document to insert must be an object')
    let source = input
    if (input._id === undefined) {
      const _id = new ObjectId()
      // The driver adds _id to the caller's document unless the server makes it.
      if (!options.forceServerObjectId) input._id = _id
      source = { _id, ...input }
    }
    const { doc, bytes } = encode(this.codec, source)
    const key = valueKey(doc._id)
    if (this.docs.has(key)) throw duplicateKeyError(this.namespace, '_id_', { _id: doc._id })
    return { key, before: undefined, after: doc, bytes }
  }

  stageReplace(before: Doc, next: Doc): Staged | null {
    const { doc, bytes } = encode(this.codec, next)
    const key = valueKey(before._id)
    if (compareValues(doc, before) === 0) return null
    return { key, before, after: doc, bytes }
  }

  stageUpsert(filter: Doc, operators: Doc, setOnInsert: Doc | undefined, arrayFilters?: Doc[]): Staged {
    const seed = seedFromFilter(filter)
    const base: Doc = { _id: seed._id ?? new ObjectId(), ...seed }
    const withInsertFields = setOnInsert ? updatedCopy(base, { $set: setOnInsert }).next : base
    const { next } = updatedCopy(withInsertFields, operators, arrayFilters)
    return this.stageInsert(next, {})
  }

  /** The insert of an upserting replacement: the replacement's _id, else the filter's, else a new one. */
  stageReplacementUpsert(filter: Doc, fields: Doc): Staged {
    return this.stageInsert({ _id: fields._id ?? seedFromFilter(filter)._id ?? new ObjectId(), ...fields }, {})
  }

  stageReplacement(target: Doc, fields: Doc): Staged | null {
    if (fields._id !== undefined && valueKey(fields._id) !== valueKey(target._id)) {
      throw serverError(66, "After applying the update, the (immutable) field '_id' was found to have been altered")
    }
    const { _id: _ignored, ...rest } = fields
    return this.stageReplace(target, { _id: target._id, ...rest })
  }

  /** A change that removes `doc`. */
  stageDelete(doc: Doc): Staged {
    return { key: valueKey(doc._id), before: doc, after: undefined, bytes: undefined }
  }

  buildIndex(spec: IndexSpec, verify = true): IndexState {
    const state = new IndexState(spec)
    for (const [key, doc] of this.docs) {
      const conflict = verify && state.conflict(doc, key)
      if (conflict) throw duplicateKeyError(this.namespace, spec.name, conflict)
      state.add(doc, key)
    }
    this.indexStates.set(spec.name, state)
    return state
  }

  specs(): IndexSpec[] {
    return [...this.indexStates.values()].map((s) => s.spec)
  }

  clear(): void {
    this.docs.clear()
    this.indexStates.clear()
  }
}
