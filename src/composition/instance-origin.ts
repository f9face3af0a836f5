/**
 * An instance's identity is its origin: every local listing's id, every key
 * and every peer's follow is built from PUBLIC_URL. A store made under one
 * origin and opened under another would make every local listing look
 * foreign (404s, links to /profile?id=...), so the origin is recorded in the
 * store at first open and a different one is refused.
 */
import type { Db } from 'mongodb'

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
 * recorded. A store from before the record existed adopts the origin of its
 * local listings (they say which instance made them), else `publicUrl`.
 */
export async function checkInstanceOrigin(db: Db, publicUrl: string): Promise<void> {
  const meta = db.collection<OriginRecord>('instance')
  let record = await meta.findOne({ key: 'origin' })
  if (!record) {
    const local = await db.collection<{ origin: string }>('listings').findOne({ 'provenance.via': 'local' }, { projection: { origin: 1 } })
    const origin = local?.origin ?? publicUrl
    // Upsert, so two processes opening one new database at once agree on the first.
    await meta.updateOne({ key: 'origin' }, { $setOnInsert: { key: 'origin', origin, since: new Date() } }, { upsert: true })
    record = await meta.findOne({ key: 'origin' })
  }
  if (record && record.origin !== publicUrl) throw new OriginMismatchError(record.origin, publicUrl)
}
