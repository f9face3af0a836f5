import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from 'mongodb'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { apexStoreContract } from './apex-store.contract'

describe("apex's own store on the embedded engine", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-apex-'))
  let client: EmbeddedClient
  apexStoreContract(
    async () => {
      client = await new EmbeddedClient(dir).connect()
      // The embedded engine implements the subset of Db that apex's store uses.
      return client.db('apex') as unknown as Db
    },
    async () => {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  )
})
