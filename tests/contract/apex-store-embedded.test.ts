import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { apexStoreContract } from './apex-store.contract'

describe("apex's own store on the embedded engine", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-apex-'))
  let client: EmbeddedClient
  apexStoreContract(
    async () => {
      client = await new EmbeddedClient(dir).connect()
      return client.db('apex')
    },
    async () => {
      await client.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  )
})
