/**
 * A Murmurations index on a loopback port, following the index API
 * description (MurmurationsServices api/rest/v2/index.yaml) for the calls
 * Tejido makes: POST /v2/nodes-sync (fetches the profile_url, no redirects,
 * validates it against its linked schema, answers posted or the errors),
 * GET and DELETE /v2/nodes/{node_id} (delete only once the profile is gone:
 * not 200 JSON), GET /v2/nodes (schema, last_updated ≥, tags, status, page,
 * page_size ≤ 500, no more than 10,000 results) and POST /v2/export
 * (page_size, search_after). node_id is the SHA-256 of profile_url;
 * last_updated is in seconds, from a clock the test moves. Tests can make
 * the next calls answer an error (429 with Retry-After, 503) first.
 */
import http from 'node:http'
import { createHash } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { organizationsValidator } from './murmurations-schema'

export interface IndexNode {
  node_id: string
  profile_url: string
  status: 'posted' | 'deleted' | 'validation_failed'
  last_updated: number
  profile_hash?: string
  primary_url?: string
  name?: string
  tags?: string[]
  linked_schemas?: string[]
}

export type ProfileFetcher = (url: string) => Promise<{ status: number; text: string; redirected: boolean }>

export interface FakeIndex {
  url: string
  nodes: Map<string, IndexNode>
  /** Every call, as "METHOD /path?query". */
  calls: string[]
  /** The index's clock, in seconds. */
  clock: { now: number }
  /** The next calls to `path` (e.g. "/v2/nodes-sync") answer these first. */
  failNext(path: string, ...answers: Array<{ status: number; retryAfter?: string }>): void
  close(): Promise<void>
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

const defaultFetcher: ProfileFetcher = async (url) => {
  const res = await fetch(url, { redirect: 'manual' })
  return { status: res.status, text: await res.text(), redirected: res.status >= 300 && res.status < 400 }
}

const errors = (status: number, title: string, detail: string, meta?: Record<string, string>) => ({ ...(meta ? { meta } : {}), errors: [{ status, title, detail }] })

const FAULT_TITLES: Record<number, string> = { 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' }

interface Answer { status: number; body: unknown; headers?: Record<string, string> }

export async function startFakeIndex(options: { fetchProfile?: ProfileFetcher } = {}): Promise<FakeIndex> {
  const validate = organizationsValidator()
  const fetchProfile = options.fetchProfile ?? defaultFetcher
  const nodes = new Map<string, IndexNode>()
  const calls: string[] = []
  const clock = { now: 1_700_000_000 }
  const faults = new Map<string, Array<{ status: number; retryAfter?: string }>>()

  const readProfile = async (profileUrl: string): Promise<{ ok: true; profile: Record<string, unknown>; text: string } | { ok: false; answer: Answer }> => {
    const meta = { node_id: sha256(profileUrl), profile_url: profileUrl }
    const got = await fetchProfile(profileUrl).catch(() => null)
    if (got?.redirected) return { ok: false, answer: { status: 400, body: errors(400, 'No Redirects', 'The profile data must be located at the URL specified. Redirects are not supported by the index.') } }
    let profile: unknown
    try {
      profile = got && got.status === 200 ? JSON.parse(got.text) : undefined
    } catch { /* not JSON: not found, as the index says */ }
    if (!profile || typeof profile !== 'object') return { ok: false, answer: { status: 404, body: errors(404, 'Profile Not Found', `Could not find or read from (invalid JSON) the profile_url: ${profileUrl}`, meta) } }
    return { ok: true, profile: profile as Record<string, unknown>, text: got?.text ?? '' }
  }

  const sync = async (body: Record<string, unknown>): Promise<Answer> => {
    const profileUrl = body.profile_url
    if (typeof profileUrl !== 'string') return { status: 400, body: errors(400, 'Missing Required Property', 'The `profile_url` property is required.') }
    const id = sha256(profileUrl)
    const read = await readProfile(profileUrl)
    if (!read.ok) return read.answer
    const schemas = Array.isArray(read.profile.linked_schemas) ? read.profile.linked_schemas : []
    if (!schemas.includes('organizations_schema-v1.0.0')) return { status: 400, body: errors(400, 'Schema Not Found', `Could not locate the following schema in the library: ${String(schemas[0])}`) }
    if (!validate(read.profile)) {
      nodes.set(id, { node_id: id, profile_url: profileUrl, status: 'validation_failed', last_updated: clock.now })
      return { status: 400, body: { meta: { node_id: id, profile_url: profileUrl }, errors: (validate.errors ?? []).map((e) => ({ status: 400, source: { pointer: e.instancePath || '/' }, title: 'Invalid Value', detail: e.message ?? 'invalid' })) } }
    }
    const hash = sha256(read.text)
    const old = nodes.get(id)
    const p = read.profile
    // reposted with no change: the same last_updated (as the index's node service)
    const last = old && old.status === 'posted' && old.profile_hash === hash ? old.last_updated : clock.now
    const node: IndexNode = { node_id: id, profile_url: profileUrl, status: 'posted', last_updated: last, profile_hash: hash, linked_schemas: schemas as string[], ...(typeof p.primary_url === 'string' ? { primary_url: p.primary_url } : {}), ...(typeof p.name === 'string' ? { name: p.name } : {}), ...(Array.isArray(p.tags) ? { tags: p.tags as string[] } : {}) }
    nodes.set(id, node)
    return { status: 200, body: { data: { node_id: id, profile_url: profileUrl, status: 'posted', last_updated: node.last_updated, profile_hash: hash } } }
  }

  const remove = async (id: string): Promise<Answer> => {
    const node = nodes.get(id)
    if (!node) return { status: 404, body: errors(404, 'Node Not Found', `Could not locate the following node_id in the index: ${id}`, { node_id: id }) }
    const read = await readProfile(node.profile_url)
    if (read.ok) return { status: 400, body: errors(400, 'Profile Still Exists', `The profile could not be deleted from the index because it still exists at the profile_url: ${node.profile_url}`, { node_id: id, profile_url: node.profile_url }) }
    nodes.set(id, { ...node, status: 'deleted', last_updated: clock.now })
    return { status: 200, body: { meta: { message: `The index has recorded as deleted the profile that was previously posted at: ${node.profile_url}` } } }
  }

  const visible = () => [...nodes.values()].filter((n) => n.status !== 'validation_failed').sort((a, b) => a.last_updated - b.last_updated || a.node_id.localeCompare(b.node_id))
  const schemaMatch = (n: IndexNode, schema: string | null) => !schema || (n.linked_schemas ?? []).some((s) => s.startsWith(schema))

  const search = (query: URLSearchParams, base: string): Answer => {
    const page = Number(query.get('page') ?? 1)
    const size = Math.min(500, Math.max(1, Number(query.get('page_size') ?? 30)))
    if (page * size > 10000) return { status: 400, body: errors(400, 'Max Results Exceeded', 'No more than 10,000 results can be returned. Refine your query so it will return less but more relevant results.') }
    const since = Number(query.get('last_updated') ?? 0)
    const tags = (query.get('tags') ?? '').split(',').filter(Boolean)
    const status = query.get('status')
    const all = visible().filter((n) => schemaMatch(n, query.get('schema')) && n.last_updated >= since && (!status || n.status === status) && (!tags.length || tags.some((t) => (n.tags ?? []).includes(t))))
    const pages = Math.max(1, Math.ceil(all.length / size))
    const link = (n: number) => { const q = new URLSearchParams(query); q.set('page', String(n)); return `${base}/v2/nodes?${q.toString()}` }
    const data = all.slice((page - 1) * size, page * size).map(({ profile_hash: _h, node_id: _id, ...rest }) => rest)
    return { status: 200, body: { data, links: { first: link(1), self: link(page), ...(page < pages ? { next: link(page + 1) } : {}), last: link(pages) }, meta: { number_of_results: all.length, total_pages: pages } } }
  }

  const exportNodes = (body: Record<string, unknown>): Answer => {
    const size = Math.min(500, Math.max(1, Number(body.page_size ?? 100)))
    const after = Array.isArray(body.search_after) ? body.search_after : undefined
    const all = visible().filter((n) => schemaMatch(n, typeof body.schema === 'string' ? body.schema : null))
    const start = after ? all.findIndex((n) => n.last_updated > Number(after[0]) || (n.last_updated === Number(after[0]) && n.node_id > String(after[1]))) : 0
    const slice = start === -1 ? [] : all.slice(start, start + size)
    const lastNode = slice[slice.length - 1]
    return { status: 200, body: { data: slice.map(({ profile_hash: _h, node_id: _id, ...rest }) => rest), ...(lastNode ? { meta: { sort: [lastNode.last_updated, lastNode.node_id] } } : {}) } }
  }

  let base = ''
  const route = async (method: string, url: URL, body: Record<string, unknown>): Promise<Answer> => {
    const queued = faults.get(url.pathname)?.shift()
    if (queued) return { status: queued.status, body: errors(queued.status, FAULT_TITLES[queued.status] ?? 'Refused', 'try again later'), ...(queued.retryAfter ? { headers: { 'retry-after': queued.retryAfter } } : {}) }
    if (method === 'POST' && url.pathname === '/v2/nodes-sync') return sync(body)
    if (method === 'POST' && url.pathname === '/v2/export') return exportNodes(body)
    if (method === 'GET' && url.pathname === '/v2/nodes') return search(url.searchParams, base)
    const one = /^\/v2\/nodes\/([0-9a-f]{64})$/.exec(url.pathname)
    if (one && method === 'DELETE') return remove(one[1] as string)
    if (one && method === 'GET') {
      const node = nodes.get(one[1] as string)
      return node ? { status: 200, body: { data: { node_id: node.node_id, profile_url: node.profile_url, status: node.status, last_updated: node.last_updated } } } : { status: 404, body: errors(404, 'Node Not Found', 'Could not locate the node') }
    }
    return { status: 404, body: errors(404, 'Not Found', `${method} ${url.pathname}`) }
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base)
      calls.push(`${req.method} ${url.pathname}${url.search}`)
      let body: Record<string, unknown> = {}
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>) : {}
      } catch { /* an empty body, as the index treats it */ }
      void route(req.method ?? 'GET', url, body).then((answer) => {
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
        res.end(JSON.stringify(answer.body))
      })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base, nodes, calls, clock,
    failNext: (path, ...answers) => faults.set(path, [...(faults.get(path) ?? []), ...answers]),
    close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) })
  }
}
