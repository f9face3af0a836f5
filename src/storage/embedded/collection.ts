/**
 * One collection of the embedded engine, with the driver's method surface and
 * result shapes (v4): it implements ApexCollection (so DocumentCollection).
 * Its documents and indexes live in a DocumentSet (documents.ts); every write
 * is applied there in one synchronous step and then awaited until LMDB has
 * flushed it to disk. find-and-modify.ts holds the findOneAnd* calls.
 */
import { valueKey, cloneValue, type Doc } from './values'
import { indexSpecOf, type IndexSpec } from './indexes'
import { compileProjection, type ProjectionSpec } from './projection'
import { normaliseSort, sortDocs } from './sort'
import { EmbeddedCursor, type CursorSource, type FindPlan } from './cursor'
import { parseUpdate, checkReplacement, updatedCopy } from './update-ops'
import { findOneAndDelete, findOneAndReplace, findOneAndUpdate, type FindOneAndOptions, type ModifyTarget } from './find-and-modify'
import { runPipeline } from './aggregate'
import { BAD_VALUE, INDEX_OPTIONS_CONFLICT, serverError } from './errors'
import type { Change } from './lmdb-files'
import { DocumentSet, type Staged } from './documents'
import type { Codec } from './codec'
import type { StoredDocument, WithoutId } from '../document-db'
import type { ApexCollection } from '../apex-db'

/** What a collection needs from its client: disk writes and the health latch. */
export interface CollectionHost {
  load(namespace: string): Iterable<[string, Doc]>
  indexes(namespace: string): IndexSpec[]
  write(namespace: string, changes: Change[]): Promise<void>
  saveIndexes(namespace: string, specs: IndexSpec[]): Promise<void>
  drop(namespace: string): Promise<void>
  assertHealthy(): void
  /** Throws while the store recovers from a failed disk write, before anything is applied. */
  assertWritable(): void
  codec: Codec
}

interface WriteOptions { upsert?: boolean; arrayFilters?: Doc[]; forceServerObjectId?: boolean; ordered?: boolean }

export class EmbeddedCollection<TSchema extends StoredDocument = StoredDocument> implements ApexCollection<TSchema> {
  readonly namespace: string
  private readonly set: DocumentSet
  /** This collection as find-and-modify sees it. */
  private readonly modifying: ModifyTarget

  constructor(private readonly host: CollectionHost, readonly dbName: string, readonly collectionName: string) {
    this.namespace = `${dbName}.${collectionName}`
    this.set = new DocumentSet(this.namespace, host.codec, host.load(this.namespace), host.indexes(this.namespace))
    this.modifying = { set: this.set, commit: (changes) => this.commit(changes) }
  }

  /** Forgets memory for what is on disk: after a write that did not commit. */
  reload(): void {
    this.set.reload(this.host.load(this.namespace), this.host.indexes(this.namespace))
  }

  /** How the last query was answered (like explain's totalDocsExamined), for tests and metrics. */
  get lastPlan(): { index: string | null; docsExamined: number } {
    return this.set.lastPlan
  }

  // ---- reads ---------------------------------------------------------------

  /** The stored documents a find selects, in order, and how each is handed out (a copy, projected). */
  private runFind(plan: FindPlan): CursorSource<Doc> {
    this.host.assertHealthy()
    const sort = normaliseSort(plan.sort)
    const skip = plan.skip ?? 0
    const limit = plan.limit && plan.limit > 0 ? plan.limit : undefined
    let docs = this.set.select(plan.filter, sort || limit === undefined ? undefined : skip + limit)
    if (sort) docs = sortDocs(docs, sort, limit === undefined ? undefined : skip + limit)
    docs = docs.slice(skip, limit === undefined ? undefined : skip + limit)
    const project = compileProjection(plan.projection)
    return { items: docs, view: (d) => project(cloneValue(d)) }
  }

  find(filter: Doc = {}, options: { sort?: unknown; skip?: number; limit?: number; projection?: ProjectionSpec } = {}): EmbeddedCursor<TSchema> {
    return new EmbeddedCursor<TSchema>({ filter, ...options }, (plan) => this.runFind(plan) as CursorSource<TSchema>)
  }

  async findOne(filter: Doc = {}, options: { sort?: unknown; skip?: number; projection?: ProjectionSpec } = {}): Promise<TSchema | null> {
    const { items: [doc], view } = this.runFind({ filter, ...options, limit: 1 })
    return doc ? (view(doc) as TSchema) : null
  }

  async countDocuments(filter: Doc = {}, options: { hint?: string | Doc; skip?: number; limit?: number } = {}): Promise<number> {
    this.host.assertHealthy()
    if (typeof options.hint === 'string' && !this.set.indexStates.has(options.hint) && options.hint !== '_id_') {
      throw serverError(BAD_VALUE, `error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index`)
    }
    const n = this.set.count(filter) - (options.skip ?? 0)
    return Math.max(0, options.limit ? Math.min(n, options.limit) : n)
  }

  aggregate<T = Doc>(pipeline: Doc[] = []): EmbeddedCursor<T> {
    return new EmbeddedCursor<T>({ filter: {} }, () => {
      this.host.assertHealthy()
      const items = runPipeline(pipeline, {
        match: (filter) => this.set.select(filter).map((d) => cloneValue(d)),
        lookupFrom: (name) => this.sibling(name)
      })
      return { items, view: (d) => d as T } // the pipeline's output is already its own
    })
  }

  /** Set by the database so $lookup can read other collections. */
  sibling: (name: string) => { lookupEqual(field: string, values: unknown[]): Doc[] } = () => {
    throw serverError(BAD_VALUE, '$lookup is not available on a detached collection')
  }

