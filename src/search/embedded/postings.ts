/**
 * Each term's postings: one growable Int32Array of `slot << 3 | fields` per
 * term and how much of it is used, so a query walks flat integers and never
 * allocates per match. Order within a list is not kept (removal swaps the
 * last entry in).
 */
import { bytesOf, int32s } from './snapshot-bytes'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { i32 } = cells

export interface PostingsSnapshot { lengths: Buffer; postings: Buffer }

export class Postings {
  private lists: Int32Array[] = []
  private lengths: number[] = []

  /** Makes room for the next term id. */
  addTerm(): void {
    this.lists.push(new Int32Array(4))
    this.lengths.push(0)
  }

  /** A term's list; only its first `length(term)` entries are postings. */
  list(term: number): Int32Array {
    return this.lists[term] as Int32Array
  }

  length(term: number): number {
    return this.lengths[term] as number
  }

  push(term: number, entry: number): void {
    let list = this.list(term)
    const n = this.length(term)
    if (n === list.length) {
      const grown = new Int32Array(list.length * 2)
      grown.set(list)
      this.lists[term] = list = grown
    }
    list[n] = entry
    this.lengths[term] = n + 1
  }

  delete(term: number, entry: number): void {
    const list = this.list(term)
    const n = this.length(term)
    const at = list.subarray(0, n).indexOf(entry)
    if (at === -1) return
    list[at] = i32(list, n - 1)
    this.lengths[term] = n - 1
  }

  clear(): void {
    this.lists = []
    this.lengths = []
  }

  snapshot(): PostingsSnapshot {
    let total = 0
    for (const n of this.lengths) total += n
    const postings = new Int32Array(total)
    let at = 0
    this.lists.forEach((list, term) => {
      const n = this.length(term)
      postings.set(list.subarray(0, n), at)
      at += n
    })
    return { lengths: bytesOf(Int32Array.from(this.lengths)), postings: bytesOf(postings) }
  }

  /** Replaces every list with a snapshot's, for terms numbered as they were (the caller restores the terms first). */
  restore(s: PostingsSnapshot): void {
    const lengths = int32s(s.lengths)
    const postings = int32s(s.postings)
    let at = 0
    lengths.forEach((n, term) => {
      const list = new Int32Array(Math.max(4, n + (n >> 2)))
      list.set(postings.subarray(at, at + n))
      this.lists[term] = list
      this.lengths[term] = n
      at += n
    })
  }
}
