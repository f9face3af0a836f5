import { MongoClient } from 'mongodb'
import { documentStoreContract } from './document-store.contract'

const url = process.env.MONGODB_URL
const suite = url ? describe : describe.skip

// Jest hides console output of fully skipped suites; stderr is shown.
if (!url) process.stderr.write('MongoDB contract run SKIPPED: MONGODB_URL is not set (the embedded engine ran the same suite).\n')

suite('document store contract: MongoDB at MONGODB_URL', () => {
  let client: MongoClient
  const dbName = `tejido_contract_${Date.now()}`
  documentStoreContract(
    async () => {
      client = await new MongoClient(url as string).connect()
      return { db: client.db(dbName) }
    },
    async () => {
      await client.db(dbName).dropDatabase()
      await client.close()
    }
  )
})
