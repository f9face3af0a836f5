import { EmbeddedSearchIndex } from '../../src/search/embedded/engine'
import { searchIndexContract } from './search-index.contract'
import { searchUnderstandingContract } from './search-understanding.contract'

describe('search index contract: embedded engine', () => {
  searchIndexContract(async () => new EmbeddedSearchIndex('https://search.test'))
})

describe('search understanding contract: embedded engine', () => {
  searchUnderstandingContract(async () => new EmbeddedSearchIndex('https://search.test'))
})
