/**
 * Where a persistent index's bytes (see `SearchIndex.persist`) are kept
 * between runs: one file, read at start and written at shutdown.
 */
import fs from 'node:fs/promises'

/** The saved bytes; null when there are none yet. */
export async function readSnapshot(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file)
  } catch {
    return null
  }
}

/** Written beside, then renamed: a crash mid-write leaves the previous snapshot (or none), never half of one. */
export async function writeSnapshot(file: string, bytes: Buffer): Promise<void> {
  const tmp = `${file}.tmp`
  await fs.writeFile(tmp, bytes)
  await fs.rename(tmp, file)
}
