/**
 * The embedded engine's filterable data, one slot per listing, in columns:
 * facets coded as small integers, dates and coordinates in typed arrays, so
 * filters, geo scans and facet counts walk flat numbers, not objects. Slots
 * of removed listings are reused; variable-length values live in regions.
 */
import { Regions, type RegionsSnapshot } from './regions'
import { bytesOf, int8s, uint16s, float64s } from './snapshot-bytes'
import * as cells from './cells'

// bound once, not read through the import in hot loops (see cells.ts)
const { u16 } = cells

export interface ColumnsSnapshot {
  slots: number
  freeSlots: number[]
  codes: Record<'kinds' | 'origins' | 'services' | 'languages' | 'countries', string[]>
  alive: Buffer; kind: Buffer; origin: Buffer; accepting: Buffer; updated: Buffer; lastVerified: Buffer
  regions: Record<'serviceCodes' | 'languageCodes' | 'countryCodes' | 'points', RegionsSnapshot>
}

/** Strings to dense integer codes, for one facet. */
export class Codes {
  private readonly codes = new Map<string, number>()
  readonly values: string[] = []

  code(value: string): number {
    let c = this.codes.get(value)
    if (c === undefined) {
      c = this.values.length
      this.codes.set(value, c)
      this.values.push(value)
    }
    return c
  }

  /** The value of a code given out here. */
  name(code: number): string {
    return this.values[code] as string
  }

  static of(values: string[]): Codes {
    const codes = new Codes()
    for (const v of values) codes.code(v)
    return codes
  }

  /** Codes of values known here; unknown values can match nothing. */
  lookup(values: string[]): number[] {
    return values.map((v) => this.codes.get(v)).filter((c): c is number => c !== undefined)
  }

  get size(): number {
    return this.values.length
  }
}

function grown<T extends Float64Array | Int32Array | Int8Array | Uint16Array>(array: T, size: number, make: (n: number) => T): T {
  if (size <= array.length) return array
  const next = make(Math.max(size, array.length * 2, 1024))
  next.set(array)
  return next
}

export interface SlotValues {
  kind: string
  origin: string
  accepting?: boolean
  updated: number
  lastVerified: number
  services: string[]
  languages: string[]
  countries: string[]
  points: Array<{ lat: number; lng: number }>
}

export class Columns {
  kinds = new Codes()
  origins = new Codes()
  services = new Codes()
  languages = new Codes()
  countries = new Codes()

  alive: Int8Array = new Int8Array(0)
  kind: Uint16Array = new Uint16Array(0)
  origin: Uint16Array = new Uint16Array(0)
  /** -1 unknown, 0 no, 1 yes. */
  accepting: Int8Array = new Int8Array(0)
  updated: Float64Array = new Float64Array(0)
  lastVerified: Float64Array = new Float64Array(0)
  readonly serviceCodes = new Regions(['code'])
  readonly languageCodes = new Regions(['code'])
  readonly countryCodes = new Regions(['code'])
  /** Points: a slot's cells are contiguous; `slot` is -1 in a freed cell. */
  readonly points = new Regions(['lat', 'lng', 'slot'])

  private slots = 0
  private readonly freeSlots: number[] = []

  /** A slot's kind, as a string. */
  kindOf(slot: number): string {
    return this.kinds.name(u16(this.kind, slot))
  }

  /** A slot's origin, as a string. */
  originOf(slot: number): string {
    return this.origins.name(u16(this.origin, slot))
  }

  /** One past the highest slot ever used. */
  get slotCount(): number {
    return this.slots
  }

