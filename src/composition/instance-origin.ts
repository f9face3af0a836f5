/**
 * An instance's identity is its origin: every local listing's id, every key
 * and every peer's follow is built from PUBLIC_URL. A store made under one
 * origin and opened under another would make every local listing look
 * foreign (404s, links to /profile?id=...), so the origin is recorded in the
 * store at first open and a different one is refused.
 */
import type { DocumentDb } from '../storage/document-db'

export class OriginMismatchError extends Error {
  constructor(readonly recorded: string, readonly configured: string) {
    super(
      `This store belongs to the instance ${recorded}, but PUBLIC_URL (or PORT) now says ${configured}. ` +
      `An instance's identity is its origin: its listings, keys and peers are all built from it. ` +
      `Start with PUBLIC_URL=${recorded} (and the PORT it used), or use another DATA_DIR (or MONGODB_URL database) for ${configured}.`
    )
    this.name = 'OriginMismatchError'
  }
}

interface OriginRecord { key: 'origin'; origin: string; since: Date }

/**
 * Records `publicUrl` as the store's origin, or checks it against the one
 * recorded. A store from before the record existed adopts the origin it was
 * made under (see originOfOlderStore).
 */
export async function checkInstanceOrigin(db: DocumentDb, publicUrl: string): Promise<void> {
  const meta = db.collection<OriginRecord>('instance')
  let record = await meta.findOne({ key: 'origin' })
  if (!record) {
    const origin = await originOfOlderStore(db, publicUrl)
    // Upsert, so two processes opening one new database at once agree on the first.
    await meta.updateOne({ key: 'origin' }, { $setOnInsert: { key: 'origin', origin, since: new Date() } }, { upsert: true })
    record = await meta.findOne({ key: 'origin' })
  }
  if (record && record.origin !== publicUrl) throw new OriginMismatchError(record.origin, publicUrl)
}

/**
 * The origin a store without a record was made under: its local listings'
 * when they agree (their ids say which instance made them); with no local
 * listing, the instance actor's key's (peers know the instance by it); else
 * (a new store, or one already mixed by an earlier change) `publicUrl`.
 */
async function originOfOlderStore(db: DocumentDb, publicUrl: string): Promise<string> {
  const listings = db.collection<{ origin: string }>('listings')
  const local = { 'provenance.via': 'local' }
  const one = await listings.findOne(local, { projection: { _id: 0, origin: 1 } })
  if (one) {
    const other = await listings.findOne({ ...local, origin: { $ne: one.origin } }, { projection: { _id: 0, origin: 1 } })
    return other ? publicUrl : one.origin
  }
  const keys = await db.collection<{ owner: string }>('actorKeys').find({}, { projection: { _id: 0, owner: 1 } }).toArray()
  const instanceActors = keys.map((k) => k.owner).filter((owner) => /^https?:\/\/[^/]+\/actor$/.test(owner))
  return instanceActors.length === 1 ? new URL(instanceActors[0] as string).origin : publicUrl
}
