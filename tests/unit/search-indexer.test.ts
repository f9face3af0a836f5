/**
 * The indexer's snapshot policy across engines: only an index that lives in
 * memory (the port's optional persist/restore/stamps) is saved and loaded;
 * any other engine is left to keep its own.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { SearchIndexer } from '../../src/search/indexer'
import { EmbeddedSearchIndex } from '../../src/search/embedded/engine'
import { isPersistent, type SearchIndex } from '../../src/search/search-index'
import { asListing } from '../contract/search-index.contract'

const silent = pino({ level: 'silent' })
const noStore = { all: () => { throw new Error('not used') }, stamps: async () => [], byId: async () => null }
const tmpFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-indexer-')), 'search-index.snapshot')

/** An engine that keeps its own index, as Meilisearch does: none of the optional capability. */
function ownIndex(): SearchIndex {
  const embedded = new EmbeddedSearchIndex('https://t.test')
  return {
    upsert: (l) => embedded.upsert(l), remove: (id) => embedded.remove(id), clear: () => embedded.clear(),
    search: (q) => embedded.search(q), points: (q, limit, offset) => embedded.points(q, limit, offset), count: () => embedded.count()
  }
}

test('the embedded engine offers the capability; an engine without it is neither saved nor loaded', async () => {
  expect(isPersistent(new EmbeddedSearchIndex('https://t.test'))).toBe(true)
  const own = ownIndex()
  expect(isPersistent(own)).toBe(false)
  const file = tmpFile()
  await new SearchIndexer(own, noStore, silent).save(file)
  expect(fs.existsSync(file)).toBe(false)
  const embedded = new EmbeddedSearchIndex('https://t.test')
  await embedded.upsert(asListing({ slug: 'uno', name: 'Uno', kind: 'collective' }, 1, 'https://t.test'))
  await new SearchIndexer(embedded, noStore, silent).save(file)
  expect(fs.existsSync(file)).toBe(true)
  expect(await new SearchIndexer(own, noStore, silent).load(file)).toBeNull()
})

test('a snapshot of another instance is not loaded: the caller rebuilds', async () => {
  const file = tmpFile()
  const other = new EmbeddedSearchIndex('https://other.test')
  await other.upsert(asListing({ slug: 'uno', name: 'Uno', kind: 'collective' }, 1, 'https://other.test'))
  await new SearchIndexer(other, noStore, silent).save(file)
  const index = new EmbeddedSearchIndex('https://t.test')
  expect(await new SearchIndexer(index, noStore, silent).load(file)).toBeNull()
  expect(await index.count()).toBe(0)
})
