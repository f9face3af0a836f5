/**
 * The one place the document engine is chosen: MongoDB when MONGODB_URL is
 * set, otherwise the embedded engine under DATA_DIR.
 */
import { MongoClient, type Db } from 'mongodb'
import { EmbeddedClient } from '../storage/embedded/client'
import type { Config } from '../config/config'
import { checkInstanceOrigin } from './instance-origin'

export interface OpenStore {
  db: Db
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
    return { db: client.db(), engine: 'mongodb', close: () => client.close() }
  }
  const client = await new EmbeddedClient(config.dataDir).connect()
  // The embedded engine implements the subset of Db that Tejido and apex use;
  // tests/contract runs those calls against both engines.
  return { db: client.db('tejido') as unknown as Db, engine: 'embedded', close: () => client.close() }
}
