/**
 * The embedded engine's inverted index. A term's postings are one growable
 * Int32Array of `slot << 4 | fields` (fields: place 8, name 4, services 2,
 * summary 1), so a query walks flat integer arrays and never allocates per
 * match. The vocabulary of the listings' own words is a radix tree
 * (MiniSearch's SearchableMap) for typo and prefix expansion; the postings
 * are ours. A listing's services and kind are one term each (`conceptTerm`),
 * never put in the vocabulary: a query word reaches them through the
 * vocabulary of labels (reading/concepts.ts), so a service's 30-odd labels
 * are not repeated in every listing that offers it. word-match.ts matches
 * queries against this index.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { TermTable } from './term-table'
import { bytesOf, int32s } from './snapshot-bytes'
import { Postings, type PostingsSnapshot } from './postings'
import type { Concept } from '../reading/concepts'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { i32, u8 } = cells

export const PLACE = 8
export const NAME = 4
export const SERVICES = 2
export const SUMMARY = 1
/** Bits of a posting that say which fields hold the term. */
export const FIELD_BITS = 4
export const FIELD_MASK = (1 << FIELD_BITS) - 1

// Chars no tokenized word holds: concept terms never meet a query word's typos or prefixes.
const CONCEPT_MARK = { service: '\u0001', kind: '\u0002' } as const
/** The term a listing holds for one of its services or its kind. */
export const conceptTerm = (c: Concept): string => `${CONCEPT_MARK[c.type]}${c.id}`
const isConceptTerm = (term: string): boolean => term.charCodeAt(0) < 32

export interface TextSnapshot extends PostingsSnapshot { terms: string[]; slotLengths: Buffer; slotTerms: Buffer }

export class TextIndex {
  /** The listings' own words (concept terms left out), for typos and prefixes. */
  readonly vocabulary = new SearchableMap<number>()
  private readonly ids = new TermTable((term, id) => {
    if (!isConceptTerm(term)) this.vocabulary.set(term, id)
    this.postings.addTerm()
  })
  // Per-term scratch for deduplicating a document's words.
  private seenIn = new Int32Array(1024)
  private fieldsOf = new Uint8Array(1024)
  private docTerms = new Int32Array(1024)
  private docs = 0
  readonly postings = new Postings()
  /** Each slot's postings (`term << 3 | fields`), to take them out again. */
  private readonly bySlot: Array<Int32Array | undefined> = []
  /** One more than the highest slot ever indexed. */
  slotCount = 0

  /** Term ids for words (made when new), for text that recurs across listings; valid until `clear`. */
  termIds(words: readonly string[]): Int32Array {
    return Int32Array.from(words, (w) => this.ids.idOf(w))
  }

  /** A term's id, if any listing ever held it. */
  termId(term: string): number | undefined {
    return this.ids.get(term)
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
      this.postings.push(id, (slot << FIELD_BITS) | mask)
      own[i] = (id << FIELD_BITS) | mask
    }
    this.bySlot[slot] = own
    this.slotCount = Math.max(this.slotCount, slot + 1)
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
    for (const entry of own) this.postings.delete(entry >>> FIELD_BITS, (slot << FIELD_BITS) | (entry & FIELD_MASK))
    this.bySlot[slot] = undefined
  }

  clear(): void {
    this.ids.clear()
    this.vocabulary.clear()
    this.seenIn.fill(0)
    this.postings.clear()
    this.bySlot.length = 0
    this.slotCount = 0
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
    this.slotCount = slotLengths.length
  }
}
