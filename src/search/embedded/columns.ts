/**
 * The embedded engine's filterable data, one slot per listing, in columns:
 * facets coded as small integers, dates and coordinates in typed arrays, so
 * filters, geo scans and facet counts walk flat numbers, not objects. Slots
 * of removed listings are reused; variable-length values live in regions.
 */
import { Regions } from './regions'

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

  /** Codes of values known here; unknown values can match nothing. */
  lookup(values: string[]): number[] {
    return values.map((v) => this.codes.get(v)).filter((c): c is number => c !== undefined)
  }

  get size(): number {
    return this.values.length
  }
}

export function grown<T extends Float64Array | Int32Array | Int8Array | Uint16Array>(array: T, size: number, make: (n: number) => T): T {
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
  readonly kinds = new Codes()
  readonly origins = new Codes()
  readonly services = new Codes()
  readonly languages = new Codes()
  readonly countries = new Codes()

  alive = new Int8Array(0)
  kind = new Uint16Array(0)
  origin = new Uint16Array(0)
  /** -1 unknown, 0 no, 1 yes. */
  accepting = new Int8Array(0)
  updated = new Float64Array(0)
  lastVerified = new Float64Array(0)
  readonly serviceCodes = new Regions(['code'])
  readonly languageCodes = new Regions(['code'])
  readonly countryCodes = new Regions(['code'])
  /** Points: a slot's cells are contiguous; `slot` is -1 in a freed cell. */
  readonly points = new Regions(['lat', 'lng', 'slot'])

  private slots = 0
  private readonly freeSlots: number[] = []

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
    for (let cell = this.points.start[slot] as number, end = cell + (this.points.length[slot] as number); cell < end; cell++) slotOfCell[cell] = -1
    for (const r of [this.serviceCodes, this.languageCodes, this.countryCodes, this.points]) r.free(slot)
    this.freeSlots.push(slot)
  }

  clear(): void {
    this.slots = 0
    this.freeSlots.length = 0
    this.alive.fill(0)
    for (const r of [this.serviceCodes, this.languageCodes, this.countryCodes, this.points]) r.clear()
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
