/**
 * The embedded index saved at shutdown and loaded at start: loading is
 * several times faster than indexing every listing again. The store stays
 * the truth: after loading, each listing's stamp (version, last change, last
 * verification) is compared with the store's, and whatever changed while the
 * server was down (a seed, a crash before the save) is indexed again.
 */
import fs from 'node:fs/promises'
import type { ListingStore } from '../../directory/listing-store'
import { isPublished } from '../../directory/listing'
import { EmbeddedSearchIndex, listingStamp } from './engine'

export interface SnapshotLoad { indexed: number; caughtUp: number; removed: number }

export async function loadSnapshot(index: EmbeddedSearchIndex, store: ListingStore, file: string): Promise<SnapshotLoad | null> {
  let bytes: Buffer
  try {
    bytes = await fs.readFile(file)
  } catch {
    return null // none yet
  }
  if (!index.restore(bytes)) return null
  const indexed = index.stamps()
  let caughtUp = 0
  let removed = 0
  for (const s of await store.stamps()) {
    const have = indexed.get(s.id)
    indexed.delete(s.id)
    if (!isPublished(s)) {
      if (have !== undefined) {
        await index.remove(s.id)
        removed++
      }
      continue
    }
    if (have === listingStamp(s)) continue
    const listing = await store.byId(s.id)
    if (listing) await index.upsert(listing)
    caughtUp++
  }
  for (const id of indexed.keys()) {
    await index.remove(id) // gone from the store
    removed++
  }
  return { indexed: await index.count(), caughtUp, removed }
}

/** Written beside, then renamed: a crash mid-write leaves the previous snapshot (or none), never half of one. */
export async function saveSnapshot(index: EmbeddedSearchIndex, file: string): Promise<void> {
  const tmp = `${file}.tmp`
  await fs.writeFile(tmp, index.snapshot())
  await fs.rename(tmp, file)
}
