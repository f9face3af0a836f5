/**
 * Variable-length values per slot in flat, parallel Float64Arrays: a slot's
 * values are one contiguous region, so scans and counts walk memory in
 * order. A changed slot gets a new region at the end; freed regions are
 * garbage until the arrays are compacted (when garbage outweighs half of
 * what is used), which keeps writes O(values) and memory bounded.
 */
import { bytesOf, int32s, float64s } from './snapshot-bytes'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { i32 } = cells

export interface RegionsSnapshot { start: Buffer; length: Buffer; used: number; columns: Record<string, Buffer> }

export class Regions<K extends string> {
  start = new Int32Array(0)
  length = new Int32Array(0)
  /** One past the last value written; cells below it may be garbage. */
  used = 0
  private garbage = 0
  private columns: Map<K, Float64Array>

  constructor(names: K[]) {
    this.columns = new Map(names.map((n) => [n, new Float64Array(0)]))
  }

  /** The first cell of a slot's region. */
  first(slot: number): number {
    return i32(this.start, slot)
  }

  /** One past the last cell of a slot's region. */
  end(slot: number): number {
    return i32(this.start, slot) + i32(this.length, slot)
  }

  column(name: K): Float64Array {
    return this.columns.get(name) as Float64Array
  }

  set(slot: number, values: Record<K, number[]>): void {
    this.free(slot)
    const n = Object.values<number[]>(values)[0]?.length ?? 0
    this.ensureSlot(slot)
    if (this.used + n > this.capacity) this.makeRoom(n)
    for (const [name, column] of this.columns) column.set(values[name], this.used)
    this.start[slot] = this.used
    this.length[slot] = n
    this.used += n
  }

  free(slot: number): void {
    if (slot >= this.length.length) return
    this.garbage += i32(this.length, slot)
    this.length[slot] = 0
  }

  clear(): void {
    this.used = 0
    this.garbage = 0
    this.length.fill(0)
  }

  snapshot(): RegionsSnapshot {
    const columns: Record<string, Buffer> = {}
    for (const [name, column] of this.columns) columns[name] = bytesOf(column.subarray(0, this.used))
    return { start: bytesOf(this.start), length: bytesOf(this.length), used: this.used, columns }
  }

  restore(s: RegionsSnapshot): void {
    this.start = int32s(s.start)
    this.length = int32s(s.length)
    this.used = s.used
    let live = 0
    for (const n of this.length) live += n
    this.garbage = this.used - live
    for (const name of this.columns.keys()) {
      const saved = s.columns[name]
      if (!saved) throw new Error(`snapshot lacks the ${name} column`)
      const values = float64s(saved)
      const column = new Float64Array(Math.max(1024, values.length * 2))
      column.set(values)
      this.columns.set(name, column)
    }
  }

  private get capacity(): number {
    return this.column([...this.columns.keys()][0] as K).length
  }

  private ensureSlot(slot: number): void {
    if (slot < this.start.length) return
    const size = Math.max(slot + 1, this.start.length * 2, 1024)
    const start = new Int32Array(size)
    start.set(this.start)
    const length = new Int32Array(size)
    length.set(this.length)
    this.start = start
    this.length = length
  }

  /** Compacts when that frees enough, else grows, so `n` more values fit. */
  private makeRoom(n: number): void {
    const live = this.used - this.garbage
    const size = this.garbage > 1024 && this.garbage > live / 2 && live + n <= this.capacity ? this.capacity : Math.max(1024, (live + n) * 2)
    for (const [name, old] of this.columns) {
      const next = new Float64Array(size)
      let at = 0
      for (let slot = 0; slot < this.start.length; slot++) {
        const len = i32(this.length, slot)
        if (len === 0) continue
        next.set(old.subarray(this.first(slot), this.end(slot)), at)
        at += len
      }
      this.columns.set(name, next)
    }
    let at = 0
    for (let slot = 0; slot < this.start.length; slot++) {
      const len = i32(this.length, slot)
      if (len === 0) continue
      this.start[slot] = at
      at += len
    }
    this.used = at
    this.garbage = 0
  }
}
