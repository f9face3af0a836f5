import { MongoClient } from 'mongodb'
import { apexStoreContract } from './apex-store.contract'

const url = process.env.MONGODB_URL
if (!url) console.log("apex store on MongoDB SKIPPED: MONGODB_URL is not set.")
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
