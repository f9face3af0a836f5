/**
 * How many typos a query word may carry, and what counts as one. As
 * Meilisearch counts them: none under 5 letters, 1 from 5, 2 from 9; and a
 * swap of two adjacent letters ("cifardo" for "cifrado", "emial") is one
 * typo, not the two a plain Levenshtein distance makes of it.
 */
import type SearchableMap from 'minisearch/SearchableMap'

export const typoBudget = (word: string): number => (word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0)

/** Every word made by swapping two adjacent, different letters of `word`, each once. */
export function transpositions(word: string): string[] {
  const out = new Set<string>()
  for (let i = 0; i + 1 < word.length; i++) {
    const a = word[i] as string
    const b = word[i + 1] as string
    if (a !== b) out.add(word.slice(0, i) + b + a + word.slice(i + 2))
  }
  out.delete(word)
  return [...out]
}

/**
 * The keys of `map` within `budget` typos of `word` (adjacent swaps counted
 * as one), each with its value and its fewest typos; `word` itself at 0 when
 * present. MiniSearch's radix tree gives the Levenshtein neighbours; the
 * swaps are looked up as words of their own (and, with a budget of 2, with
 * one more typo around them).
 */
export function withinTypos<T>(map: SearchableMap<T>, word: string, budget: number): Map<string, { value: T; typos: number }> {
  const out = new Map<string, { value: T; typos: number }>()
  const offer = (key: string, value: T, typos: number) => {
    const known = out.get(key)
    if (!known || known.typos > typos) out.set(key, { value, typos })
  }
  const exact = map.get(word)
  if (exact !== undefined) offer(word, exact, 0)
  if (budget === 0) return out
  for (const [key, [value, distance]] of map.fuzzyGet(word, budget)) offer(key, value, distance)
  for (const swapped of transpositions(word)) {
    if (budget === 1) {
      const value = map.get(swapped)
      if (value !== undefined) offer(swapped, value, 1)
    } else for (const [key, [value, distance]] of map.fuzzyGet(swapped, budget - 1)) offer(key, value, 1 + distance)
  }
  return out
}
