/**
 * "Did you mean": a query word that matches nothing, not even within its
 * typo budget, is replaced by the nearest word the listings hold (up to 2
 * typos, 3 from 8 letters, an adjacent swap counting one), the most used
 * among the nearest. Words under 4 letters are left alone: too many words
 * are that near them.
 */
import type { ReadQuery } from '../reading/read-query'
import { withinTypos } from '../reading/typos'
import { wordsOf } from '../places/text'
import type { TextIndex } from './text-index'
import type { WordMatches } from './word-match'

const MIN_LETTERS = 4

/** `q` with each unknown word replaced by its nearest known one; undefined when no word is unknown or none has a neighbour. */
export function spellingOf(text: TextIndex, q: string, read: ReadQuery, matches: WordMatches): string | undefined {
  const replacements = new Map<string, string>()
  read.words.forEach((w, i) => {
    const known = (matches.expansions[i] ?? []).some((e) => text.postings.length(e.term) > 0)
    if (known || w.key.length < MIN_LETTERS) return
    const near = nearest(text, w.key)
    if (near) replacements.set(w.key, near)
  })
  if (replacements.size === 0) return undefined
  const nfc = q.normalize('NFC')
  let out = ''
  let at = 0
  for (const word of wordsOf(nfc, 64)) {
    const better = replacements.get(word.key)
    if (better === undefined) continue
    out += nfc.slice(at, word.start) + better
    at = word.end
  }
  return out + nfc.slice(at)
}

function nearest(text: TextIndex, key: string): string | undefined {
  let best: { term: string; typos: number; uses: number } | undefined
  for (const [term, { value, typos }] of withinTypos(text.vocabulary, key, key.length >= 8 ? 3 : 2)) {
    const uses = text.postings.length(value)
    if (uses === 0 || term === key) continue
    if (!best || typos < best.typos || (typos === best.typos && uses > best.uses)) best = { term, typos, uses }
  }
  return best?.term
}
