/**
 * One collection of the embedded engine. Documents live in memory as their
 * BSON round-trip (so memory and disk never disagree), queries are evaluated
 * by mingo, declared indexes answer equality lookups, and every write is
 * applied in one synchronous step (so concurrent writers cannot both pass a
 * unique check) and then awaited until LMDB has flushed it to disk.
 */
import { ObjectId } from 'mongodb'
import { compileFilter } from './matcher'
import { valueKey, cloneValue, isPlainObject, compareValues, type Doc } from './values'
import { IndexState, equalityValues, type IndexSpec } from './indexes'
import { compileProjection, type ProjectionSpec } from './projection'
import { normaliseSort, sortDocs } from './sort'
import { EmbeddedCursor, type FindPlan } from './cursor'
import { parseUpdate, checkReplacement, updatedCopy, seedFromFilter } from './update-ops'
import { runPipeline } from './aggregate'
import { BAD_VALUE, INDEX_NOT_FOUND, INDEX_OPTIONS_CONFLICT, duplicateKeyError, serverError } from './errors'
import type { Change } from './lmdb-files'
import type { Codec } from './codec'

const MAX_BSON_SIZE = 16 * 1024 * 1024

/** What a collection needs from its client: disk writes and the health latch. */
export interface CollectionHost {
  load(namespace: string): Iterable<[string, Doc]>
  indexes(namespace: string): IndexSpec[]
  write(namespace: string, changes: Change[]): Promise<void>
  saveIndexes(namespace: string, specs: IndexSpec[]): Promise<void>
  drop(namespace: string): Promise<void>
  assertHealthy(): void
  codec: Codec
}

interface Staged {
  key: string
  before: Doc | undefined
  after: Doc | undefined
  bytes: Buffer | undefined
}

interface WriteOptions { upsert?: boolean; arrayFilters?: Doc[]; forceServerObjectId?: boolean; ordered?: boolean }
interface FindOneAndOptions { sort?: unknown; projection?: ProjectionSpec; returnDocument?: 'before' | 'after'; upsert?: boolean; arrayFilters?: Doc[] }

/** Encodes a document; what is kept in memory is its decoded copy, so memory and disk agree. */
function encode(codec: Codec, doc: Doc): { doc: Doc; bytes: Buffer } {
  let bytes: Buffer
  try {
    bytes = codec.encode(doc)
  } catch (err) {
    throw serverError(BAD_VALUE, `Document cannot be stored: ${(err as Error).message}`)
  }
  if (bytes.length > MAX_BSON_SIZE) throw serverError(10334, `Document size ${bytes.length} is over the ${MAX_BSON_SIZE} byte maximum`)
  return { doc: codec.decode(bytes), bytes }
}

export class EmbeddedCollection<TSchema extends Doc = Doc> {
  readonly namespace: string
  private readonly docs = new Map<string, Doc>()
  private readonly indexStates = new Map<string, IndexState>()

  constructor(private readonly host: CollectionHost, readonly dbName: string, readonly collectionName: string) {
    this.namespace = `${dbName}.${collectionName}`
    for (const [key, doc] of host.load(this.namespace)) this.docs.set(key, doc)
    // Stored indexes were unique when written: rebuild them without re-checking.
    for (const spec of host.indexes(this.namespace)) this.buildIndex(spec, false)
  }

  // ---- reads ---------------------------------------------------------------

  /** Live documents matching a filter, using an index when the filter allows. */
  private select(filter: unknown, stopAfter?: number): Doc[] {
    const query = compileFilter(filter)
    const out: Doc[] = []
    const plan = this.candidates((filter ?? {}) as Doc)
    this.lastPlan = { index: plan.index, docsExamined: 0 }
    for (const doc of plan.docs) {
      this.lastPlan.docsExamined++
      if (query.test(doc)) {
        out.push(doc)
        if (stopAfter !== undefined && out.length >= stopAfter) break
      }
    }
    return out
  }

