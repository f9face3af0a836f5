/**
 * Walking an index's nodes (issue 13): `GET /v2/nodes` with the schema, the
 * tags and `last_updated` (nodes the index updated at or after it, in
 * seconds), 500 a page (the index's most); the index answers no more than
 * 10,000 results, so past that the walk goes through `POST /v2/export`
 * (`page_size`, `search_after`: every node of the schema in last_updated
 * order), filtering tags and last_updated itself. Yields each node's
 * summary; an index that refuses or fails stops the walk with its words.
 */
import type { FetchPolicy } from '../../federation/net/safe-fetch'
import { indexRequest, indexError, failureText, type IndexAnswer } from './index-http'

export interface IndexNodeSummary {
  profile_url: string
  /** Seconds. */
  last_updated: number
  status: string
}

export interface NodesQuery {
  indexUrl: string
  schema: string
  tags: readonly string[]
  since?: number
}

export const PAGE_SIZE = 500
export const MAX_RESULTS = 10000

export class IndexWalkError extends Error {}

async function call(method: 'GET' | 'POST', href: string, policy: FetchPolicy, body?: unknown): Promise<Record<string, unknown>> {
  const answer = await indexRequest(method, href, policy, body)
  if (!answer.ok) throw new IndexWalkError(`the index could not be reached: ${failureText(answer.error)}`)
  const res: IndexAnswer = answer.value
  if (res.status !== 200 || !res.json) throw new IndexWalkError(`the index answered ${indexError(res)}`)
  return res.json
}

/** A node as the index lists it, with the tags the export's filter needs. */
type Listed = IndexNodeSummary & { tags?: unknown }

function summaries(json: Record<string, unknown>): Listed[] {
  const data = Array.isArray(json.data) ? (json.data as Array<Record<string, unknown>>) : []
  return data.flatMap((n): Listed[] => (n && typeof n.profile_url === 'string' && typeof n.last_updated === 'number' && typeof n.status === 'string'
    ? [{ profile_url: n.profile_url, last_updated: n.last_updated, status: n.status, tags: n.tags }]
    : []))
}

function pageUrl(q: NodesQuery, page: number): string {
  const params = new URLSearchParams({ schema: q.schema, page_size: String(PAGE_SIZE), page: String(page) })
  if (q.since !== undefined) params.set('last_updated', String(q.since))
  if (q.tags.length) params.set('tags', q.tags.join(','))
  return `${q.indexUrl}/v2/nodes?${params.toString()}`
}

/** Whether an exported node is one the search would have answered (export filters by schema only). */
function wanted(q: NodesQuery, node: Listed): boolean {
  if (q.since !== undefined && node.last_updated < q.since) return false
  if (!q.tags.length) return true
  const tags = Array.isArray(node.tags) ? node.tags.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()) : []
  return q.tags.some((t) => tags.includes(t.toLowerCase()))
}

/** JSON-equal sort keys: the export's `search_after` did not move. */
const sameSort = (a: unknown[] | undefined, b: unknown[]): boolean => a !== undefined && JSON.stringify(a) === JSON.stringify(b)

/**
 * The export, page by page, for an index that said it holds `results`
 * nodes. An index that hands back the sort it was given, or pages on past
 * what it said it holds (two pages of slack, for nodes posted meanwhile),
 * would walk forever: that is an error, so the walk counts as unfinished
 * (no sweep, the mark stays).
 */
async function* exported(q: NodesQuery, policy: FetchPolicy, results: number): AsyncGenerator<IndexNodeSummary> {
  const maxPages = Math.ceil(results / PAGE_SIZE) + 2
  let after: unknown[] | undefined
  for (let page = 1; ; page++) {
    if (page > maxPages) throw new IndexWalkError(`the index's export went on past ${maxPages} pages for ${results} results; walk stopped`)
    const json = await call('POST', `${q.indexUrl}/v2/export`, policy, { schema: q.schema, page_size: PAGE_SIZE, ...(after ? { search_after: after } : {}) })
    const nodes = summaries(json)
    const sort = (json.meta as { sort?: unknown } | undefined)?.sort
    if (nodes.length && Array.isArray(sort) && sameSort(after, sort)) throw new IndexWalkError('the index\'s export answered the same page again (its sort did not move); walk stopped')
    for (const node of nodes) if (wanted(q, node)) yield { profile_url: node.profile_url, last_updated: node.last_updated, status: node.status }
    if (!nodes.length || !Array.isArray(sort)) return
    after = sort
  }
}

/** Every node the query matches, page by page (or through the export past 10,000). */
export async function* walkNodes(q: NodesQuery, policy: FetchPolicy): AsyncGenerator<IndexNodeSummary> {
  const first = await call('GET', pageUrl(q, 1), policy)
  const meta = (first.meta ?? {}) as { number_of_results?: unknown; total_pages?: unknown }
  if (typeof meta.number_of_results === 'number' && meta.number_of_results > MAX_RESULTS) {
    yield* exported(q, policy, meta.number_of_results)
    return
  }
  // at most 10,000 results (20 pages) whatever total_pages says, so this paging always ends
  const pages = typeof meta.total_pages === 'number' ? meta.total_pages : 1
  yield* summaries(first).map(({ profile_url, last_updated, status }) => ({ profile_url, last_updated, status }))
  for (let page = 2; page <= pages && page * PAGE_SIZE <= MAX_RESULTS; page++) {
    for (const { profile_url, last_updated, status } of summaries(await call('GET', pageUrl(q, page), policy))) yield { profile_url, last_updated, status }
  }
}
