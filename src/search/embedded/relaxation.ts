/**
 * Which of a query's words a listing must hold. All but the optional ones
 * (reading/read-query.ts), unless all
 * together match less than `minimum` listings (a page): then words are
 * dropped one at a time, each time the one whose absence lets the most
 * listings in (a word no listing holds goes first), a word that names no
 * service or kind before one that does, a later word before an earlier one,
 * until a page matches or one word is left. When the query named a place,
 * a few must match around it too: a hundred hosts elsewhere do not answer
 * "alojamiento web en Guadalajara" if none is near Guadalajara. Meilisearch's `last` strategy
 * drops from the end and `frequency` drops the commonest word first; here
 * the words that keep listings out go, because in a directory query they
 * are the noise ("barato", "inquilinos") around the need and the place.
 * The listings holding every word still rank first (they hold more words).
 */
import type { QueryWord } from '../reading/read-query'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { i32 } = cells

/** Listings around the place a query named that must hold every required word before none is dropped. */
const AROUND_MINIMUM = 3

/** How many listings hold every required word, per mask of words held: everywhere and around the place. */
class Holdings {
  private readonly everywhere = new Map<number, number>()
  private readonly near = new Map<number, number>()

  constructor(mask: Int32Array, touched: Int32Array, n: number, around: Uint8Array | null) {
    for (let i = 0; i < n; i++) {
      const slot = i32(touched, i)
      const m = i32(mask, slot)
      this.everywhere.set(m, (this.everywhere.get(m) ?? 0) + 1)
      if (around?.[slot] === 1) this.near.set(m, (this.near.get(m) ?? 0) + 1)
    }
  }

  count(required: number, nearOnly: boolean): number {
    let c = 0
    for (const [m, k] of nearOnly ? this.near : this.everywhere) if ((m & required) === required) c += k
    return c
  }
}

/**
 * The required words as a mask (bit i: words[i]) and the dropped words'
 * indexes, in the order dropped. Enough is `minimum` listings everywhere
 * and, when `around` marks the listings around a place, AROUND_MINIMUM of
 * them there.
 */
export function requiredWords(mask: Int32Array, touched: Int32Array, n: number, words: readonly QueryWord[], minimum: number, around: Uint8Array | null = null): { required: number; dropped: number[] } {
  let all = 0
  words.forEach((w, i) => {
    if (!w.optional) all |= 1 << i
  })
  if (all === 0) all = words.length >= 31 ? -1 : (1 << words.length) - 1 // only optional words: they are the query
  if (popcount(all) <= 1 || enoughWithout(mask, touched, n, all, minimum, around)) return { required: all, dropped: [] } // the common case: no histogram
  const holdings = new Holdings(mask, touched, n, around)
  // The shortfall to make up first: around the place, then everywhere.
  const short = (required: number): boolean | null =>
    around && holdings.count(required, true) < AROUND_MINIMUM ? true : holdings.count(required, false) < minimum ? false : null
  let required = all
  const dropped: number[] = []
  for (let nearOnly = short(required); nearOnly !== null && popcount(required) > 1; nearOnly = short(required)) {
    let best = -1
    let bestCount = -1
    for (let i = words.length - 1; i >= 0; i--) {
      if (!(required & (1 << i))) continue
      const c = holdings.count(required & ~(1 << i), nearOnly)
      const better = c > bestCount || (c === bestCount && best !== -1 && namesConcept(words[best]) && !namesConcept(words[i]))
      if (better) {
        best = i
        bestCount = c
      }
    }
    required &= ~(1 << best)
    dropped.push(best)
  }
  return { required, dropped }
}

/** Whether every required word together already matches enough listings (one pass, no histogram). */
function enoughWithout(mask: Int32Array, touched: Int32Array, n: number, all: number, minimum: number, around: Uint8Array | null): boolean {
  let everywhere = 0
  let near = 0
  for (let i = 0; i < n; i++) {
    const slot = i32(touched, i)
    if ((i32(mask, slot) & all) !== all) continue
    everywhere++
    if (around?.[slot] === 1) near++
  }
  return everywhere >= minimum && (around === null || near >= AROUND_MINIMUM)
}

/** How many bits are set. */
export function popcount(mask: number): number {
  let v = mask - ((mask >>> 1) & 0x55555555)
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333)
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

const namesConcept = (w: QueryWord | undefined): boolean => (w?.concepts.length ?? 0) > 0
