import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Db } from 'mongodb'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { documentStoreContract } from './document-store.contract'

describe('document store contract: embedded engine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-contract-'))
  let client: EmbeddedClient
  // The embedded engine implements the subset of Db this suite exercises.
  const asDb = (c: EmbeddedClient) => c.db('contract') as unknown as Db
  documentStoreContract(
    async () => {
      client = await new EmbeddedClient(dir).connect()
      return {
        db: asDb(client),
        reopen: async () => {
          await client.close()
          client = await new EmbeddedClient(dir).connect()
          return asDb(client)
        }
      }
    },
    async () => {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  )
})
