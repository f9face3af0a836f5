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
import type { TextIndex } from './text-index'

export interface Matches {
  count: number
  slots: Int32Array
  /** Best point cell per match, -1 when the listing has none. */
  cells: Int32Array
  /** Distance to `near` per match, when given. */
  km: Float64Array | null
  /** Text score by slot, when the query has words. */
  score: Float32Array | null
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
    tests.push((slot) => want[column[slot] as number] === 1)
  }
  const multi = (codes: Codes, wanted: string[], regions: Regions<'code'>) => {
    if (!wanted.length) return
    const want = new Uint8Array(codes.size)
    for (const code of codes.lookup(wanted)) want[code] = 1
    const values = regions.column('code')
    const { start, length } = regions
    tests.push((slot) => {
      for (let i = start[slot] as number, end = i + (length[slot] as number); i < end; i++) if (want[values[i] as number]) return true
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
  if (tests.length === 0) return null
  if (tests.length === 1) return tests[0] as (slot: number) => boolean
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

  constructor(private readonly columns: Columns, private readonly text: TextIndex) {}

  match(query: SearchQuery): Matches {
    const c = this.columns
    this.reserve(c.slotCount)
    const text = this.text.match(query.q)
    const area = areaTest(query)
    const accepts = filterTest(c, query)
    // 1. candidates
    let candidates: Int32Array
    let n = 0
    if (text) {
      candidates = text.slots
      n = text.count
    } else if (area) {
      candidates = this.candidates
      const key = this.nextStamp()
      const lat = c.points.column('lat')
      const lng = c.points.column('lng')
      const slotOf = c.points.column('slot')
      for (let cell = 0, used = c.points.used; cell < used; cell++) {
        const slot = slotOf[cell] as number
        if (slot < 0 || this.mark[slot] === key || !area(lat[cell] as number, lng[cell] as number)) continue
        this.mark[slot] = key
        this.firstCell[n] = cell // a slot's cells are contiguous and scanned in order: its first in the area
        candidates[n++] = slot
      }
    } else {
      candidates = this.candidates
      for (let slot = 0, end = c.slotCount; slot < end; slot++) if (c.alive[slot]) candidates[n++] = slot
    }
    // 2. filters and the best point
    const near = query.near
    const lat = c.points.column('lat')
    const lng = c.points.column('lng')
    const { start, length } = c.points
    const { slots, cells, km } = this
    const scanned = !text && area !== null
    let count = 0
    for (let i = 0; i < n; i++) {
      const slot = candidates[i] as number
      if (accepts && !accepts(slot)) continue
      if (scanned && !near) {
        slots[count] = slot
        cells[count++] = this.firstCell[i] as number
        continue
      }
      let best = -1
      let bestKm = Infinity
      for (let cell = start[slot] as number, end = cell + (length[slot] as number); cell < end; cell++) {
        const y = lat[cell] as number
        const x = lng[cell] as number
        if (area && !area(y, x)) continue
        if (!near) {
          best = cell
          break
        }
        const d = haversineKm(near.lat, near.lng, y, x)
        if (best === -1 || d < bestKm) {
          best = cell
          bestKm = d
        }
      }
      if (area && best === -1) continue
      slots[count] = slot
      cells[count] = best
      km[count] = bestKm
      count++
    }
    return { count, slots, cells, km: near ? km : null, score: text ? text.score : null }
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
