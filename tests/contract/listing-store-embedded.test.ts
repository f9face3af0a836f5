import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import { listingStoreContract } from './listing-store.contract'

describe('ListingStore contract: DocumentListingStore on the embedded engine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-listing-store-'))
  listingStoreContract(async () => {
    const client = await new EmbeddedClient(dir).connect()
    let n = 0
    return {
      fresh: async () => new DocumentListingStore(client.db(`listings_${++n}`)),
      close: async () => {
        await client.close()
        fs.rmSync(dir, { recursive: true, force: true })
      }
    }
  })
})
