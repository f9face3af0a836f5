import { MongoClient } from 'mongodb'
import { apexStoreContract } from './apex-store.contract'

const url = process.env.MONGODB_URL
// Jest hides console output of fully skipped suites; stderr is shown.
if (!url) process.stderr.write('apex store on MongoDB SKIPPED: MONGODB_URL is not set (the embedded engine ran the same suite).\n')
;(url ? describe : describe.skip)("apex's own store on MongoDB at MONGODB_URL", () => {
  let client: MongoClient
  const name = `tejido_apex_${Date.now()}`
  apexStoreContract(
    async () => {
      client = await new MongoClient(url as string).connect()
      return client.db(name)
    },
    async () => {
      await client.db(name).dropDatabase()
      await client.close()
    }
  )
})
