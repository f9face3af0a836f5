/**
 * An index whose export never ends must not make the walk loop (issue 13,
 * review 4): one that hands back the sort it was given, and one whose sort
 * moves but pages on past the number of results it said it holds, both
 * stop the walk with an error (so an import counts it unfinished).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { walkNodes, IndexWalkError, PAGE_SIZE } from '../../src/exchange/murmurations-index/nodes-walk'
import { parseAllowList } from '../../src/federation/net/address-policy'

const policy = { allow: parseAllowList(['127.0.0.1']), timeoutMs: 5000, maxBytes: 4 << 20, maxRedirects: 0, userAgent: 'test' }

/** An index past 10,000 results whose export answers `page(n)` to its n-th call. */
async function endlessIndex(page: (n: number) => { data: unknown[]; meta: { sort: unknown[] } }) {
  let exports = 0
  const server = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' })
      if (req.url?.startsWith('/v2/nodes')) return res.end(JSON.stringify({ data: [], meta: { number_of_results: 10_001, total_pages: 21 } }))
      res.end(JSON.stringify(page(++exports)))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, exports: () => exports, close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()) }) }
}

const node = (i: number) => ({ profile_url: `https://n${i}.example/p.json`, last_updated: 1000 + i, status: 'posted' })

async function walkAll(indexUrl: string): Promise<{ seen: number; error: unknown }> {
  let seen = 0
  try {
    for await (const _ of walkNodes({ indexUrl, schema: 'organizations_schema-v1.0.0', tags: [] }, policy)) seen++
    return { seen, error: undefined }
  } catch (e) {
    return { seen, error: e }
  }
}

test('an export answering the same page and sort again stops with an error, after one repeat', async () => {
  const index = await endlessIndex(() => ({ data: [node(1)], meta: { sort: [1001, 'a'] } }))
  try {
    const { seen, error } = await walkAll(index.url)
    expect(error).toBeInstanceOf(IndexWalkError)
    expect((error as Error).message).toMatch(/same page again/)
    expect(seen).toBe(1)
    expect(index.exports()).toBe(2)
  } finally {
    await index.close()
  }
})

test('an export whose sort moves but never ends stops past the pages its results need', async () => {
  const index = await endlessIndex((n) => ({ data: [node(n)], meta: { sort: [1000 + n, `id-${n}`] } }))
  try {
    const { error } = await walkAll(index.url)
    expect(error).toBeInstanceOf(IndexWalkError)
    const pages = Math.ceil(10_001 / PAGE_SIZE) + 2
    expect((error as Error).message).toBe(`the index's export went on past ${pages} pages for 10001 results; walk stopped`)
    expect(index.exports()).toBe(pages)
  } finally {
    await index.close()
  }
})
