/**
 * Tejido's search query model, independent of any engine, and its parser
 * from HTTP query parameters. A bad parameter is named in the error.
 */
import { ok, err, type Result, type FieldError } from '../directory/result'

export type SortOrder = 'relevance' | 'distance' | 'updated'

export interface SearchQuery {
  q: string
  service: string[]
  language: string[]
  kind: string[]
  country: string[]
  origin: string[]
  accepting?: boolean
  near?: { lat: number; lng: number }
  /** Kilometres around `near`. */
  radius?: number
  bbox?: { minLng: number; minLat: number; maxLng: number; maxLat: number }
  sort: SortOrder
  page: number
  perPage: number
  /** The reader's language, for names and excerpts. */
  lang: string
}

export const DEFAULT_QUERY: SearchQuery = { q: '', service: [], language: [], kind: [], country: [], origin: [], sort: 'relevance', page: 1, perPage: 20, lang: 'en' }

type Params = Record<string, unknown>

function list(params: Params, name: string): string[] {
  const raw = [params[name], params[`${name}[]`]].flat().filter((v) => v !== undefined)
  return raw.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean)
}

function single(params: Params, name: string): string | undefined {
  const v = params[name]
  if (v === undefined) return undefined
  return Array.isArray(v) ? String(v[v.length - 1]) : String(v)
}

const numbers = (raw: string, n: number): number[] | null => {
  const parts = raw.split(',').map((s) => Number(s.trim()))
  return parts.length === n && parts.every((x) => Number.isFinite(x)) && raw.trim() !== '' ? parts : null
}

export function parseSearchQuery(params: Params): Result<SearchQuery, FieldError[]> {
  const errors: FieldError[] = []
  const query: SearchQuery = { ...DEFAULT_QUERY, service: list(params, 'service'), language: list(params, 'language'), kind: list(params, 'kind'), country: list(params, 'country').map((c) => c.toUpperCase()), origin: list(params, 'origin') }
  const q = single(params, 'q') ?? ''
  if (q.length > 200) errors.push({ field: 'q', message: 'must be at most 200 characters' })
  query.q = q.trim()
  const accepting = single(params, 'accepting')
  if (accepting !== undefined) {
    if (accepting !== 'true' && accepting !== 'false') errors.push({ field: 'accepting', message: 'must be true or false' })
    else query.accepting = accepting === 'true'
  }
  const near = single(params, 'near')
  if (near !== undefined) {
    const n = numbers(near, 2)
    if (!n || Math.abs(n[0] as number) > 90 || Math.abs(n[1] as number) > 180) errors.push({ field: 'near', message: 'must be lat,lng' })
    else query.near = { lat: n[0] as number, lng: n[1] as number }
  }
  const radius = single(params, 'radius')
  if (radius !== undefined) {
    const r = Number(radius)
    if (!Number.isFinite(r) || r <= 0 || r > 20040) errors.push({ field: 'radius', message: 'must be kilometres, more than 0 and at most 20040' })
    else if (!query.near && near === undefined) errors.push({ field: 'radius', message: 'needs near=lat,lng' })
    else query.radius = r
  }
  const bbox = single(params, 'bbox')
  if (bbox !== undefined) {
    const b = numbers(bbox, 4)
    if (!b || b.some((x, i) => Math.abs(x) > (i % 2 === 0 ? 180 : 90)) || (b[1] as number) > (b[3] as number)) errors.push({ field: 'bbox', message: 'must be minLng,minLat,maxLng,maxLat' })
    else query.bbox = { minLng: b[0] as number, minLat: b[1] as number, maxLng: b[2] as number, maxLat: b[3] as number }
  }
  const sort = single(params, 'sort')
  if (sort !== undefined) {
    if (sort !== 'relevance' && sort !== 'distance' && sort !== 'updated') errors.push({ field: 'sort', message: 'must be relevance, distance or updated' })
    else if (sort === 'distance' && !query.near && near === undefined) errors.push({ field: 'sort', message: 'distance needs near=lat,lng' })
    // Bounded on every engine: an unbounded geo sort is slow on Meilisearch (#3581).
    else if (sort === 'distance' && radius === undefined && bbox === undefined) errors.push({ field: 'sort', message: 'distance needs a radius or a bbox' })
    else query.sort = sort
  }
  for (const [name, max] of [['page', 10000], ['perPage', 100]] as const) {
    const raw = single(params, name)
    if (raw === undefined) continue
    if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) errors.push({ field: name, message: `must be an integer from 1 to ${max}` })
    else query[name] = Number(raw)
  }
  const lang = single(params, 'lang')
  if (lang !== undefined) {
    if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang)) errors.push({ field: 'lang', message: 'must be a language tag such as es or pt-BR' })
    else query.lang = lang
  }
  for (const o of query.origin) {
    try {
      if (new URL(o).origin !== o.replace(/\/$/, '')) throw new Error()
    } catch {
      errors.push({ field: 'origin', message: 'must be scheme://host[:port]' })
      break
    }
  }
  return errors.length ? err(errors) : ok(query)
}
