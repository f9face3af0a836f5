/**
 * Which of a query's words a listing must hold. All but the optional ones
 * (reading/read-query.ts), unless all
 * together match less than `minimum` listings (a page): then words are
 * dropped one at a time, each time the one whose absence lets the most
 * listings in (a word no listing holds goes first), a word that names no
 * service or kind before one that does, a later word before an earlier one,
 * until a page matches or one word is left. Meilisearch's `last` strategy
 * drops from the end and `frequency` drops the commonest word first; here
 * the words that keep listings out go, because in a directory query they
 * are the noise ("barato", "inquilinos") around the need and the place.
 * The listings holding every word still rank first (they hold more words).
 */
import type { QueryWord } from '../reading/read-query'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { i32 } = cells

/** The required words as a mask (bit i: words[i]) and the dropped words' indexes, in the order dropped. */
export function requiredWords(mask: Int32Array, touched: Int32Array, n: number, words: readonly QueryWord[], minimum: number): { required: number; dropped: number[] } {
  let all = 0
  words.forEach((w, i) => {
    if (!w.optional) all |= 1 << i
  })
  if (all === 0) all = words.length >= 31 ? -1 : (1 << words.length) - 1 // only optional words: they are the query
  const histogram = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const m = i32(mask, i32(touched, i))
    histogram.set(m, (histogram.get(m) ?? 0) + 1)
  }
  const count = (required: number): number => {
    let c = 0
    for (const [m, k] of histogram) if ((m & required) === required) c += k
    return c
  }
  let required = all
  const dropped: number[] = []
  let matched = count(required)
  while (matched < minimum && popcount(required) > 1) {
    let best = -1
    let bestCount = -1
    for (let i = words.length - 1; i >= 0; i--) {
      if (!(required & (1 << i))) continue
      const c = count(required & ~(1 << i))
      const better = c > bestCount || (c === bestCount && best !== -1 && namesConcept(words[best]) && !namesConcept(words[i]))
      if (better) {
        best = i
        bestCount = c
      }
    }
    required &= ~(1 << best)
    dropped.push(best)
    matched = bestCount
  }
  return { required, dropped }
}

/** How many bits are set. */
export function popcount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

const namesConcept = (w: QueryWord | undefined): boolean => (w?.concepts.length ?? 0) > 0
