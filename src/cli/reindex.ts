/**
 * `npm run reindex`: rebuilds the search index from the store. For
 * Meilisearch (a persistent index) now; the embedded index lives in the
 * server's memory, saved between runs, so there it drops the saved copy and
 * the next start rebuilds it from the store.
 */
import fs from 'node:fs/promises'
import pino from 'pino'
import type { Config } from '../config/config'
import { openStore } from '../composition/store'
import { openSearch, embeddedSnapshotPath } from '../composition/search'
import { DocumentListingStore } from '../storage/document-listing-store'
import { SearchIndexer } from '../search/indexer'

export async function reindex(config: Config): Promise<string> {
  if (!config.meiliUrl) {
    const snapshot = embeddedSnapshotPath(config)
    if (snapshot) await fs.rm(snapshot, { force: true })
    return 'The embedded search index lives in the server: its next start rebuilds it from the store.'
  }
  const store = await openStore(config)
  try {
    const search = await openSearch(config)
    const indexer = new SearchIndexer(search, new DocumentListingStore(store.db), pino({ level: 'silent' }))
    const n = await indexer.rebuild()
    await search.flush?.()
    return `Reindexed ${n} published listings into Meilisearch at ${config.meiliUrl}.`
  } finally {
    await store.close()
  }
}
