/**
 * Which listings hold a query's words, over the text index. A word stands
 * for terms (expansions.ts): itself, its typos, its continuations while
 * typed, and the services and kinds it names. Every word is required,
 * except when all of them together match less than a page: then the words
 * that keep the most listings out are dropped one by one (relaxation.ts)
 * and the answer says which. A listing scores each word by its best field
 * (name and whole service labels 3, services and places 2, summary 1),
 * less for a typo or a prefix, and counts the words it holds and those it
 * holds in a name, a service or a place ("strong"), for ranking.
 *
 * Optional words (reading/read-query.ts: who the service is for, words
 * every listing here could claim) add to the score, never keep a listing out.
 *
 * Per-slot scratch is stamped, so nothing is cleared between queries (a
 * query runs to completion synchronously).
 */
import type { QueryWord } from '../reading/read-query'
import * as fieldBits from './text-index'
import type { TextIndex } from './text-index'
import { expansionsOf, type Expansion } from './expansions'
import { requiredWords } from './relaxation'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts): constants too, read per posting
const { f32, f64, i32 } = cells
const { FIELD_BITS, FIELD_MASK, NAME, PLACE, SERVICES, SUMMARY } = fieldBits

/** The score of a posting's fields: the best field, and a little for each other one. */
const FIELD_WEIGHT = Float64Array.from({ length: 1 << FIELD_BITS }, (_, m) => {
  const [best = 0, ...others] = [m & NAME ? 3 : 0, m & SERVICES ? 2 : 0, m & PLACE ? 2 : 0, m & SUMMARY ? 1 : 0].sort((a, b) => b - a)
  return best + 0.1 * others.reduce((sum, w) => sum + w, 0)
})
const STRONG_FIELDS = NAME | SERVICES | PLACE

export interface WordMatches {
  /** Matching slots, each once. */
  slots: Int32Array
  count: number
  /**
   * By slot (valid for the slots above until the next query): text score,
   * which words it holds (bit i: words[i]), which of them in a name, a
   * service or a place (`strong`), and which in a name or a whole service
   * label (`exact`).
   */
  score: Float32Array
  mask: Int32Array
  strong: Int32Array
  exact: Int32Array
  /** The words every match holds (a mask): the query's required words less those relaxation dropped. */
  required: number
  /** Indexes of the words relaxation dropped. */
  dropped: number[]
  /** Whether matches can hold different words (some are optional or were dropped); else every match holds them all. */
  partial: boolean
  /** Each word's expansions (empty: the index knows no term for it). */
  expansions: Expansion[][]
}

export class WordMatcher {
  private seen: Int32Array = new Int32Array(0)
  private wordSeen: Int32Array = new Int32Array(0)
  private best = new Float32Array(0)
  private score = new Float32Array(0)
  private strong = new Int32Array(0)
  private exact = new Int32Array(0)
  private mask = new Int32Array(0)
  private touched = new Int32Array(0)
  private result = new Int32Array(0)
  private stamp = 0

  constructor(private readonly text: TextIndex) {}

  /**
   * The slots holding `words` (relaxed below `minimum` matches, counted
   * among the slots `around` marks when given: those around the place the
   * query named); null when there are no words.
   */
  match(words: readonly QueryWord[], minimum: number, around: Uint8Array | null = null): WordMatches | null {
    if (words.length === 0) return null
    this.reserve(this.text.slotCount)
    const expansions = words.map((w) => expansionsOf(this.text, w))
    const query = this.nextStamp()
    let touched = 0
    // Required words first: an optional word then only scores listings already met, as only those can match.
    const someRequired = words.some((w) => !w.optional)
    for (const optional of [false, true]) {
      expansions.forEach((expansion, bit) => {
        if ((words[bit] as QueryWord).optional === optional) touched = this.collect(expansion, bit, query, touched, optional && someRequired)
      })
    }
    const { required, dropped } = requiredWords(this.mask, this.touched, touched, words, minimum, around)
    const count = this.results(touched, query, required)
    return { slots: this.result, count, score: this.score, mask: this.mask, strong: this.strong, exact: this.exact, required, dropped, expansions, partial: dropped.length > 0 || words.some((w) => w.optional) }
  }

  /**
   * The matching slots, in slot order: facets and ranking then read the
   * columns front to back rather than jumping (twice as fast at 100k). A
   * scan of every slot when many were met, else a sort of the few.
   */
  private results(touched: number, query: number, required: number): number {
    let count = 0
    if (touched * 8 > this.text.slotCount) {
      for (let slot = 0, end = this.text.slotCount; slot < end; slot++) {
        if (i32(this.seen, slot) === query && (i32(this.mask, slot) & required) === required) this.result[count++] = slot
      }
      return count
    }
    for (let i = 0; i < touched; i++) {
      const slot = i32(this.touched, i)
      if ((i32(this.mask, slot) & required) === required) this.result[count++] = slot
    }
    this.result.subarray(0, count).sort()
    return count
  }

  /**
   * Adds one word's postings: a slot met for the first time in this query
   * joins `touched` (unless `metOnly`); each slot keeps the word's best
   * weight in its score.
   * Returns the new length of `touched`.
   */
  private collect(expansion: Expansion[], bit: number, query: number, touched: number, metOnly: boolean): number {
    const word = this.nextStamp()
    const postings = this.text.postings
    let n = touched
    for (const { term, factor, whole } of expansion) {
      const list = postings.list(term)
      for (let p = 0, len = postings.length(term); p < len; p++) {
        const entry = i32(list, p)
        const slot = entry >>> FIELD_BITS
        const fields = entry & FIELD_MASK
        const w = f64(FIELD_WEIGHT, fields) * factor
        if (i32(this.seen, slot) !== query) {
          if (metOnly) continue
          this.seen[slot] = query
          this.score[slot] = 0
          this.strong[slot] = 0
          this.exact[slot] = 0
          this.mask[slot] = 0
          this.touched[n++] = slot
        }
        if (i32(this.wordSeen, slot) !== word) {
          this.wordSeen[slot] = word
          this.best[slot] = w
          this.score[slot] = f32(this.score, slot) + w
          this.mask[slot] = i32(this.mask, slot) | (1 << bit)
        } else if (w > f32(this.best, slot)) {
          this.score[slot] = f32(this.score, slot) + w - f32(this.best, slot)
          this.best[slot] = w
        }
        if (fields & STRONG_FIELDS) this.strong[slot] = i32(this.strong, slot) | (1 << bit)
        if (whole) this.exact[slot] = i32(this.exact, slot) | (1 << bit)
      }
    }
    return n
  }

  private reserve(slots: number): void {
    if (this.seen.length >= slots) return
    const size = Math.max(slots, this.seen.length * 2, 1024)
    const grow = (old: Int32Array): Int32Array => {
      const next = new Int32Array(size)
      next.set(old)
      return next
    }
    this.seen = grow(this.seen)
    this.wordSeen = grow(this.wordSeen)
    this.best = new Float32Array(size)
    this.score = new Float32Array(size)
    this.strong = new Int32Array(size)
    this.exact = new Int32Array(size)
    this.mask = new Int32Array(size)
    this.touched = new Int32Array(size)
    this.result = new Int32Array(size)
  }

  private nextStamp(): number {
    if (this.stamp >= 0x3fffffff) {
      this.seen.fill(0)
      this.wordSeen.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }
}
