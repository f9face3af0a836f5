/**
 * The one place the document engine is chosen: MongoDB when MONGODB_URL is
 * set, otherwise the embedded engine under DATA_DIR.
 */
import { MongoClient } from 'mongodb'
import type { ApexDb } from '../storage/apex-db'
import { EmbeddedClient } from '../storage/embedded/client'
import type { Config } from '../config/config'
import { checkInstanceOrigin } from './instance-origin'

/** The store the application runs on, whichever engine holds it. */
export interface OpenStore {
  /** A DocumentDb for Tejido's stores, with the wider surface apex's store needs (storage/apex-db.ts). */
  db: ApexDb
  engine: 'mongodb' | 'embedded'
  close(): Promise<void>
}

/** Opens the configured store, and refuses one that belongs to another origin (OriginMismatchError). */
export async function openStore(config: Pick<Config, 'mongodbUrl' | 'dataDir' | 'publicUrl'>): Promise<OpenStore> {
  const store = await connect(config)
  try {
    await checkInstanceOrigin(store.db, config.publicUrl)
  } catch (e) {
    await store.close()
    throw e
  }
  return store
}

async function connect(config: Pick<Config, 'mongodbUrl' | 'dataDir'>): Promise<OpenStore> {
  if (config.mongodbUrl) {
    const client = await new MongoClient(config.mongodbUrl).connect()
    // No cast: this assignment is the compile-time proof that the driver's Db
    // satisfies the seam (tests/unit/document-db-types.test.ts checks it too).
    const db: ApexDb = client.db()
    return { db, engine: 'mongodb', close: () => client.close() }
  }
  const client = await new EmbeddedClient(config.dataDir).connect()
  // EmbeddedDb implements ApexDb; tests/contract runs those calls against both engines.
  return { db: client.db('tejido'), engine: 'embedded', close: () => client.close() }
}
