import { EmbeddedSearchIndex } from '../../src/search/embedded/engine'
import { searchIndexContract } from './search-index.contract'

describe('search index contract: embedded engine', () => {
  searchIndexContract(async () => new EmbeddedSearchIndex('https://search.test'))
})
