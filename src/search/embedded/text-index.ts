/**
 * The embedded engine's inverted index. A term's postings are one growable
 * Int32Array of `slot << 3 | fields` (fields: name 4, services 2, summary 1),
 * so a query walks flat integer arrays and never allocates per match. The
 * vocabulary is a radix tree (MiniSearch's SearchableMap) for typo and prefix
 * expansion; the postings are ours.
 *
 * Matching follows Meilisearch: every word must match (AND), a word may carry
 * 1 typo from 5 letters and 2 from 9, and the last word also matches as a
 * prefix. A word scores its best field (name > services > summary), less for
 * a typo or a prefix.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { TermTable, tokenize } from './term-table'
import { bytesOf, int32s } from './snapshot-bytes'
import { Postings, type PostingsSnapshot } from './postings'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { f32, f64, i32, u8 } = cells

export const NAME = 4
export const SERVICES = 2
export const SUMMARY = 1

export const typoBudget = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0)

/** The score of a posting's fields: the best field, and a little for each other one. */
const FIELD_WEIGHT = Float64Array.from({ length: 8 }, (_, m) => {
  const [best = 0, second = 0, third = 0] = [m & NAME ? 3 : 0, m & SERVICES ? 2 : 0, m & SUMMARY ? 1 : 0].sort((a, b) => b - a)
  return best + 0.1 * (second + third)
})
const TYPO_FACTOR = Float64Array.of(1, 0.6, 0.4)
const PREFIX_FACTOR = 0.8
/** A one-letter prefix could expand to most of the vocabulary; the most used terms are enough. */
const MAX_PREFIX_TERMS = 200

interface Expansion { term: number; factor: number }

export interface TextSnapshot extends PostingsSnapshot { terms: string[]; slotLengths: Buffer; slotTerms: Buffer }

export interface TextMatches {
  /** Matching slots, each once. */
  slots: Int32Array
  count: number
  /** Score by slot (valid for the slots above until the next query). */
  score: Float32Array
}

export class TextIndex {
  private readonly vocabulary = new SearchableMap<number>()
  private readonly ids = new TermTable((term, id) => {
    this.vocabulary.set(term, id)
    this.postings.addTerm()
  })
  // Per-term scratch for deduplicating a document's words.
  private seenIn = new Int32Array(1024)
  private fieldsOf = new Uint8Array(1024)
  private docTerms = new Int32Array(1024)
  private docs = 0
  private readonly postings = new Postings()
  /** Each slot's postings (`term << 3 | fields`), to take them out again. */
  private readonly bySlot: Array<Int32Array | undefined> = []
  // Per-slot scratch for queries, stamped so nothing is cleared between them.
  private round = new Int32Array(0)
  private best = new Float32Array(0)
  private acc = new Float32Array(0)
  private stamp = 0
  private readonly buffers: [Int32Array, Int32Array] = [new Int32Array(0), new Int32Array(0)]

