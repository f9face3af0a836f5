import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { documentStoreContract } from './document-store.contract'

describe('document store contract: embedded engine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-contract-'))
  let client: EmbeddedClient
  documentStoreContract(
    async () => {
      client = await new EmbeddedClient(dir).connect()
      return {
        db: client.db('contract'),
        reopen: async () => {
          await client.close()
          client = await new EmbeddedClient(dir).connect()
          return client.db('contract')
        }
      }
    },
    async () => {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  )
})
