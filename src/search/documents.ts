/**
 * What search keeps of a listing: its text in every language (service labels
 * included, so "alojamiento" finds hosting), its facets and its points.
 */
import type { Listing } from '../directory/listing'
import { SERVICES } from '../directory/vocabulary'
import { unescapeHtml } from '../support/escape-html'

export interface SearchEntry {
  id: string
  slug: string
  url: string
  origin: string
  kind: string
  accepting?: boolean
  services: string[]
  languages: string[]
  countries: string[]
  names: Record<string, string>
  summaries: Record<string, string>
  defaultLanguage: string
  updated: number
  lastVerified: number
  points: Array<{ lat: number; lng: number; name?: string; country?: string }>
  /** Tags the listing gives itself (searched with its services). */
  tags: string[]
  /** Demo data, fictional: shown as "Example listing". */
  example?: true
}

/** Every label of each service, in every language, as one string. */
export const serviceLabels = new Map(SERVICES.map((s) => [s.id, Object.values(s.labels).join(' ')]))

// `[^<>]`, not `[^>]`: a run of '<' without '>' would rescan the rest of the text from each '<' (quadratic).
const TAG_OR_NBSP = /<[^<>]*>|&nbsp;/g
const ODD_SPACE = /\s{2,}|[^\S ]/ // anything but single plain spaces

/**
 * Summary HTML as plain text: tags become spaces, the entities sanitize-html
 * emits are decoded, runs of white space become one. Each pass runs only when
 * it has something to do (eight unconditional passes were a fifth of an index build).
 */
export function plainText(html: string): string {
  let text = html.includes('<') || html.includes('&nbsp;') ? html.replace(TAG_OR_NBSP, ' ') : html
  text = unescapeHtml(text)
  if (ODD_SPACE.test(text)) text = text.replace(/\s+/g, ' ')
  return text.trim()
}

export function toEntry(listing: Listing): SearchEntry {
  const lang = listing.defaultLanguage ?? 'en'
  const names: Record<string, string> = { ...(listing.nameMap ?? {}) }
  names[lang] ??= listing.name
  const summaries: Record<string, string> = {}
  for (const [l, html] of Object.entries(listing.summaryMap ?? {})) summaries[l] = plainText(html)
  if (listing.summary) summaries[lang] ??= plainText(listing.summary)
  const points = (listing.location ?? []).map((p) => {
    const point: SearchEntry['points'][number] = { lat: p.latitude, lng: p.longitude }
    if (p.name) point.name = p.name
    if (p.country) point.country = p.country
    return point
  })
  const countries = new Set<string>()
  for (const p of listing.location ?? []) if (p.country) countries.add(p.country)
  for (const r of listing.regionsServed ?? []) if (r !== 'remote') countries.add(r.slice(0, 2))
  const services = listing.services ?? []
  return {
    id: listing.id,
    slug: listing.slug,
    url: listing.id,
    origin: listing.origin,
    kind: listing.kind,
    ...(listing.acceptingClients !== undefined ? { accepting: listing.acceptingClients } : {}),
    services,
    languages: listing.languages ?? [],
    countries: [...countries],
    names,
    summaries,
    defaultLanguage: lang,
    updated: listing.updated.getTime(),
    lastVerified: listing.provenance.lastVerified.getTime(),
    points,
    tags: listing.tags ?? [],
    ...(listing.example ? { example: true as const } : {})
  }
}

/** Every name of a listing (its own first), as one searchable text. */
export const namesText = (listing: Pick<Listing, 'name'>, entry: Pick<SearchEntry, 'names'>): string => [...new Set([listing.name, ...Object.values(entry.names)])].join(' ')

/** Every summary of a listing, as one searchable text. */
export const summariesText = (entry: Pick<SearchEntry, 'summaries'>): string => Object.values(entry.summaries).join(' ')

/** A listing's services as searchable text: ids, labels in every language, and its tags. */
export const servicesText = (entry: Pick<SearchEntry, 'services' | 'tags'>): string =>
  [...entry.services, ...entry.services.map((s) => serviceLabels.get(s) ?? ''), ...entry.tags].join(' ')

/** The text for the reader's language: exact tag, then its base language, then the listing's default, then any. */
export function inLanguage(map: Record<string, string>, lang: string, defaultLanguage: string): string | undefined {
  return map[lang] ?? map[lang.split('-')[0] as string] ?? map[defaultLanguage] ?? Object.values(map)[0]
}

/** A summary cut for result lists. */
export const excerpt = (text: string): string => (text.length > 200 ? `${text.slice(0, 199).trimEnd()}…` : text)