  /** Documents whose `field` equals any of `values` (for $lookup). */
  lookupEqual(field: string, values: unknown[]): Doc[] {
    return this.set.select({ [field]: { $in: values } }).map((d) => cloneValue(d))
  }

  // ---- writes --------------------------------------------------------------

  private async persist(applied: Staged[]): Promise<void> {
    await this.host.write(this.namespace, applied.map((c) => ({ key: c.key, bytes: c.bytes })))
  }

  /** Stage, apply, persist; rethrows the conflict after persisting what went before it. */
  private async commit(changes: Staged[]): Promise<Staged[]> {
    this.host.assertWritable()
    const { applied, error } = this.set.apply(changes)
    await this.persist(applied)
    if (error) throw error
    return applied
  }

  async insertOne(doc: WithoutId<TSchema>, options: WriteOptions = {}): Promise<{ acknowledged: true; insertedId: unknown }> {
    this.host.assertHealthy()
    const [staged] = await this.commit([this.set.stageInsert(doc, options)])
    return { acknowledged: true, insertedId: staged?.after?._id }
  }

  async insertMany(docs: WithoutId<TSchema>[], options: WriteOptions = {}): Promise<{ acknowledged: true; insertedCount: number; insertedIds: Record<number, unknown> }> {
    this.host.assertHealthy()
    if (!Array.isArray(docs)) throw serverError(BAD_VALUE, 'insertMany needs an array of documents')
    this.host.assertWritable()
    const { applied, insertedIds, writeErrors } = this.set.insertEach(docs, options)
    await this.persist(applied)
    if (writeErrors.length) {
      const first = writeErrors[0] as { code: number; errmsg: string }
      throw serverError(first.code, first.errmsg, { writeErrors, insertedCount: applied.length, insertedIds })
    }
    return { acknowledged: true, insertedCount: applied.length, insertedIds }
  }

  private async updateMatching(filter: Doc, update: unknown, options: WriteOptions, many: boolean) {
    this.host.assertHealthy()
    const { operators, setOnInsert } = parseUpdate(update)
    const targets = this.set.select(filter, many ? undefined : 1)
    const staged: Staged[] = []
    for (const doc of targets) {
      const { next, changed } = updatedCopy(doc, operators, options.arrayFilters)
      if (changed) {
        const s = this.set.stageReplace(doc, next)
        if (s) staged.push(s)
      }
    }
    if (targets.length === 0 && options.upsert) {
      const [inserted] = await this.commit([this.set.stageUpsert(filter, operators, setOnInsert, options.arrayFilters)])
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
    const [target] = this.set.select(filter, 1)
    if (!target) {
      if (!options.upsert) return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, upsertedId: null }
      const [ins] = await this.commit([this.set.stageReplacementUpsert(filter, fields)])
      return { acknowledged: true, matchedCount: 0, modifiedCount: 0, upsertedCount: 1, upsertedId: ins?.after?._id ?? null }
    }
    const staged = this.set.stageReplacement(target, fields)
    const applied = await this.commit(staged ? [staged] : [])
    return { acknowledged: true, matchedCount: 1, modifiedCount: applied.length, upsertedCount: 0, upsertedId: null }
  }

  async deleteOne(filter: Doc = {}) {
    return this.deleteMatching(filter, 1)
  }

  async deleteMany(filter: Doc = {}) {
    return this.deleteMatching(filter)
  }

  private async deleteMatching(filter: Doc, limit?: number) {
    this.host.assertHealthy()
    const targets = this.set.select(filter, limit)
    const applied = await this.commit(targets.map((d) => (this.set.stageDelete(d))))
    return { acknowledged: true, deletedCount: applied.length }
  }

  // ---- find-and-modify (driver v4 ModifyResult shapes, find-and-modify.ts) ---

  async findOneAndUpdate(filter: Doc, update: unknown, options: FindOneAndOptions = {}) {
    this.host.assertHealthy()
    return findOneAndUpdate<WithoutId<TSchema>>(this.modifying, filter, update, options)
  }

  async findOneAndReplace(filter: Doc, replacement: Doc, options: FindOneAndOptions = {}) {
    this.host.assertHealthy()
    return findOneAndReplace<WithoutId<TSchema>>(this.modifying, filter, replacement, options)
  }

  async findOneAndDelete(filter: Doc, options: { sort?: unknown; projection?: ProjectionSpec } = {}) {
    this.host.assertHealthy()
    return findOneAndDelete<WithoutId<TSchema>>(this.modifying, filter, options)
  }

  // ---- indexes ---------------------------------------------------------------

  async createIndex(key: Record<string, 1 | -1 | string> | string, options: Partial<IndexSpec> = {}): Promise<string> {
    this.host.assertHealthy()
    const spec = indexSpecOf(key, options)
    const name = spec.name
    const existing = this.set.indexStates.get(name)
    if (existing) {
      if (valueKey(existing.spec) !== valueKey(spec)) {
        throw serverError(INDEX_OPTIONS_CONFLICT, `An existing index has the same name as the requested index: ${name}`)
      }
      return name
    }
    this.host.assertWritable()
    this.set.buildIndex(spec)
    await this.host.saveIndexes(this.namespace, this.set.specs())
    return name
  }

  async indexes(): Promise<Array<IndexSpec & { v: 2 }>> {
    return [{ v: 2 as const, name: '_id_', key: { _id: 1 } }, ...this.set.specs().map((s) => ({ v: 2 as const, ...s }))]
  }

  async indexExists(name: string): Promise<boolean> {
    return name === '_id_' || this.set.indexStates.has(name)
  }

  async drop(): Promise<boolean> {
    this.host.assertWritable()
    this.set.clear()
    await this.host.drop(this.namespace)
    return true
  }
}
