/**
 * Words of a text to term ids without making a string per word: the
 * tokenizer hashes char codes as it reads them and looks the word up in an
 * open-addressing table, comparing chars with the stored term. Only a word
 * never seen before (or one with accents to fold) becomes a string. At 100k
 * listings this is most of the index build, and most of its garbage.
 */

// A character table filled on first sight: letters and digits of any script are word characters.
const WORD_CHAR = /[\p{L}\p{N}]/u
const charClass = new Uint8Array(65536) // 0 unknown, 1 word, 2 separator
for (let c = 0; c < 128; c++) charClass[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 2
export const isWordChar = (code: number): boolean => {
  let k = charClass[code] as number
  if (k === 0) charClass[code] = k = code >= 0xd800 && code <= 0xdfff ? 2 : WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2
  return k === 1
}

const folded = new Map<string, string>()
/** Accents off (é → e, ç → c), composed again. */
export const fold = (word: string): string => {
  let f = folded.get(word)
  if (f === undefined) {
    f = word.normalize('NFD').replace(/\p{Diacritic}/gu, '').normalize('NFC')
    if (folded.size > 200_000) folded.clear() // bounded: a cache, not a second vocabulary
    folded.set(word, f)
  }
  return f
}

/** Lower-case, accent-free words of any script (for queries). */
export function tokenize(text: string): string[] {
  const out: string[] = []
  scan(text.toLowerCase(), (lower, start, end, ascii) => out.push(ascii ? lower.slice(start, end) : fold(lower.slice(start, end))))
  return out
}

type WordSink = (lower: string, start: number, end: number, ascii: boolean, hash: number) => void

/** Calls `sink` for each word of an already lower-cased text, with an FNV-1a hash of its chars. */
function scan(lower: string, sink: WordSink): void {
  let start = -1
  let ascii = true
  let hash = 0
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32
    if (isWordChar(code)) {
      if (start === -1) {
        start = i
        ascii = true
        hash = 0x811c9dc5
      }
      if (code > 127) ascii = false
      hash = Math.imul(hash ^ code, 0x01000193)
    } else if (start !== -1) {
      sink(lower, start, i, ascii, hash)
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
      const slot = this.table[i] as number
      if (slot === 0) return undefined
      if (this.terms[slot - 1] === term) return slot - 1
    }
  }

  /** Calls `each` with the id of every word of `text` (new words get new ids). */
  words(text: string, each: (id: number) => void): void {
    scan(text.toLowerCase(), (lower, start, end, ascii, hash) => {
      if (!ascii) {
        each(this.idOf(fold(lower.slice(start, end))))
        return
      }
      const length = end - start
      for (let i = hash & this.mask; ; i = (i + 1) & this.mask) {
        const slot = this.table[i] as number
        if (slot === 0) break
        const term = this.terms[slot - 1] as string
        if (term.length === length && sameChars(term, lower, start)) {
          each(slot - 1)
          return
        }
      }
      each(this.idOf(lower.slice(start, end)))
    })
  }

  /** The id of a term, made when new. */
  idOf(term: string): number {
    const hash = hashOf(term)
    let i = hash & this.mask
    for (; ; i = (i + 1) & this.mask) {
      const slot = this.table[i] as number
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

function sameChars(term: string, text: string, start: number): boolean {
  for (let k = 0; k < term.length; k++) if (term.charCodeAt(k) !== text.charCodeAt(start + k)) return false
  return true
}
