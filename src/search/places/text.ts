/**
 * Words of a query with where they stand in it, folded the way the search
 * engine folds them (lower case, accents off), so "São Paulo", "sao paulo"
 * and "SAO-PAULO" give the same keys. Folding is the embedded engine's own
 * `tokenize`: one rule for what a word is, shared by search and places.
 */
import { tokenize } from '../embedded/term-table'

/** A word of a text: its span in that text and its folded form. */
export interface Word {
  start: number
  end: number
  /** Lower case, accent-free. */
  key: string
}

// Same word characters as the engine's tokenizer: letters and digits of any script; surrogates separate.
const WORD_CHAR = /^[\p{L}\p{N}]$/u
const isWordChar = (code: number): boolean => {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90)
  if (code >= 0xd800 && code <= 0xdfff) return false
  return WORD_CHAR.test(String.fromCharCode(code))
}

/**
 * The words of `text` (already NFC: a decomposed accent would otherwise
 * split a word), one pass over its chars, no regex over the whole input.
 */
export function wordsOf(text: string, max = 64): Word[] {
  const out: Word[] = []
  let start = -1
  for (let i = 0; i <= text.length && out.length < max; i++) {
    const word = i < text.length && isWordChar(text.charCodeAt(i))
    if (word && start === -1) start = i
    else if (!word && start !== -1) {
      out.push({ start, end: i, key: tokenize(text.slice(start, i))[0] ?? '' })
      start = -1
    }
  }
  return out
}

/** The folded words of a name joined by single spaces: the key a name is found by. */
export function foldKey(name: string): string {
  const lower = name.toLowerCase()
  return isPlainKey(lower) ? lower : tokenize(name.normalize('NFC')).join(' ')
}

/** Already a key: ASCII letters and digits in words one space apart (most names: "Oaxaca", "Buenos Aires"), so nothing to fold. */
function isPlainKey(s: string): boolean {
  let space = true // no leading space, no two in a row
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 32) {
      if (space) return false
      space = true
    } else if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) space = false
    else return false
  }
  return !space
}

/** Whether the text between two words is only spaces and light punctuation ("Recife, Brasil"). */
export function joinedBy(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (c !== 32 && c !== 44 && c !== 9 && c !== 45 && c !== 47) return false // space , tab - /
  }
  return true
}

/** `text` without [from, to), glued with one space and without the comma or spaces left at the seam. */
export function cut(text: string, from: number, to: number): string {
  let a = from
  while (a > 0 && isSeam(text.charCodeAt(a - 1))) a--
  let b = to
  while (b < text.length && isSeam(text.charCodeAt(b))) b++
  const before = text.slice(0, a)
  const after = text.slice(b)
  return (before && after ? `${before} ${after}` : before || after).trim()
}

const isSeam = (c: number): boolean => c === 32 || c === 9 || c === 44 || c === 59 // space tab , ;
