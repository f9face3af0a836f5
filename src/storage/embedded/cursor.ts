/** Find and aggregation cursors with the driver's chaining surface. */
import type { Doc } from './values'
import type { ProjectionSpec } from './projection'
import type { ApexCursor } from '../apex-db'

export interface FindPlan {
  filter: Doc
  sort?: unknown
  skip?: number
  limit?: number
  projection?: ProjectionSpec
}

/**
 * What a query found: the stored documents in order, and how one is handed
 * out (copied and projected). Copying one at a time, as the cursor is read,
 * keeps a walk over a whole collection (an export, a rebuild) from copying
 * every document before the first is used.
 */
export interface CursorSource<T> {
  items: readonly Doc[]
  view: (item: Doc) => T
}

/**
 * A lazy cursor: options may be chained until the first read, which runs the
 * query once and then serves its results, each copied as it is read.
 */
export class EmbeddedCursor<T = Doc> implements ApexCursor<T> {
  private results: CursorSource<T> | null = null
  private position = 0

  constructor(
    private readonly plan: FindPlan,
    private readonly run: (plan: FindPlan) => CursorSource<T>
  ) {}

  private chain(change: Partial<FindPlan>): this {
    if (this.results) throw new Error('Cursor is already initialized')
    Object.assign(this.plan, change)
    return this
  }

  sort(sort: unknown): this { return this.chain({ sort }) }
  skip(skip: number): this { return this.chain({ skip }) }
  limit(limit: number): this { return this.chain({ limit }) }
  project<U = Doc>(projection: ProjectionSpec): EmbeddedCursor<U> {
    this.chain({ projection })
    // The same cursor, as the driver's project() is: only its element type changes.
    return this as unknown as EmbeddedCursor<U>
  }

  private load(): CursorSource<T> {
    if (!this.results) this.results = this.run(this.plan)
    return this.results
  }

  async next(): Promise<T | null> {
    const { items, view } = this.load()
    return this.position < items.length ? view(items[this.position++] as Doc) : null
  }

  async hasNext(): Promise<boolean> {
    return this.position < this.load().items.length
  }

  async toArray(): Promise<T[]> {
    const { items, view } = this.load()
    const rest = items.slice(this.position).map(view)
    this.position = items.length
    return rest
  }

  async forEach(fn: (doc: T) => void | boolean): Promise<void> {
    for (const doc of await this.toArray()) if (fn(doc) === false) break
  }

  async close(): Promise<void> {
    this.position = this.load().items.length
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let doc: T | null
    while ((doc = await this.next()) !== null) yield doc
  }
}
