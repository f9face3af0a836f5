/** Where the search engine is chosen: Meilisearch when MEILI_URL is set, else the embedded engine. */
import path from 'node:path'
import type { Config } from '../config/config'
import type { SearchIndex } from '../search/search-index'
import { EmbeddedSearchIndex } from '../search/embedded/engine'
import { MeiliSearchIndex } from '../search/meilisearch/engine'

/** Where the embedded index is saved between runs: in DATA_DIR, when the embedded store lives there too. */
export function embeddedSnapshotPath(config: Pick<Config, 'meiliUrl' | 'mongodbUrl' | 'dataDir'>): string | undefined {
  return config.meiliUrl || config.mongodbUrl ? undefined : path.join(config.dataDir, 'search-index.snapshot')
}

export async function openSearch(config: Pick<Config, 'meiliUrl' | 'meiliMasterKey' | 'publicUrl'>): Promise<SearchIndex> {
  if (!config.meiliUrl) return new EmbeddedSearchIndex(config.publicUrl)
  try {
    return await MeiliSearchIndex.connect(config.meiliUrl, config.meiliMasterKey, config.publicUrl)
  } catch (e) {
    throw new Error(`Meilisearch at MEILI_URL (${config.meiliUrl}) could not be set up: ${(e as Error).message}`, { cause: e })
  }
}
