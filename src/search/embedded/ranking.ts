/**
 * Facet counts and the order of a page of matches, over flat arrays.
 */
import type { SearchQuery } from '../query'
import type { FacetCounts } from '../search-index'
import type { Columns, Codes } from './columns'
import type { Regions } from './regions'
import type { Matches } from './matcher'
import * as relaxation from './relaxation'
import type { WordMatches } from './word-match'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { bump, f64, i32, u16 } = cells
const { popcount } = relaxation

/** Counts of every facet value over the matches (filters on a facet included, as Meilisearch counts). */
export function facetCounts(c: Columns, m: Matches): FacetCounts {
  const kinds = new Int32Array(c.kinds.size)
  const origins = new Int32Array(c.origins.size)
  for (let i = 0; i < m.count; i++) {
    const slot = i32(m.slots, i)
    bump(kinds, u16(c.kind, slot))
    bump(origins, u16(c.origin, slot))
  }
  return {
    service: named(c.services, tally(c.serviceCodes, c.services.size, m)),
    language: named(c.languages, tally(c.languageCodes, c.languages.size, m)),
    kind: named(c.kinds, kinds),
    country: named(c.countries, tally(c.countryCodes, c.countries.size, m)),
    origin: named(c.origins, origins)
  }
}

function tally(regions: Regions<'code'>, size: number, m: Matches): Int32Array {
  const counts = new Int32Array(size)
  const values = regions.column('code')
  for (let i = 0; i < m.count; i++) {
    const slot = i32(m.slots, i)
    for (let j = regions.first(slot), end = regions.end(slot); j < end; j++) bump(counts, f64(values, j))
  }
  return counts
}

function named(codes: Codes, counts: Int32Array): Record<string, number> {
  const out: Record<string, number> = {}
  counts.forEach((n, code) => {
    if (n > 0) out[codes.name(code)] = n
  })
  return out
}

/** A sort key: fills its values for a set of match indexes (later keys are only read for the ties of earlier ones). */
type Key = (at: Int32Array, count: number, out: Float64Array) => void

/**
 * Orders pages of matches. Its selection buffers are reused between queries
 * (a query runs to completion synchronously) and belong to one index.
 */
export class Ranker {
  private candidates = new Int32Array(0)
  private ties = new Int32Array(0)
  private values = new Float64Array(0)

  /**
   * Match indexes from `from` to `to` in order: by the query's keys
   * (sortKeys below), then id. Rather than sorting every match, a selection finds the `to` best
   * level by level (a quickselect on each key among the ties of the one
   * before: numbers compared in a tight loop), and only those are sorted.
   */
  pageOrder(query: SearchQuery, m: Matches, c: Columns, idOf: (slot: number) => string, from: number, to: number, place: PlaceRank | null = null): number[] {
    const keys = sortKeys(query, m, c, place)
    const chosen = this.best(keys, m.count, Math.min(to, m.count), (i) => idOf(i32(m.slots, i)))
    // Sort the few chosen exactly: every key, then the id.
    const one = new Int32Array(1)
    const value = new Float64Array(1)
    const keyOf = (i: number, key: Key): number => {
      one[0] = i
      key(one, 1, value)
      return f64(value, 0)
    }
    const rows = chosen.map((i) => ({ i, keys: Float64Array.from(keys, (k) => keyOf(i, k)), id: idOf(i32(m.slots, i)) }))
    rows.sort((a, b) => {
      for (let k = 0; k < a.keys.length; k++) if (a.keys[k] !== b.keys[k]) return f64(b.keys, k) - f64(a.keys, k)
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
    })
    return rows.slice(from).map((x) => x.i)
  }

  /**
   * The indexes of the `k` best by `keys` (lexicographic, larger first), in
   * no order; full ties broken by id, as the caller sorts them, so that page
   * after page of one query is one order: taking tied matches in slot order
   * and then sorting them by id put some on two pages and others on none.
   */
  private best(keys: Key[], n: number, k: number, idOf: (i: number) => string): number[] {
    if (this.candidates.length < n) {
      this.candidates = new Int32Array(n * 2)
      this.ties = new Int32Array(n * 2)
      this.values = new Float64Array(n * 2)
    }
    const chosen: number[] = []
    let candidates = this.candidates
    let ties = this.ties
    const values = this.values
    for (let i = 0; i < n; i++) candidates[i] = i
    let count = n
    for (const key of keys) {
      const need = k - chosen.length
      if (count <= need) break
      key(candidates, count, values)
      const threshold = kthLargest(values.slice(0, count), need)
      let tied = 0
      for (let c = 0; c < count; c++) {
        const v = f64(values, c)
        if (v > threshold) chosen.push(i32(candidates, c))
        else if (v === threshold) ties[tied++] = i32(candidates, c)
      }
      ;[candidates, ties] = [ties, candidates]
      count = tied
    }
    const need = k - chosen.length
    if (need <= 0) return chosen
    const tied = Array.from(candidates.subarray(0, count))
    if (tied.length > need) {
      const ids = new Map(tied.map((i) => [i, idOf(i)]))
      tied.sort((a, b) => ((ids.get(a) as string) < (ids.get(b) as string) ? -1 : 1))
    }
    for (let i = 0; i < need && i < tied.length; i++) chosen.push(tied[i] as number)
    return chosen
  }
}

