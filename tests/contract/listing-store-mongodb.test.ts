import { MongoClient } from 'mongodb'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import { listingStoreContract } from './listing-store.contract'

const url = process.env.MONGODB_URL
// Jest hides console output of fully skipped suites; stderr is shown.
if (!url) process.stderr.write('ListingStore on MongoDB SKIPPED: MONGODB_URL is not set (the embedded engine ran the same suite).\n')
;(url ? describe : describe.skip)('ListingStore contract: DocumentListingStore on MongoDB at MONGODB_URL', () => {
  const prefix = `tejido_listings_${Date.now()}`
  listingStoreContract(async () => {
    const client = await new MongoClient(url as string).connect()
    const names: string[] = []
    return {
      fresh: async () => {
        names.push(`${prefix}_${names.length + 1}`)
        return new DocumentListingStore(client.db(names[names.length - 1]))
      },
      close: async () => {
        for (const name of names) await client.db(name).dropDatabase()
        await client.close()
      }
    }
  })
})
