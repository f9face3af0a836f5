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

export const NAME = 4
export const SERVICES = 2
export const SUMMARY = 1

export const typoBudget = (term: string): number => (term.length >= 9 ? 2 : term.length >= 5 ? 1 : 0)

/** The score of a posting's fields: the best field, and a little for each other one. */
const FIELD_WEIGHT = Array.from({ length: 8 }, (_, m) => {
  const fields = [m & NAME ? 3 : 0, m & SERVICES ? 2 : 0, m & SUMMARY ? 1 : 0].sort((a, b) => b - a)
  return (fields[0] as number) + 0.1 * ((fields[1] as number) + (fields[2] as number))
})
const TYPO_FACTOR = [1, 0.6, 0.4]
const PREFIX_FACTOR = 0.8
/** A one-letter prefix could expand to most of the vocabulary; the most used terms are enough. */
const MAX_PREFIX_TERMS = 200

interface Expansion { term: number; factor: number }

export interface TextSnapshot { terms: string[]; lengths: Buffer; postings: Buffer; slotLengths: Buffer; slotTerms: Buffer }

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
    this.postings.push(new Int32Array(4))
    this.lengths.push(0)
  })
  // Per-term scratch for deduplicating a document's words.
  private seenIn = new Int32Array(1024)
  private fieldsOf = new Uint8Array(1024)
  private docTerms = new Int32Array(1024)
  private docs = 0
  private postings: Int32Array[] = []
  private lengths: number[] = []
  /** Each slot's postings (`term << 3 | fields`), to take them out again. */
  private readonly bySlot: Array<Int32Array | undefined> = []
  // Per-slot scratch for queries, stamped so nothing is cleared between them.
  private round = new Int32Array(0)
  private best = new Float32Array(0)
  private acc = new Float32Array(0)
  private stamp = 0
  private readonly buffers: Int32Array[] = [new Int32Array(0), new Int32Array(0)]

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
        this.fieldsOf[id] = (this.fieldsOf[id] as number) | field
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
      else for (let i = 0; i < text.length; i++) note(text[i] as number, field)
    }
    const own = new Int32Array(n)
    for (let i = 0; i < n; i++) {
      const id = this.docTerms[i] as number
      const mask = this.fieldsOf[id] as number
      this.push(id, (slot << 3) | mask)
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
    for (const entry of own) {
      const term = entry >>> 3
      const list = this.postings[term] as Int32Array
      const n = this.lengths[term] as number
      const at = list.subarray(0, n).indexOf((slot << 3) | (entry & 7))
      if (at === -1) continue
      list[at] = list[n - 1] as number
      this.lengths[term] = n - 1
    }
    this.bySlot[slot] = undefined
  }

  clear(): void {
    this.ids.clear()
    this.vocabulary.clear()
    this.seenIn.fill(0)
    this.postings = []
    this.lengths = []
    this.bySlot.length = 0
  }

  snapshot(): TextSnapshot {
    const lengths = Int32Array.from(this.lengths)
    let total = 0
    for (const n of this.lengths) total += n
    const postings = new Int32Array(total)
    let at = 0
    this.postings.forEach((list, term) => {
      postings.set(list.subarray(0, this.lengths[term] as number), at)
      at += this.lengths[term] as number
    })
    const slotLengths = new Int32Array(this.bySlot.length)
    let owned = 0
    this.bySlot.forEach((own, slot) => {
      slotLengths[slot] = own ? own.length : -1
      owned += own?.length ?? 0
    })
    const slotTerms = new Int32Array(owned)
    at = 0
    for (const own of this.bySlot) {
      if (!own) continue
      slotTerms.set(own, at)
      at += own.length
    }
    return { terms: this.ids.terms.slice(), lengths: bytesOf(lengths), postings: bytesOf(postings), slotLengths: bytesOf(slotLengths), slotTerms: bytesOf(slotTerms) }
  }

  restore(s: TextSnapshot): void {
    this.clear()
    for (const term of s.terms) this.ids.idOf(term)
    const lengths = int32s(s.lengths)
    const postings = int32s(s.postings)
    let at = 0
    for (let term = 0; term < lengths.length; term++) {
      const n = lengths[term] as number
      const list = new Int32Array(Math.max(4, n + (n >> 2)))
      list.set(postings.subarray(at, at + n))
      this.postings[term] = list
      this.lengths[term] = n
      at += n
    }
    const slotLengths = int32s(s.slotLengths)
    const slotTerms = int32s(s.slotTerms)
    at = 0
    for (let slot = 0; slot < slotLengths.length; slot++) {
      const n = slotLengths[slot] as number
      if (n < 0) {
        this.bySlot[slot] = undefined
        continue
      }
      this.bySlot[slot] = slotTerms.slice(at, at + n)
      at += n
    }
    this.ensure(slotLengths.length)
  }

  /** Slots matching every word of `q` with their scores; null when `q` has no words. */
  match(q: string): TextMatches | null {
    const words = tokenize(q)
    if (words.length === 0) return null
    const expansions = words.map((w, i) => this.expand(w, i === words.length - 1))
    const cost = (ex: Expansion[]) => ex.reduce((sum, e) => sum + (this.lengths[e.term] as number), 0)
    expansions.sort((a, b) => cost(a) - cost(b))
    let candidates: Int32Array = new Int32Array(0)
    let count = 0
    let previous = 0
    for (let k = 0; k < expansions.length; k++) {
      const key = this.nextStamp()
      const found = this.scratch(k % 2, k === 0 ? cost(expansions[k] as Expansion[]) : count)
      let n = 0
      for (const { term, factor } of expansions[k] as Expansion[]) {
        const list = this.postings[term] as Int32Array
        const len = this.lengths[term] as number
        for (let p = 0; p < len; p++) {
          const entry = list[p] as number
          const slot = entry >>> 3
          const r = this.round[slot] as number
          const w = (FIELD_WEIGHT[entry & 7] as number) * factor
          if (r === key) {
            if (w > (this.best[slot] as number)) this.best[slot] = w
          } else if (k === 0 || r === previous) {
            if (k === 0) this.acc[slot] = 0
            this.round[slot] = key
            this.best[slot] = w
            if (n < found.length) found[n++] = slot
          }
        }
      }
      for (let i = 0; i < n; i++) {
        const slot = found[i] as number
        this.acc[slot] = (this.acc[slot] as number) + (this.best[slot] as number)
      }
      candidates = found
      count = n
      previous = key
      if (n === 0) break
    }
    return { slots: candidates, count, score: this.acc }
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
    if (budget > 0) for (const [, [term, distance]] of this.vocabulary.fuzzyGet(word, budget)) offer(term, TYPO_FACTOR[distance] as number)
    if (last) {
      const continuations: number[] = []
      for (const [, term] of this.vocabulary.atPrefix(word)) if (term !== exact) continuations.push(term)
      continuations.sort((a, b) => (this.lengths[b] as number) - (this.lengths[a] as number))
      for (const term of continuations.slice(0, MAX_PREFIX_TERMS)) offer(term, PREFIX_FACTOR)
    }
    return [...out].map(([term, factor]) => ({ term, factor }))
  }

  private push(term: number, entry: number): void {
    let list = this.postings[term] as Int32Array
    const n = this.lengths[term] as number
    if (n === list.length) {
      const grown = new Int32Array(list.length * 2)
      grown.set(list)
      this.postings[term] = list = grown
    }
    list[n] = entry
    this.lengths[term] = n + 1
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
  private scratch(which: number, size: number): Int32Array {
    const buffer = this.buffers[which] as Int32Array
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
