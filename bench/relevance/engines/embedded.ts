/** Tejido's embedded engine, through the SearchIndex port, as the app builds it (no options). */
import { EmbeddedSearchIndex } from '../../../src/search/embedded/engine'
import { DEFAULT_QUERY } from '../../../src/search/query'
import type { SearchIndex } from '../../../src/search/search-index'
import { ORIGIN, type CorpusEntry } from '../corpus'
import type { QuerySpec } from '../queries'
import type { Engine, Hit } from './engine'

/** The embedded engine under test, fed the corpus listings as the indexer would feed it. */
export class EmbeddedEngine implements Engine {
  readonly name = 'embedded'
  readonly setup = 'Tejido\'s embedded engine through the SearchIndex port: the query text only (q), page 1 of 20, the reader\'s language; whatever synonyms, places and relaxation it knows are its own.'
  private readonly engine: SearchIndex = new EmbeddedSearchIndex(ORIGIN)

  async index(corpus: readonly CorpusEntry[]): Promise<void> {
    for (const e of corpus) await this.engine.upsert(e.listing)
  }

  async search(query: QuerySpec): Promise<Hit[]> {
    const r = await this.engine.search({ ...DEFAULT_QUERY, q: query.q, lang: query.lang, perPage: 20 })
    return r.hits.map((h) => ({ id: h.id, name: h.name }))
  }
}
