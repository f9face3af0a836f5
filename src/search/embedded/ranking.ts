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
 * then id. A bounded heap keeps the best `to` (O(n log k), not a full sort),
 * comparing two flat keys per match.
 */
export function pageOrder(query: SearchQuery, m: Matches, c: Columns, idOf: (slot: number) => string, from: number, to: number): number[] {
  const n = m.count
  const newer = new Float64Array(n)
  for (let i = 0; i < n; i++) newer[i] = c.updated[m.slots[i] as number] as number
  const first = new Float64Array(n)
  if (query.sort === 'distance' && m.km) for (let i = 0; i < n; i++) first[i] = -(m.km[i] as number)
  else if (query.sort !== 'updated' && m.score) for (let i = 0; i < n; i++) first[i] = m.score[m.slots[i] as number] as number
  // else all equal: the order is by last change
  const before = (i: number, j: number): boolean => {
    const a = first[i] as number
    const b = first[j] as number
    if (a !== b) return a > b
    const x = newer[i] as number
    const y = newer[j] as number
    if (x !== y) return x > y
    return idOf(m.slots[i] as number) < idOf(m.slots[j] as number)
  }
  const k = Math.min(to, n)
  if (k <= from) return []
  if (k >= n / 4) {
    const all = Array.from({ length: n }, (_, i) => i)
    return all.sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0)).slice(from, k)
  }
  // heap[0] is the last of the best k so far
  const heap = new Int32Array(k)
  let size = 0
  const siftDown = (at: number) => {
    for (;;) {
      const l = 2 * at + 1
      const r = l + 1
      let last = at
      if (l < size && before(heap[last] as number, heap[l] as number)) last = l
      if (r < size && before(heap[last] as number, heap[r] as number)) last = r
      if (last === at) return
      const t = heap[at] as number
      heap[at] = heap[last] as number
      heap[last] = t
      at = last
    }
  }
  for (let i = 0; i < n; i++) {
    if (size < k) {
      let at = size++
      heap[at] = i
      while (at > 0) {
        const parent = (at - 1) >> 1
        if (!before(heap[parent] as number, heap[at] as number)) break
        const t = heap[at] as number
        heap[at] = heap[parent] as number
        heap[parent] = t
        at = parent
      }
    } else if (before(i, heap[0] as number)) {
      heap[0] = i
      siftDown(0)
    }
  }
  return Array.from(heap).sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0)).slice(from)
}