/** A place the query's words named: rank by distance to a city or a region's centre (`km` in the matches), or by being in a country (its code). */
export type PlaceRank = ({ nearest: true } | { country: number }) & {
  /** By slot, 1 around the place (see PlaceChoice.around): there, the words relaxation dropped count too. */
  around: Uint8Array
}

/**
 * The keys of the query's order. By relevance, when the query named a
 * place: how well it holds the required words (tiers below), then
 * nearness to the place (or being in its country); then, with or without
 * a place, the words held (optional and relaxed ones too), then the text
 * score. By distance: nearest first. Last change ends every order.
 */
function sortKeys(query: SearchQuery, m: Matches, c: Columns, place: PlaceRank | null): Key[] {
  const { slots, km, text } = m
  const keys: Key[] = []
  const bySlot = (values: Float32Array): Key => (at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = values[i32(slots, i32(at, i))] as number
  }
  const nearest: Key | null = km ? (at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = -f64(km, i32(at, i))
  } : null
  if (query.sort === 'distance' && nearest) keys.push(nearest)
  else if (query.sort !== 'updated') {
    if (text && place) keys.push(tiers(slots, text, place.around))
    if (place && 'country' in place) keys.push(inCountry(c, slots, place.country))
    else if (place && nearest) keys.push(nearest)
    if (text?.partial) keys.push(bits(slots, text.mask, -1))
    if (text) keys.push(bySlot(text.score))
  }
  const updated = c.updated
  keys.push((at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = f64(updated, i32(slots, i32(at, i)))
  })
  return keys
}

/** How many of `within`'s bits each match's mask holds. */
function bits(slots: Int32Array, masks: Int32Array, within: number): Key {
  return (at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = popcount(i32(masks, i32(slots, i32(at, i))) & within)
  }
}

/**
 * How well a match holds the words: 2 for each in a whole service label, 1
 * in a name, another service or a place, 0 in the summary only. The
 * required words count everywhere; those relaxation dropped only around the
 * place, so the one host there that does all that was asked comes first,
 * and one far away does not outrank the local ones for it.
 */
function tiers(slots: Int32Array, text: WordMatches, around: Uint8Array): Key {
  const { strong, exact, required } = text
  let dropped = 0
  for (const i of text.dropped) dropped |= 1 << i
  return (at, count, out) => {
    for (let i = 0; i < count; i++) {
      const slot = i32(slots, i32(at, i))
      const words = around[slot] === 1 ? required | dropped : required
      out[i] = popcount(i32(strong, slot) & words) + popcount(i32(exact, slot) & words)
    }
  }
}

/** 1 for a listing with a location or region in the country, else 0. */
function inCountry(c: Columns, slots: Int32Array, code: number): Key {
  const regions = c.countryCodes
  const values = regions.column('code')
  return (at, count, out) => {
    for (let i = 0; i < count; i++) {
      const slot = i32(slots, i32(at, i))
      let found = 0
      for (let j = regions.first(slot), end = regions.end(slot); j < end && !found; j++) if (f64(values, j) === code) found = 1
      out[i] = found
    }
  }
}

/** The k-th largest value (1-based), reordering `values` (Hoare quickselect, median-of-three pivots). */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = k - 1
  while (lo < hi) {
    const a = f64(values, lo)
    const b = f64(values, (lo + hi) >> 1)
    const c = f64(values, hi)
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b
    let i = lo
    let j = hi
    while (i <= j) {
      while (f64(values, i) > pivot) i++
      while (f64(values, j) < pivot) j--
      if (i <= j) {
        const t = f64(values, i)
        values[i] = f64(values, j)
        values[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else return f64(values, target)
  }
  return f64(values, target)
}
