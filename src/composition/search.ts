/** Where the search engine is chosen: Meilisearch when MEILI_URL is set, else the embedded engine. */
import type { Config } from '../config/config'
import type { SearchIndex } from '../search/search-index'
import { EmbeddedSearchIndex } from '../search/embedded/engine'
import { MeiliSearchIndex } from '../search/meilisearch/engine'

export async function openSearch(config: Pick<Config, 'meiliUrl' | 'meiliMasterKey' | 'publicUrl'>): Promise<SearchIndex> {
  if (!config.meiliUrl) return new EmbeddedSearchIndex(config.publicUrl)
  try {
    return await MeiliSearchIndex.connect(config.meiliUrl, config.meiliMasterKey, config.publicUrl)
  } catch (e) {
    throw new Error(`Meilisearch at MEILI_URL (${config.meiliUrl}) could not be set up: ${(e as Error).message}`, { cause: e })
  }
}
