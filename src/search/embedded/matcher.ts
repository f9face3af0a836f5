/**
 * Which listings a query matches, over the columns: candidates come from the
 * text index (words), a scan of the point arrays (an area without words) or
 * every slot; facet filters and the area narrow them; each match keeps its
 * best point (nearest to `near`, else the first in the area). Buffers are
 * reused between queries (a query runs to completion synchronously).
 */
import type { SearchQuery } from '../query'
import { haversineKm, inBox } from '../geo'
import type { Columns, Codes } from './columns'
import type { Regions } from './regions'
import type { WordMatches } from './word-match'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { f64, i32, u16, u8 } = cells

export interface Matches {
  count: number
  slots: Int32Array
  /** Best point cell per match, -1 when the listing has none. */
  cells: Int32Array
  /** Distance to `near` per match, when given. */
  km: Float64Array | null
  /** The words' matches (scores, words held, by slot), when the query has words. */
  text: WordMatches | null
}

const KM_PER_DEGREE_LAT = 111.2

type PointTest = (lat: number, lng: number) => boolean

/** The query's area as one test on a point; null when it has none. */
export function areaTest(query: SearchQuery): PointTest | null {
  const { bbox, near, radius } = query
  const box: PointTest | null = bbox ? (lat, lng) => inBox(lat, lng, bbox) : null
  const circle: PointTest | null =
    near && radius !== undefined
      ? (lat, lng) =>
          // a cheap latitude band first; the haversine only inside it
          Math.abs(lat - near.lat) * KM_PER_DEGREE_LAT <= radius + 1 && haversineKm(near.lat, near.lng, lat, lng) <= radius
      : null
  if (box && circle) return (lat, lng) => box(lat, lng) && circle(lat, lng)
  return box ?? circle
}

/** The facet and flag filters as one test on a slot; null when there are none. */
function filterTest(c: Columns, query: SearchQuery): ((slot: number) => boolean) | null {
  const tests: Array<(slot: number) => boolean> = []
  const single = (codes: Codes, wanted: string[], column: Uint16Array) => {
    if (!wanted.length) return
    const want = new Uint8Array(codes.size)
    for (const code of codes.lookup(wanted)) want[code] = 1
    tests.push((slot) => u8(want, u16(column, slot)) === 1)
  }
  const multi = (codes: Codes, wanted: string[], regions: Regions<'code'>) => {
    if (!wanted.length) return
    const want = new Uint8Array(codes.size)
    for (const code of codes.lookup(wanted)) want[code] = 1
    const values = regions.column('code')
    tests.push((slot) => {
      for (let i = regions.first(slot), end = regions.end(slot); i < end; i++) if (u8(want, f64(values, i))) return true
      return false
    })
  }
  multi(c.services, query.service, c.serviceCodes)
  multi(c.languages, query.language, c.languageCodes)
  multi(c.countries, query.country, c.countryCodes)
  single(c.kinds, query.kind, c.kind)
  single(c.origins, query.origin, c.origin)
  if (query.accepting !== undefined) {
    const want = query.accepting ? 1 : 0
    tests.push((slot) => c.accepting[slot] === want)
  }
  const [only] = tests
  if (tests.length <= 1) return only ?? null
  return (slot) => {
    for (const t of tests) if (!t(slot)) return false
    return true
  }
}

export class Matcher {
  private slots = new Int32Array(0)
  private cells = new Int32Array(0)
  private km = new Float64Array(0)
  private candidates = new Int32Array(0)
  private firstCell = new Int32Array(0)
  /** Per-slot marks for the point scan, stamped so nothing is cleared between queries. */
  private mark = new Int32Array(0)
  private stamp = 0

  constructor(private readonly columns: Columns) {}

  /** The query's matches among the listings holding its words (`text`, null when it has none). */
  match(query: SearchQuery, text: WordMatches | null): Matches {
    this.reserve(this.columns.slotCount)
    const area = areaTest(query)
    let candidates: Int32Array = this.candidates
    let n: number
    if (text) {
      candidates = text.slots
      n = text.count
    } else if (area) n = this.scanArea(area)
    else n = this.everySlot()
    const near = query.near
    const count = this.narrow(candidates, n, filterTest(this.columns, query), area, near, !text && area !== null)
    return { count, slots: this.slots, cells: this.cells, km: near ? this.km : null, text }
  }

  /** Candidates of a query with an area and no words: the slots with a point in it, each with its first such point. */
  private scanArea(area: PointTest): number {
    const points = this.columns.points
    const key = this.nextStamp()
    const lat = points.column('lat')
    const lng = points.column('lng')
    const slotOf = points.column('slot')
    let n = 0
    for (let cell = 0, used = points.used; cell < used; cell++) {
      const slot = f64(slotOf, cell)
      if (slot < 0 || this.mark[slot] === key || !area(f64(lat, cell), f64(lng, cell))) continue
      this.mark[slot] = key
      this.firstCell[n] = cell // a slot's cells are contiguous and scanned in order: its first in the area
      this.candidates[n++] = slot
    }
    return n
  }

  /** Candidates of a query with neither words nor an area: every listing. */
  private everySlot(): number {
    const c = this.columns
    let n = 0
    for (let slot = 0, end = c.slotCount; slot < end; slot++) if (c.alive[slot]) this.candidates[n++] = slot
    return n
  }

  /** Keeps the candidates the filters accept and that have a point in the area, each with its best point; returns how many. */
  private narrow(candidates: Int32Array, n: number, accepts: ((slot: number) => boolean) | null, area: PointTest | null, near: SearchQuery['near'], scanned: boolean): number {
    const { slots, cells } = this
    const { points } = this.columns
    const lat = points.column('lat')
    const lng = points.column('lng')
    let count = 0
    for (let i = 0; i < n; i++) {
      const slot = i32(candidates, i)
      if (accepts && !accepts(slot)) continue
      let best: number
      if (scanned && !near) best = i32(this.firstCell, i) // the area scan found it already
      else if (area || near) best = this.bestCell(slot, area, near, count, lat, lng)
      else best = points.end(slot) > points.first(slot) ? points.first(slot) : -1 // any point will do: the first
      if (area && best === -1) continue
      slots[count] = slot
      cells[count++] = best
    }
    return count
  }

  /**
   * A slot's best point: the nearest to `near` (its distance written to
   * `km[at]`), else its first in the area; -1 when it has none there.
   * The point columns come from the caller: looked up once per query, not per slot.
   */
  private bestCell(slot: number, area: PointTest | null, near: SearchQuery['near'], at: number, lat: Float64Array, lng: Float64Array): number {
    const points = this.columns.points
    let best = -1
    let bestKm = Infinity
    for (let cell = points.first(slot), end = points.end(slot); cell < end; cell++) {
      const y = f64(lat, cell)
      const x = f64(lng, cell)
      if (area && !area(y, x)) continue
      if (!near) return cell
      const d = haversineKm(near.lat, near.lng, y, x)
      if (best === -1 || d < bestKm) {
        best = cell
        bestKm = d
      }
    }
    this.km[at] = bestKm
    return best
  }

  private reserve(slots: number): void {
    if (this.slots.length >= slots) return
    const size = Math.max(slots, this.slots.length * 2, 1024)
    this.slots = new Int32Array(size)
    this.cells = new Int32Array(size)
    this.km = new Float64Array(size)
    this.candidates = new Int32Array(size)
    this.firstCell = new Int32Array(size)
    const mark = new Int32Array(size)
    mark.set(this.mark)
    this.mark = mark
  }

  private nextStamp(): number {
    if (this.stamp >= 0x3fffffff) {
      this.mark.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }
}
