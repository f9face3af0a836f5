/**
 * Facet counts and the order of a page of matches, over flat arrays.
 */
import type { SearchQuery } from '../query'
import type { FacetCounts } from '../search-index'
import type { Columns, Codes } from './columns'
import type { Regions } from './regions'
import type { Matches } from './matcher'

/** Counts of every facet value over the matches (filters on a facet included, as Meilisearch counts). */
export function facetCounts(c: Columns, m: Matches): FacetCounts {
  const kinds = new Int32Array(c.kinds.size)
  const origins = new Int32Array(c.origins.size)
  for (let i = 0; i < m.count; i++) {
    const slot = m.slots[i] as number
    const k = c.kind[slot] as number
    kinds[k] = (kinds[k] as number) + 1
    const o = c.origin[slot] as number
    origins[o] = (origins[o] as number) + 1
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
  const { start, length } = regions
  for (let i = 0; i < m.count; i++) {
    const slot = m.slots[i] as number
    for (let j = start[slot] as number, end = j + (length[slot] as number); j < end; j++) {
      const v = values[j] as number
      counts[v] = (counts[v] as number) + 1
    }
  }
  return counts
}

function named(codes: Codes, counts: Int32Array): Record<string, number> {
  const out: Record<string, number> = {}
  for (let code = 0; code < counts.length; code++) if ((counts[code] as number) > 0) out[codes.values[code] as string] = counts[code] as number
  return out
}

/**
 * Match indexes from `from` to `to` in order: by text score (relevance, when
 * there are words), distance (nearest first) or last change, then newest,
 * then id. Rather than sorting every match, a selection finds the `to` best
 * level by level (a quickselect on each key among the ties of the one
 * before: numbers compared in a tight loop), and only those are sorted.
 */
export function pageOrder(query: SearchQuery, m: Matches, c: Columns, idOf: (slot: number) => string, from: number, to: number): number[] {
  const { slots, km, score } = m
  const updated = c.updated
  // Each key fills its values for a set of match indexes; later keys are only read for the ties of earlier ones.
  type Key = (at: Int32Array, count: number, out: Float64Array) => void
  const keys: Key[] = []
  if (query.sort === 'distance' && km) keys.push((at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = -(km[at[i] as number] as number)
  })
  else if (query.sort !== 'updated' && score) keys.push((at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = score[slots[at[i] as number] as number] as number
  })
  keys.push((at, count, out) => {
    for (let i = 0; i < count; i++) out[i] = updated[slots[at[i] as number] as number] as number
  })
  const chosen = best(keys, m.count, Math.min(to, m.count))
  // Sort the few chosen exactly: every key, then the id.
  const one = new Int32Array(1)
  const value = new Float64Array(1)
  const keyOf = (i: number, key: Key): number => {
    one[0] = i
    key(one, 1, value)
    return value[0] as number
  }
  const sortKeys = chosen.map((i) => ({ i, keys: keys.map((k) => keyOf(i, k)), id: idOf(slots[i] as number) }))
  sortKeys.sort((a, b) => {
    for (let k = 0; k < a.keys.length; k++) if (a.keys[k] !== b.keys[k]) return (b.keys[k] as number) - (a.keys[k] as number)
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  })
  return sortKeys.slice(from).map((x) => x.i)
}

// Selection buffers, reused: a query runs to completion synchronously.
let candidateBuffer = new Int32Array(0)
let tieBuffer = new Int32Array(0)
let valueBuffer = new Float64Array(0)

/** The indexes of the `k` best by `keys` (lexicographic, larger first), in no order; full ties broken arbitrarily (the caller sorts by id). */
function best(keys: Array<(at: Int32Array, count: number, out: Float64Array) => void>, n: number, k: number): number[] {
  if (candidateBuffer.length < n) {
    candidateBuffer = new Int32Array(n * 2)
    tieBuffer = new Int32Array(n * 2)
    valueBuffer = new Float64Array(n * 2)
  }
  const chosen: number[] = []
  let candidates = candidateBuffer
  let ties = tieBuffer
  const values = valueBuffer
  for (let i = 0; i < n; i++) candidates[i] = i
  let count = n
  for (const key of keys) {
    const need = k - chosen.length
    if (count <= need) break
    key(candidates, count, values)
    const selecting = values.slice(0, count)
    const threshold = kthLargest(selecting, need)
    let tied = 0
    for (let c = 0; c < count; c++) {
      const v = values[c] as number
      if (v > threshold) chosen.push(candidates[c] as number)
      else if (v === threshold) ties[tied++] = candidates[c] as number
    }
    ;[candidates, ties] = [ties, candidates]
    count = tied
  }
  for (let i = 0; chosen.length < k && i < count; i++) chosen.push(candidates[i] as number)
  return chosen
}

/** The k-th largest value (1-based), reordering `values` (Hoare quickselect, median-of-three pivots). */
export function kthLargest(values: Float64Array, k: number): number {
  let lo = 0
  let hi = values.length - 1
  const target = k - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    const a = values[lo] as number
    const b = values[mid] as number
    const c = values[hi] as number
    const pivot = a > b ? (b > c ? b : a > c ? c : a) : a > c ? a : b > c ? c : b
    let i = lo
    let j = hi
    while (i <= j) {
      while ((values[i] as number) > pivot) i++
      while ((values[j] as number) < pivot) j--
      if (i <= j) {
        const t = values[i] as number
        values[i] = values[j] as number
        values[j] = t
        i++
        j--
      }
    }
    if (target <= j) hi = j
    else if (target >= i) lo = i
    else return values[target] as number
  }
  return values[target] as number
}
