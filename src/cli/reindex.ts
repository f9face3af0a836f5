/**
 * `npm run reindex`: rebuilds the search index from the store. Meaningful for
 * Meilisearch (a persistent index); the embedded index lives in the server's
 * memory and is rebuilt at every start, so there it only reports that.
 */
import pino from 'pino'
import type { Config } from '../config/config'
import { openStore } from '../composition/store'
import { openSearch } from '../composition/search'
import { DocumentListingStore } from '../storage/listing-store'
import { SearchIndexer } from '../search/indexer'
import { MeiliSearchIndex } from '../search/meilisearch/engine'

export async function reindex(config: Config): Promise<string> {
  if (!config.meiliUrl) return 'The embedded search index is rebuilt from the store every time the server starts; nothing to do.'
  const store = await openStore(config)
  try {
    const search = await openSearch(config)
    const indexer = new SearchIndexer(search, new DocumentListingStore(store.db), pino({ level: 'silent' }))
    const n = await indexer.rebuild()
    if (search instanceof MeiliSearchIndex) await search.flush()
    return `Reindexed ${n} published listings into Meilisearch at ${config.meiliUrl}.`
  } finally {
    await store.close()
  }
}