  /** The documents a filter has to look at: by _id, by the most selective index, or all. */
  private candidates(filter: Doc): { index: string | null; docs: Iterable<Doc> } {
    const ids = equalityValues(filter, '_id')
    if (ids) {
      return { index: '_id_', docs: ids.map((id) => this.docs.get(valueKey(id))).filter((d): d is Doc => d !== undefined) }
    }
    let best: { name: string; ids: Set<string> } | null = null
    for (const index of this.indexStates.values()) {
      const found = index.lookupFilter(filter)
      if (found && (!best || found.size < best.ids.size)) best = { name: index.spec.name, ids: found }
    }
    if (!best) return { index: null, docs: this.docs.values() }
    const docs = this.docs
    const keys = best.ids
    return { index: best.name, docs: (function* () { for (const key of keys) { const d = docs.get(key); if (d) yield d } })() }
  }

  /** How the last query was answered (like explain's totalDocsExamined), for tests and metrics. */
  lastPlan: { index: string | null; docsExamined: number } = { index: null, docsExamined: 0 }

  private runFind(plan: FindPlan): Doc[] {
    this.host.assertHealthy()
    const sort = normaliseSort(plan.sort)
    const skip = plan.skip ?? 0
    const limit = plan.limit && plan.limit > 0 ? plan.limit : undefined
    let docs = this.select(plan.filter, sort || limit === undefined ? undefined : skip + limit)
    if (sort) docs = sortDocs(docs, sort)
    docs = docs.slice(skip, limit === undefined ? undefined : skip + limit)
    const project = compileProjection(plan.projection)
    return docs.map((d) => project(cloneValue(d)))
  }

  find(filter: Doc = {}, options: { sort?: unknown; skip?: number; limit?: number; projection?: ProjectionSpec } = {}): EmbeddedCursor<TSchema> {
    return new EmbeddedCursor<TSchema>({ filter, ...options }, (plan) => this.runFind(plan) as TSchema[])
  }

  async findOne(filter: Doc = {}, options: { sort?: unknown; skip?: number; projection?: ProjectionSpec } = {}): Promise<TSchema | null> {
    const [doc] = this.runFind({ filter, ...options, limit: 1 })
    return (doc as TSchema | undefined) ?? null
  }

  async countDocuments(filter: Doc = {}, options: { hint?: string | Doc; skip?: number; limit?: number } = {}): Promise<number> {
    this.host.assertHealthy()
    if (typeof options.hint === 'string' && !this.indexStates.has(options.hint) && options.hint !== '_id_') {
      throw serverError(BAD_VALUE, `error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index`)
    }
    const n = this.select(filter).length - (options.skip ?? 0)
    return Math.max(0, options.limit ? Math.min(n, options.limit) : n)
  }

  async estimatedDocumentCount(): Promise<number> {
    return this.docs.size
  }

  async distinct(field: string, filter: Doc = {}): Promise<unknown[]> {
    const seen = new Map<string, unknown>()
    for (const doc of this.select(filter)) {
      const value = doc[field]
      for (const v of Array.isArray(value) ? value : [value]) if (v !== undefined) seen.set(valueKey(v), cloneValue(v))
    }
    return [...seen.values()]
  }

  aggregate<T = Doc>(pipeline: Doc[] = []): EmbeddedCursor<T> {
    return new EmbeddedCursor<T>({ filter: {} }, () => {
      this.host.assertHealthy()
      return runPipeline(pipeline, {
        match: (filter) => this.select(filter).map((d) => cloneValue(d)),
        lookupFrom: (name) => this.sibling(name)
      }) as T[]
    })
  }

  /** Set by the database so $lookup can read other collections. */
  sibling: (name: string) => { lookupEqual(field: string, values: unknown[]): Doc[] } = () => {
    throw serverError(BAD_VALUE, '$lookup is not available on a detached collection')
  }

  /** Documents whose `field` equals any of `values` (for $lookup). */
  lookupEqual(field: string, values: unknown[]): Doc[] {
    return this.select({ [field]: { $in: values } }).map((d) => cloneValue(d))
  }

  // ---- writes --------------------------------------------------------------