  /** Term ids for words (made when new), for text that recurs across listings; valid until `clear`. */
  termIds(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (w) => this.ids.idOf(w))
  }

  /** Indexes a slot's fields (text, or term ids from `termIds`); the slot must be empty. */
  add(slot: number, fields: Array<[number, string | Int32Array]>): void {
    const doc = ++this.docs
    let n = 0
    const note = (id: number, field: number) => {
      if (id >= this.seenIn.length) this.growTermScratch(id + 1)
      if (this.seenIn[id] === doc) {
        this.fieldsOf[id] = u8(this.fieldsOf, id) | field
        return
      }
      this.seenIn[id] = doc
      this.fieldsOf[id] = field
      if (n === this.docTerms.length) {
        const more = new Int32Array(n * 2)
        more.set(this.docTerms)
        this.docTerms = more
      }
      this.docTerms[n++] = id
    }
    for (const [field, text] of fields) {
      if (typeof text === 'string') this.ids.words(text, (id) => note(id, field))
      else for (const id of text) note(id, field)
    }
    const own = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const id = i32(this.docTerms, i)
      const mask = u8(this.fieldsOf, id)
      this.postings.push(id, (slot << 3) | mask)
      own[i] = (id << 3) | mask
    }
    this.bySlot[slot] = own
    this.ensure(slot + 1)
  }

  private growTermScratch(size: number): void {
    const n = Math.max(size, this.seenIn.length * 2)
    const seen = new Int32Array(n)
    seen.set(this.seenIn)
    const fields = new Uint8Array(n)
    fields.set(this.fieldsOf)
    this.seenIn = seen
    this.fieldsOf = fields
  }

  remove(slot: number): void {
    const own = this.bySlot[slot]
    if (!own) return
    for (const entry of own) this.postings.delete(entry >>> 3, (slot << 3) | (entry & 7))
    this.bySlot[slot] = undefined
  }

  clear(): void {
    this.ids.clear()
    this.vocabulary.clear()
    this.seenIn.fill(0)
    this.postings.clear()
    this.bySlot.length = 0
  }

  snapshot(): TextSnapshot {
    const slotLengths = new Int32Array(this.bySlot.length)
    let owned = 0
    this.bySlot.forEach((own, slot) => {
      slotLengths[slot] = own ? own.length : -1
      owned += own?.length ?? 0
    })
    const slotTerms = new Int32Array(owned)
    let at = 0
    for (const own of this.bySlot) {
      if (!own) continue
      slotTerms.set(own, at)
      at += own.length
    }
    return { terms: this.ids.terms.slice(), ...this.postings.snapshot(), slotLengths: bytesOf(slotLengths), slotTerms: bytesOf(slotTerms) }
  }

  restore(s: TextSnapshot): void {
    this.clear()
    for (const term of s.terms) this.ids.idOf(term)
    this.postings.restore(s)
    const slotLengths = int32s(s.slotLengths)
    const slotTerms = int32s(s.slotTerms)
    let at = 0
    slotLengths.forEach((n, slot) => {
      if (n < 0) {
        this.bySlot[slot] = undefined
        return
      }
      this.bySlot[slot] = slotTerms.slice(at, at + n)
      at += n
    })
    this.ensure(slotLengths.length)
  }

  /** Slots matching every word of `q` with their scores; null when `q` has no words. */
  match(q: string): TextMatches | null {
    const words = tokenize(q)
    if (words.length === 0) return null
    const expansions = words.map((w, i) => this.expand(w, i === words.length - 1))
    const cost = (ex: Expansion[]) => ex.reduce((sum, e) => sum + this.postings.length(e.term), 0)
    expansions.sort((a, b) => cost(a) - cost(b))
    let candidates: Int32Array = new Int32Array(0)
    let count = 0
    let previous = 0
    for (const [k, expansion] of expansions.entries()) {
      const key = this.nextStamp()
      const found = this.scratch(k % 2 === 1, k === 0 ? cost(expansion) : count)
      const n = this.collect(expansion, found, key, k === 0 ? 0 : previous)
      for (let i = 0; i < n; i++) {
        const slot = i32(found, i)
        this.acc[slot] = f32(this.acc, slot) + f32(this.best, slot)
      }
      candidates = found
      count = n
      previous = key
      if (n === 0) break
    }
    return { slots: candidates, count, score: this.acc }
  }

  /**
   * Fills `found` with the slots a word's terms post (the first word) or
   * those among the previous word's (stamped `previous`), each once, with its
   * best weight in `best`; returns how many.
   */
  private collect(expansion: Expansion[], found: Int32Array, key: number, previous: number): number {
    const first = previous === 0
    let n = 0
    for (const { term, factor } of expansion) {
      const list = this.postings.list(term)
      for (let p = 0, len = this.postings.length(term); p < len; p++) {
        const entry = i32(list, p)
        const slot = entry >>> 3
        const r = i32(this.round, slot)
        const w = f64(FIELD_WEIGHT, entry & 7) * factor
        if (r === key) {
          if (w > f32(this.best, slot)) this.best[slot] = w
        } else if (first || r === previous) {
          if (first) this.acc[slot] = 0
          this.round[slot] = key
          this.best[slot] = w
          if (n < found.length) found[n++] = slot
        }
      }
    }
    return n
  }

  /** Terms a word stands for: itself, its typos within budget, and (last word) its continuations. */
  private expand(word: string, last: boolean): Expansion[] {
    const out = new Map<number, number>()
    const offer = (term: number, factor: number) => {
      if ((out.get(term) ?? 0) < factor) out.set(term, factor)
    }
    const exact = this.ids.get(word)
    if (exact !== undefined) offer(exact, 1)
    const budget = typoBudget(word)
    if (budget > 0) for (const [, [term, distance]] of this.vocabulary.fuzzyGet(word, budget)) offer(term, f64(TYPO_FACTOR, distance))
    if (last) {
      const continuations: number[] = []
      for (const [, term] of this.vocabulary.atPrefix(word)) if (term !== exact) continuations.push(term)
      continuations.sort((a, b) => this.postings.length(b) - this.postings.length(a))
      for (const term of continuations.slice(0, MAX_PREFIX_TERMS)) offer(term, PREFIX_FACTOR)
    }
    return [...out].map(([term, factor]) => ({ term, factor }))
  }

  private ensure(slots: number): void {
    if (slots <= this.round.length) return
    const size = Math.max(slots, this.round.length * 2, 1024)
    const round = new Int32Array(size)
    round.set(this.round)
    const best = new Float32Array(size)
    const acc = new Float32Array(size)
    acc.set(this.acc)
    this.round = round
    this.best = best
    this.acc = acc
  }

  /** One of two result buffers (a word reads the previous word's while filling its own), reused between queries. */
  private scratch(odd: boolean, size: number): Int32Array {
    const which = odd ? 1 : 0
    const buffer = this.buffers[which]
    if (buffer.length >= size) return buffer
    const grown = new Int32Array(Math.max(size, buffer.length * 2, 1024))
    this.buffers[which] = grown
    return grown
  }

  private nextStamp(): number {
    if (this.stamp >= 0x3fffffff) {
      this.round.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }
}
