/**
 * Page after page of one query is one order on the embedded engine: a
 * listing is on exactly one page, even when many tie on every sort key
 * (found when an export walked a search's pages: ties were taken in slot
 * order, then sorted by id, so some listings came twice and others never).
 */
import { EmbeddedSearchIndex } from '../../src/search/embedded/engine'
import { DEFAULT_QUERY, type SearchQuery } from '../../src/search/query'
import type { Listing } from '../../src/directory/listing'

const at = new Date(Date.UTC(2026, 0, 1))
/** Listings alike in everything the order looks at; slugs given in shuffled order, so slots and ids disagree. */
const alike = (i: number): Listing => ({
  slug: `l${i}`, name: 'Cooperativa Igual', kind: 'worker-coop', services: ['web-hosting'], languages: ['es'], location: [{ latitude: 17, longitude: -96.7 }],
  id: `https://t.test/orgs/l${i}`, origin: 'https://t.test', published: at, updated: at, moderation: 'approved', version: 1,
  provenance: { origin: 'https://t.test', via: 'local', firstSeen: at, lastVerified: at }
})

test.each([
  ['a facet', { kind: ['worker-coop'] }],
  ['words', { q: 'cooperativa' }],
  ['everything', {}]
])('%s: every tied listing on exactly one page', async (_what, filters: Partial<SearchQuery>) => {
  const index = new EmbeddedSearchIndex('https://t.test')
  const order = Array.from({ length: 250 }, (_, i) => (i * 97) % 250)
  for (const i of order) await index.upsert(alike(i))
  const seen: string[] = []
  for (let page = 1; page <= 13; page++) seen.push(...(await index.search({ ...DEFAULT_QUERY, ...filters, page, perPage: 20 })).hits.map((h) => h.id))
  expect(seen).toHaveLength(250)
  expect(new Set(seen).size).toBe(250)
})
