/**
 * The terms a query word stands for in the text index, each with a factor
 * on its field weight: the word itself (1), its typos within budget (0.6
 * for one, 0.4 for two; an adjacent swap is one), its continuations when it
 * is the word being typed (0.8, the 200 most used), and the services and
 * kinds it names (reading/concepts.ts): a whole label ×1.5, which on the
 * services field (2) ranks it with a name match (3); a word of a label ×1.
 */
import type { QueryWord } from '../reading/read-query'
import { typoBudget, withinTypos } from '../reading/typos'
import { conceptTerm, type TextIndex } from './text-index'

export interface Expansion {
  term: number
  factor: number
  /** A service or kind the word names as part of a whole label: as exact an answer as a name. */
  whole: boolean
}

const TYPO_FACTOR = [1, 0.6, 0.4] as const
const PREFIX_FACTOR = 0.8
const PHRASE_FACTOR = 1.5
/** A one-letter prefix could expand to most of the vocabulary; the most used terms are enough. */
const MAX_PREFIX_TERMS = 200

const typoFactor = (typos: number): number => TYPO_FACTOR[Math.min(typos, 2)] as number

export function expansionsOf(text: TextIndex, word: QueryWord): Expansion[] {
  const out = new Map<number, Expansion>()
  const offer = (term: number | undefined, factor: number, whole = false) => {
    if (term !== undefined && (out.get(term)?.factor ?? 0) < factor) out.set(term, { term, factor, whole })
  }
  for (const [, { value, typos }] of withinTypos(text.vocabulary, word.key, typoBudget(word.key))) offer(value, typoFactor(typos))
  if (word.typing) {
    const exact = text.termId(word.key)
    const continuations: number[] = []
    for (const [, term] of text.vocabulary.atPrefix(word.key)) if (term !== exact) continuations.push(term)
    continuations.sort((a, b) => text.postings.length(b) - text.postings.length(a))
    for (const term of continuations.slice(0, MAX_PREFIX_TERMS)) offer(term, PREFIX_FACTOR)
  }
  for (const c of word.concepts) {
    offer(text.termId(conceptTerm(c.concept)), (c.phrase ? PHRASE_FACTOR : 1) * typoFactor(c.typos) * (c.prefix ? PREFIX_FACTOR : 1), c.phrase)
  }
  return [...out.values()]
}