  add(values: SlotValues): number {
    const slot = this.freeSlots.pop() ?? this.slots++
    if (slot >= this.alive.length) this.grow(slot + 1)
    this.alive[slot] = 1
    this.kind[slot] = this.kinds.code(values.kind)
    this.origin[slot] = this.origins.code(values.origin)
    this.accepting[slot] = values.accepting === undefined ? -1 : values.accepting ? 1 : 0
    this.updated[slot] = values.updated
    this.lastVerified[slot] = values.lastVerified
    this.serviceCodes.set(slot, { code: values.services.map((s) => this.services.code(s)) })
    this.languageCodes.set(slot, { code: values.languages.map((l) => this.languages.code(l)) })
    this.countryCodes.set(slot, { code: values.countries.map((c) => this.countries.code(c)) })
    this.points.set(slot, { lat: values.points.map((p) => p.lat), lng: values.points.map((p) => p.lng), slot: values.points.map(() => slot) })
    return slot
  }

  remove(slot: number): void {
    if (!this.alive[slot]) return
    this.alive[slot] = 0
    const slotOfCell = this.points.column('slot')
    for (let cell = this.points.first(slot), end = this.points.end(slot); cell < end; cell++) slotOfCell[cell] = -1
    for (const r of [this.serviceCodes, this.languageCodes, this.countryCodes, this.points]) r.free(slot)
    this.freeSlots.push(slot)
  }

  clear(): void {
    this.slots = 0
    this.freeSlots.length = 0
    this.alive.fill(0)
    for (const r of [this.serviceCodes, this.languageCodes, this.countryCodes, this.points]) r.clear()
  }

  snapshot(): ColumnsSnapshot {
    const n = this.slots
    return {
      slots: n, freeSlots: [...this.freeSlots],
      codes: { kinds: this.kinds.values, origins: this.origins.values, services: this.services.values, languages: this.languages.values, countries: this.countries.values },
      alive: bytesOf(this.alive.subarray(0, n)), kind: bytesOf(this.kind.subarray(0, n)), origin: bytesOf(this.origin.subarray(0, n)),
      accepting: bytesOf(this.accepting.subarray(0, n)), updated: bytesOf(this.updated.subarray(0, n)), lastVerified: bytesOf(this.lastVerified.subarray(0, n)),
      regions: { serviceCodes: this.serviceCodes.snapshot(), languageCodes: this.languageCodes.snapshot(), countryCodes: this.countryCodes.snapshot(), points: this.points.snapshot() }
    }
  }

  restore(s: ColumnsSnapshot): void {
    this.slots = s.slots
    this.freeSlots.splice(0, this.freeSlots.length, ...s.freeSlots)
    this.kinds = Codes.of(s.codes.kinds)
    this.origins = Codes.of(s.codes.origins)
    this.services = Codes.of(s.codes.services)
    this.languages = Codes.of(s.codes.languages)
    this.countries = Codes.of(s.codes.countries)
    const size = Math.max(1024, s.slots)
    const into = <T extends Int8Array | Uint16Array | Float64Array>(make: (n: number) => T, values: Int8Array | Uint16Array | Float64Array): T => {
      const column = make(size)
      column.set(values as never)
      return column
    }
    this.alive = into((n) => new Int8Array(n), int8s(s.alive))
    this.kind = into((n) => new Uint16Array(n), uint16s(s.kind))
    this.origin = into((n) => new Uint16Array(n), uint16s(s.origin))
    this.accepting = into((n) => new Int8Array(n), int8s(s.accepting))
    this.updated = into((n) => new Float64Array(n), float64s(s.updated))
    this.lastVerified = into((n) => new Float64Array(n), float64s(s.lastVerified))
    this.serviceCodes.restore(s.regions.serviceCodes)
    this.languageCodes.restore(s.regions.languageCodes)
    this.countryCodes.restore(s.regions.countryCodes)
    this.points.restore(s.regions.points)
  }

  private grow(size: number): void {
    this.alive = grown(this.alive, size, (n) => new Int8Array(n))
    this.kind = grown(this.kind, size, (n) => new Uint16Array(n))
    this.origin = grown(this.origin, size, (n) => new Uint16Array(n))
    this.accepting = grown(this.accepting, size, (n) => new Int8Array(n))
    this.updated = grown(this.updated, size, (n) => new Float64Array(n))
    this.lastVerified = grown(this.lastVerified, size, (n) => new Float64Array(n))
  }
}
