/**
 * A search as the URL of the search page: what the page's GET form sends
 * (repeated names for facet values), so a link built here, a form submitted
 * without JavaScript and search.js's history entries all read the same way.
 * The reader's language is not part of it: it is the reader's, not the search's.
 * A place typed in the "near" field is carried as typed (`place`), and read
 * again on each request, rather than as the point it was read as.
 */
import { DEFAULT_QUERY, type SearchQuery } from '../../../search/query'

const LISTS = ['service', 'language', 'kind', 'country', 'origin'] as const

/** The query string of a search, defaults left out; `place`, the "near" field's text, stands for `near` when given. */
export function searchParams(query: SearchQuery, place = ''): URLSearchParams {
  const params = new URLSearchParams()
  if (query.q) params.set('q', query.q)
  if (place) params.set('place', place)
  for (const name of LISTS) for (const value of query[name]) params.append(name, value)
  if (query.accepting !== undefined) params.set('accepting', String(query.accepting))
  if (query.near && !place) params.set('near', `${query.near.lat},${query.near.lng}`)
  if (query.radius !== undefined) params.set('radius', String(query.radius))
  if (query.bbox) params.set('bbox', [query.bbox.minLng, query.bbox.minLat, query.bbox.maxLng, query.bbox.maxLat].join(','))
  if (query.sort !== DEFAULT_QUERY.sort) params.set('sort', query.sort)
  if (query.perPage !== DEFAULT_QUERY.perPage) params.set('perPage', String(query.perPage))
  if (query.page !== DEFAULT_QUERY.page) params.set('page', String(query.page))
  return params
}

/** The search page's URL for a search (on its page of results). */
export function searchHref(query: SearchQuery, place = ''): string {
  const search = searchParams(query, place).toString()
  return search ? `/?${search}` : '/'
}

/** The search page's URL for this search on another page of results. */
export function pageHref(query: SearchQuery, page: number, place = ''): string {
  return searchHref({ ...query, page }, place)
}