  /**
   * Applies staged changes to memory and indexes one by one; a unique-index
   * conflict stops there, leaving earlier ones applied (as MongoDB does).
   */
  private apply(changes: Staged[]): { applied: Staged[]; error?: Error } {
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

  private applyOne({ key, before, after }: Staged): void {
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

  private async persist(applied: Staged[]): Promise<void> {
    await this.host.write(this.namespace, applied.map((c) => ({ key: c.key, bytes: c.bytes })))
  }

  /** Stage, apply, persist; rethrows the conflict after persisting what went before it. */
  private async commit(changes: Staged[]): Promise<Staged[]> {
    this.host.assertHealthy()
    const { applied, error } = this.apply(changes)
    await this.persist(applied)
    if (error) throw error
    return applied
  }

  private stageInsert(input: Doc, options: WriteOptions): Staged {
    if (!isPlainObject(input)) throw serverError(BAD_VALUE, 'Document to insert must be an object')
    let source = input
    if (input._id === undefined) {
      const _id = new ObjectId()
      // The driver adds _id to the caller's document unless the server makes it.
      if (!options.forceServerObjectId) input._id = _id
      source = { _id, ...input }
    }
    const { doc, bytes } = encode(this.host.codec, source)
    const key = valueKey(doc._id)
    if (this.docs.has(key)) throw duplicateKeyError(this.namespace, '_id_', { _id: doc._id })
    return { key, before: undefined, after: doc, bytes }
  }

  private stageReplace(before: Doc, next: Doc): Staged | null {
    const { doc, bytes } = encode(this.host.codec, next)
    const key = valueKey(before._id)
    if (compareValues(doc, before) === 0) return null
    return { key, before, after: doc, bytes }
  }

  async insertOne(doc: TSchema, options: WriteOptions = {}): Promise<{ acknowledged: true; insertedId: unknown }> {
    this.host.assertHealthy()
    const [staged] = await this.commit([this.stageInsert(doc, options)])
    return { acknowledged: true, insertedId: staged?.after?._id }
  }

  async insertMany(docs: TSchema[], options: WriteOptions = {}): Promise<{ acknowledged: true; insertedCount: number; insertedIds: Record<number, unknown> }> {
    this.host.assertHealthy()
    if (!Array.isArray(docs)) throw serverError(BAD_VALUE, 'insertMany needs an array of documents')
    const ordered = options.ordered !== false
    const insertedIds: Record<number, unknown> = {}
    const writeErrors: Array<{ index: number; code: number; errmsg: string }> = []
    const applied: Staged[] = []
    for (let i = 0; i < docs.length; i++) {
      try {
        const staged = this.stageInsert(docs[i] as Doc, options)
        this.applyOne(staged)
        applied.push(staged)
        insertedIds[i] = staged.after?._id
      } catch (err) {
        const e = err as Error & { code?: number }
        writeErrors.push({ index: i, code: e.code ?? BAD_VALUE, errmsg: e.message })
        if (ordered) break
      }
    }
    await this.persist(applied)
    if (writeErrors.length) {
      const first = writeErrors[0] as { code: number; errmsg: string }
      throw serverError(first.code, first.errmsg, { writeErrors, insertedCount: applied.length, insertedIds })
    }
    return { acknowledged: true, insertedCount: applied.length, insertedIds }
  }

  private stageUpsert(filter: Doc, operators: Doc, setOnInsert: Doc | undefined, arrayFilters?: Doc[]): Staged {
    const seed = seedFromFilter(filter)
    const base: Doc = { _id: seed._id ?? new ObjectId(), ...seed }
    const withInsertFields = setOnInsert ? updatedCopy(base, { $set: setOnInsert }).next : base
    const { next } = updatedCopy(withInsertFields, operators, arrayFilters)
    return this.stageInsert(next, {})
  }

  private async updateMatching(filter: Doc, update: unknown, options: WriteOptions, many: boolean) {
    this.host.assertHealthy()
    const { operators, setOnInsert } = parseUpdate(update)
    const targets = this.select(filter, many ? undefined : 1)
    const staged: Staged[] = []
    for (const doc of targets) {
      const { next, changed } = updatedCopy(doc, operators, options.arrayFilters)
      if (changed) {
        const s = this.stageReplace(doc, next)
        if (s) staged.push(s)
      }
    }
    if (targets.length === 0 && options.upsert) {
      const [inserted] = await this.commit([this.stageUpsert(filter, operators, setOnInsert, options.arrayFilters)])
      return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: inserted?.after?._id ?? null }
    }
    const applied = await this.commit(staged)
    return { acknowledged: true, matchedCount: targets.length, modifiedCount: applied.length, upsertedCount: 0, upsertedId: null }
  }

  updateOne(filter: Doc, update: unknown, options: WriteOptions = {}) {
    return this.updateMatching(filter, update, options, false)
  }

  updateMany(filter: Doc, update: unknown, options: WriteOptions = {}) {
    return this.updateMatching(filter, update, options, true)
  }

  async replaceOne(filter: Doc, replacement: Doc, options: WriteOptions = {}) {
    this.host.assertHealthy()
    const fields = checkReplacement(replacement)
    const [target] = this.select(filter, 1)
    if (!target) {
      if (!options.upsert) return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null }
      const seed = seedFromFilter(filter)
      const [ins] = await this.commit([this.stageInsert({ _id: fields._id ?? seed._id ?? new ObjectId(), ...fields }, {})])
      return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: ins?.after?._id ?? null }
    }
    const staged = this.stageReplacement(target, fields)
    const applied = await this.commit(staged ? [staged] : [])
    return { acknowledged: true, matchedCount: 1, modifiedCount: applied.length, upsertedCount: 0, upsertedId: null }
  }

  private stageReplacement(target: Doc, fields: Doc): Staged | null {
    if (fields._id !== undefined && valueKey(fields._id) !== valueKey(target._id)) {
      throw serverError(66, "After applying the update, the (immutable) field '_id' was found to have been altered")
    }
    const { _id: _ignored, ...rest } = fields
    return this.stageReplace(target, { _id: target._id, ...rest })
  }

  async deleteOne(filter: Doc = {}) {
    return this.deleteMatching(filter, 1)
  }

  async deleteMany(filter: Doc = {}) {
    return this.deleteMatching(filter)
  }

  private async deleteMatching(filter: Doc, limit?: number) {
    this.host.assertHealthy()
    const targets = this.select(filter, limit)
    const applied = await this.commit(targets.map((d) => ({ key: valueKey(d._id), before: d, after: undefined, bytes: undefined })))
    return { acknowledged: true, deletedCount: applied.length }
  }

  // ---- find-and-modify (driver v4 ModifyResult shapes) -----------------------

  private firstMatch(filter: Doc, sort: unknown): Doc | undefined {
    const spec = normaliseSort(sort)
    if (!spec) return this.select(filter, 1)[0]
    return sortDocs(this.select(filter), spec)[0]
  }

  private modifyResult(doc: Doc | undefined, projection: ProjectionSpec | undefined, lastErrorObject: Doc) {
    const value = doc ? compileProjection(projection)(cloneValue(doc)) : null
    return { ok: 1 as const, value: value as TSchema | null, lastErrorObject }
  }

  async findOneAndUpdate(filter: Doc, update: unknown, options: FindOneAndOptions = {}) {
    this.host.assertHealthy()
    const { operators, setOnInsert } = parseUpdate(update)
    const target = this.firstMatch(filter, options.sort)
    if (!target) {
      if (!options.upsert) return this.modifyResult(undefined, undefined, { n: 0, updatedExisting: false })
      const [ins] = await this.commit([this.stageUpsert(filter, operators, setOnInsert, options.arrayFilters)])
      const after = options.returnDocument === 'after' ? ins?.after : undefined
      return this.modifyResult(after, options.projection, { n: 1, updatedExisting: false, upserted: ins?.after?._id })
    }
    const { next, changed } = updatedCopy(target, operators, options.arrayFilters)
    const staged = changed ? this.stageReplace(target, next) : null
    const [applied] = await this.commit(staged ? [staged] : [])
    const after = applied?.after ?? target
    return this.modifyResult(options.returnDocument === 'after' ? after : target, options.projection, { n: 1, updatedExisting: true })
  }

  async findOneAndReplace(filter: Doc, replacement: Doc, options: FindOneAndOptions = {}) {
    this.host.assertHealthy()
    const fields = checkReplacement(replacement)
    const target = this.firstMatch(filter, options.sort)
    if (!target) {
      if (!options.upsert) return this.modifyResult(undefined, undefined, { n: 0, updatedExisting: false })
      const seed = seedFromFilter(filter)
      const [ins] = await this.commit([this.stageInsert({ _id: fields._id ?? seed._id ?? new ObjectId(), ...fields }, {})])
      const after = options.returnDocument === 'after' ? ins?.after : undefined
      return this.modifyResult(after, options.projection, { n: 1, updatedExisting: false, upserted: ins?.after?._id })
    }
    const staged = this.stageReplacement(target, fields)
    const [applied] = await this.commit(staged ? [staged] : [])
    const after = applied?.after ?? target
    return this.modifyResult(options.returnDocument === 'after' ? after : target, options.projection, { n: 1, updatedExisting: true })
  }

  async findOneAndDelete(filter: Doc, options: { sort?: unknown; projection?: ProjectionSpec } = {}) {
    this.host.assertHealthy()
    const target = this.firstMatch(filter, options.sort)
    if (!target) return this.modifyResult(undefined, undefined, { n: 0 })
    await this.commit([{ key: valueKey(target._id), before: target, after: undefined, bytes: undefined }])
    return this.modifyResult(target, options.projection, { n: 1 })
  }

  // ---- indexes ---------------------------------------------------------------

  private buildIndex(spec: IndexSpec, verify = true): IndexState {
    const state = new IndexState(spec)
    for (const [key, doc] of this.docs) {
      const conflict = verify && state.conflict(doc, key)
      if (conflict) throw duplicateKeyError(this.namespace, spec.name, conflict)
      state.add(doc, key)
    }
    this.indexStates.set(spec.name, state)
    return state
  }

  async createIndex(key: Record<string, 1 | -1 | string> | string, options: Partial<IndexSpec> = {}): Promise<string> {
    this.host.assertHealthy()
    const keySpec = typeof key === 'string' ? { [key]: 1 as const } : key
    if (!isPlainObject(keySpec) || Object.keys(keySpec).length === 0) throw serverError(BAD_VALUE, 'Index key pattern must be a non-empty object')
    const name = options.name ?? Object.entries(keySpec).map(([k, v]) => `${k}_${v}`).join('_')
    const spec: IndexSpec = { name, key: keySpec }
    if (options.unique) spec.unique = true
    if (options.sparse) spec.sparse = true
    if (options.partialFilterExpression) spec.partialFilterExpression = options.partialFilterExpression
    const existing = this.indexStates.get(name)
    if (existing) {
      if (valueKey(existing.spec) !== valueKey(spec)) {
        throw serverError(INDEX_OPTIONS_CONFLICT, `An existing index has the same name as the requested index: ${name}`)
      }
      return name
    }
    this.buildIndex(spec)
    await this.host.saveIndexes(this.namespace, this.specs())
    return name
  }

  private specs(): IndexSpec[] {
    return [...this.indexStates.values()].map((s) => s.spec)
  }

  async indexes(): Promise<Array<IndexSpec & { v: 2 }>> {
    return [{ v: 2 as const, name: '_id_', key: { _id: 1 } }, ...this.specs().map((s) => ({ v: 2 as const, ...s }))]
  }

  async indexExists(name: string): Promise<boolean> {
    return name === '_id_' || this.indexStates.has(name)
  }

  async dropIndex(name: string): Promise<void> {
    if (!this.indexStates.delete(name)) throw serverError(INDEX_NOT_FOUND, `index not found with name [${name}]`)
    await this.host.saveIndexes(this.namespace, this.specs())
  }

  async drop(): Promise<boolean> {
    this.host.assertHealthy()
    this.docs.clear()
    this.indexStates.clear()
    await this.host.drop(this.namespace)
    return true
  }
}
