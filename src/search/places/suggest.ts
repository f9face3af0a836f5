/**
 * Suggestions for the search page's "near" field: places whose name starts
 * with what is typed (any accents, any case, in any of the four languages),
 * most populous first, labelled "City, Country" in the reader's language so
 * that the label, sent back as typed text, finds the same place.
 */
import { placeOf, countryOf, weightOf, type Place } from './place'
import type { PlaceTables } from './tables'
import { foldKey } from './text'

/** One suggestion: the place and how to show it ("Córdoba, Argentina"). */
export interface PlaceSuggestion {
  place: Place
  label: string
}

// Room for labels that turn out equal (two "San José" in one country): the lighter is dropped after ranking.
const SLACK = 3
// Prefixes this short span thousands of names (a fifth of a millisecond for "s"): their best places are kept once found.
const MEMO_PREFIX_LENGTH = 3
const MEMO_LIMIT = 8
const MEMO_ENTRIES = 4096
// A field shows a handful; more would only cost time (the ranking keeps its list sorted by insertion).
export const MAX_SUGGESTIONS = 50

/** Place suggestions over one set of tables, remembering the answers to the shortest prefixes. */
export class Suggester {
  private readonly memo = new Map<string, number[]>()

  constructor(
    private readonly t: PlaceTables,
    private readonly countryKeys: ReadonlyMap<string, string>
  ) {}

  /**
   * Up to `limit` (at most MAX_SUGGESTIONS) places starting with
   * `prefix`. "Córdoba, Esp" narrows the city to countries whose name (in
   * any of the four languages) starts with the part after the comma.
   */
  suggest(prefix: string, lang: string, wanted: number): PlaceSuggestion[] {
    const limit = Math.min(Math.floor(wanted), MAX_SUGGESTIONS)
    const comma = prefix.indexOf(',')
    const key = foldKey(comma === -1 ? prefix : prefix.slice(0, comma))
    if (key === '' || !(limit > 0)) return []
    const inCountry = comma === -1 ? undefined : countriesStartingWith(this.countryKeys, foldKey(prefix.slice(comma + 1)))
    return labelled(this.t, this.top(key, limit, inCountry), lang, limit)
  }

  private top(key: string, limit: number, inCountry: Set<string> | undefined): number[] {
    if (inCountry || key.length > MEMO_PREFIX_LENGTH || limit > MEMO_LIMIT) return topTargets(this.t, key, limit * SLACK, inCountry)
    let top = this.memo.get(key)
    if (!top) {
      top = topTargets(this.t, key, MEMO_LIMIT * SLACK, undefined)
      if (this.memo.size >= MEMO_ENTRIES) this.memo.clear() // bounded: prefixes of odd scripts cannot grow it without end
      this.memo.set(key, top)
    }
    return top
  }
}

/** The first `limit` places of `top` with distinct labels. */
function labelled(t: PlaceTables, top: readonly number[], lang: string, limit: number): PlaceSuggestion[] {
  const out: PlaceSuggestion[] = []
  const labels = new Set<string>()
  for (const target of top) {
    const place = placeOf(t, target, lang)
    const label = place.kind === 'city' ? `${place.name}, ${place.countryName}` : place.name
    if (labels.has(label)) continue
    labels.add(label)
    out.push({ place, label })
    if (out.length === limit) break
  }
  return out
}

/** The heaviest `size` targets of the names starting with `key`, heaviest first, each once. */
function topTargets(t: PlaceTables, key: string, size: number, inCountry: ReadonlySet<string> | undefined): number[] {
  const top: number[] = []
  const weights: number[] = []
  const targets = t.index.targets
  t.index.withPrefix(key, (from, to) => {
    for (let i = from; i < to; i++) {
      const target = targets[i] as number
      const w = weightOf(t, target)
      // a name's places come heaviest first: once one cannot enter, none after it can
      if (top.length === size && w <= (weights[size - 1] as number)) return
      if (inCountry && !inCountry.has(countryOf(t, target))) continue
      if (top.includes(target)) continue
      let at = top.length
      while (at > 0 && (weights[at - 1] as number) < w) at--
      top.splice(at, 0, target)
      weights.splice(at, 0, w)
      if (top.length > size) {
        top.pop()
        weights.pop()
      }
    }
  })
  return top
}

/** Codes of the countries with a name starting with `key` (every country when `key` is empty). */
function countriesStartingWith(countryKeys: ReadonlyMap<string, string>, key: string): Set<string> {
  const out = new Set<string>()
  for (const [name, code] of countryKeys) if (name.startsWith(key)) out.add(code)
  return out
}
