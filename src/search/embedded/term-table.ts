/**
 * Words of a text to term ids without making a string per word: the
 * tokenizer hashes char codes as it reads them and looks the word up in an
 * open-addressing table, comparing chars with the stored term. Only a word
 * never seen before (or one with accents to fold) becomes a string. At 100k
 * listings this is most of the index build, and most of its garbage.
 */
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { i32, u8 } = cells

// Shared by every index in the process, unlike the buffers each index owns:
// this table and the fold cache below memoize pure functions of a character
// or word, so one index's use can change no other's result.
// A character table filled on first sight: letters and digits of any script are word characters.
const WORD_CHAR = /[\p{L}\p{N}]/u
const charClass = new Uint8Array(65536) // 0 unknown, 1 word, 2 separator
for (let c = 0; c < 128; c++) charClass[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2
const isWordChar = (code: number): boolean => {
  let k = u8(charClass, code)
  if (k === 0) charClass[code] = k = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
  return k === 1
}

const folded = new Map<string, string>()
// Latin letters that carry their mark inside (no decomposition), spelled as readers type them without it
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' }
const UNDECOMPOSED_CHARS = /[łøđħßæœı]/g
/** Lower case, accents off (É → e, ç → c, ł → l), composed again. */
const fold = (word: string): string => {
  let f = folded.get(word)
  if (f === undefined) {
    f = word.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(UNDECOMPOSED_CHARS, (c) => UNDECOMPOSED[c] as string).normalize('NFC')
    if (folded.size > 200_000) folded.clear() // bounded: a cache, not a second vocabulary
    folded.set(word, f)
  }
  return f
}

/** Lower-case, accent-free words of any script (for queries). */
export function tokenize(text: string): string[] {
  const out: string[] = []
  scan(text, (raw, start, end, ascii, _hash, lower) => out.push(ascii ? (lower ? raw.slice(start, end) : raw.slice(start, end).toLowerCase()) : fold(raw.slice(start, end))))
  return out
}

/** A word of `text` from `start` to `end`; `lower` when it has no upper-case ASCII letter. */
type WordSink = (text: string, start: number, end: number, ascii: boolean, hash: number, lower: boolean) => void

/**
 * Calls `sink` for each word, with an FNV-1a hash of its lower-cased chars.
 * ASCII case is folded here, char by char, so the text is never copied;
 * words with other chars are folded by the sink.
 */
function scan(text: string, sink: WordSink): void {
  let start = -1
  let ascii = true
  let lower = true
  let hash = 0
  for (let i = 0; i <= text.length; i++) {
    let code = i < text.length ? text.charCodeAt(i) : 32
    if (isWordChar(code)) {
      if (start === -1) {
        start = i
        ascii = true
        lower = true
        hash = 0x811c9dc5
      }
      if (code > 127) ascii = false
      else if (code >= 65 && code <= 90) {
        code += 32
        lower = false
      }
      hash = Math.imul(hash ^ code, 0x01000193)
    } else if (start !== -1) {
      sink(text, start, i, ascii, hash, lower)
      start = -1
    }
  }
}

const hashOf = (word: string): number => {
  let hash = 0x811c9dc5
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193)
  return hash
}

export class TermTable {
  readonly terms: string[] = []
  private table = new Int32Array(1024) // term id + 1; 0 is empty
  private mask = 1023

  constructor(private readonly onNewTerm: (term: string, id: number) => void) {}

  get size(): number {
    return this.terms.length
  }

  /** The id of a term, if known. */
  get(term: string): number | undefined {
    const hash = hashOf(term)
    for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
      const slot = i32(this.table, i)
      if (slot === 0) return undefined
      if (this.terms[slot - 1] === term) return slot - 1
    }
  }

  /** Calls `each` with the id of every word of `text` (new words get new ids). */
  words(text: string, each: (id: number) => void): void {
    scan(text, (raw, start, end, ascii, hash) => {
      if (!ascii) {
        each(this.idOf(fold(raw.slice(start, end))))
        return
      }
      const length = end - start
      for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
        const slot = i32(this.table, i)
        if (slot === 0) break
        const term = this.terms[slot - 1] as string
        if (term.length === length && sameChars(term, raw, start)) {
          each(slot - 1)
          return
        }
      }
      each(this.idOf(raw.slice(start, end).toLowerCase()))
    })
  }

  /** The id of a term, made when new. */
  idOf(term: string): number {
    const hash = hashOf(term)
    let i = hash & this.mask
    for (; ; i = (i + 1) & this.mask) {
      const slot = i32(this.table, i)
      if (slot === 0) break
      if (this.terms[slot - 1] === term) return slot - 1
    }
    const id = this.terms.length
    this.terms.push(term)
    this.table[i] = id + 1
    this.onNewTerm(term, id)
    if (this.terms.length * 2 > this.table.length) this.rehash()
    return id
  }

  clear(): void {
    this.terms.length = 0
    this.table = new Int32Array(1024)
    this.mask = 1023
  }

  private rehash(): void {
    this.table = new Int32Array(this.table.length * 2)
    this.mask = this.table.length - 1
    this.terms.forEach((term, id) => {
      let i = hashOf(term) & this.mask
      while (this.table[i] !== 0) i = (i + 1) & this.mask
      this.table[i] = id + 1
    })
  }
}

/** Whether `term` (lower case) equals the ASCII word of `text` at `start`, ignoring its case. */
function sameChars(term: string, text: string, start: number): boolean {
  for (let k = 0; k < term.length; k++) {
    let code = text.charCodeAt(start + k)
    if (code >= 65 && code <= 90) code += 32
    if (term.charCodeAt(k) !== code) return false
  }
  return true
}
