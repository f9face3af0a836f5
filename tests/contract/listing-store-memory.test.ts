import { MemoryListingStore } from '../support/memory-listing-store'
import { listingStoreContract } from './listing-store.contract'

// The double the directory's unit tests use must keep the same contract as the real store.
describe('ListingStore contract: the in-memory double (tests/support)', () => {
  listingStoreContract(async () => ({ fresh: async () => new MemoryListingStore(), close: async () => undefined }))
})
