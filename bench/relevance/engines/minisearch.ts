/**
 * MiniSearch set up as its documentation suggests for this kind of search:
 * all text fields, name boosted, prefix and fuzzy matching (0.2 × the
 * word's length in edits), OR between words (its default: BM25 ranks
 * listings matching more words first), stop words dropped and accents folded
 * in processTerm. It has no geo search (its `filter` callback would be our
 * own code, not the library's), so a place word only matches listings'
 * place text: office names, addresses, country names.
 */
import MiniSearch from 'minisearch'
import type { CorpusEntry } from '../corpus'
import type { QuerySpec } from '../queries'
import { STOP_WORDS, fold } from '../text'
import { BOOST, libraryText, type Engine, type Hit, type LibraryText } from './engine'

type Doc = LibraryText & { id: string; shown: string }

/** MiniSearch under test: one document per listing. */
export class MiniSearchEngine implements Engine {
  readonly name = 'minisearch'
  readonly setup = 'MiniSearch 7: fields name ×3, services (labels + alt labels) ×2, place ×1.5, summary; prefix, fuzzy 0.2, OR; stop words and accents in processTerm; no geo (place words match place text only).'
  private readonly mini = new MiniSearch<Doc>({
    fields: ['name', 'services', 'place', 'summary'],
    storeFields: ['shown'],
    processTerm: (term) => {
      const t = fold(term)
      return STOP_WORDS.has(t) ? null : t
    },
    searchOptions: { boost: BOOST, prefix: true, fuzzy: 0.2, combineWith: 'OR' }
  })

  async index(corpus: readonly CorpusEntry[]): Promise<void> {
    this.mini.addAll(corpus.map((e) => ({ id: e.listing.id, shown: e.listing.name, ...libraryText(e) })))
  }

  async search(query: QuerySpec): Promise<Hit[]> {
    return this.mini.search(query.q).slice(0, 20).map((r) => ({ id: String(r.id), name: String(r.shown) }))
  }
}
