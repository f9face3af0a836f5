/**
 * Errors shaped like the driver's: callers (apex's store among them) test
 * `err.name === 'MongoServerError' && err.code === 11000`, and `instanceof
 * MongoServerError` holds too because these are the driver's own class.
 */
import fs from 'node:fs'
import { MongoServerError } from 'mongodb'
import { DUPLICATE_KEY } from '../document-db'

export const BAD_VALUE = 2
export const FAILED_TO_PARSE = 9
export const IMMUTABLE_FIELD = 66
export const INDEX_OPTIONS_CONFLICT = 85

export function serverError(code: number, message: string, extra: Record<string, unknown> = {}): MongoServerError {
  const err = new MongoServerError({ message, errmsg: message, code, ...extra })
  return err
}

export function duplicateKeyError(collection: string, indexName: string, keyValue: Record<string, unknown>): MongoServerError {
  const shown = JSON.stringify(keyValue)
  return serverError(
    DUPLICATE_KEY,
    `E11000 duplicate key error collection: ${collection} index: ${indexName} dup key: ${shown}`,
    { keyValue }
  )
}

/** MongoDB's code for a write refused because the disk is full (codeName OutOfDiskSpace). */
export const OUT_OF_DISK_SPACE = 14031
const INTERNAL_ERROR = 1
/**
 * Below this much free space, a failed commit is a full disk. LMDB reports a
 * short write (the file system ran out mid-commit) as EIO, not ENOSPC, so the
 * error alone does not say; the free space left does.
 */
const LOW_SPACE_BYTES = 16 * 1024 * 1024

/** ENOSPC, EDQUOT, or LMDB's map being unable to grow: more space would let the write through. */
export function isNoSpace(cause: unknown): boolean {
  const e = cause as { code?: unknown; message?: unknown } | null
  const code = e?.code
  const message = typeof e?.message === 'string' ? e.message : ''
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 28 || code === 122 || code === -30792 || /No space left|quota exceeded|MDB_MAP_FULL/i.test(message)
}

function lowOnSpace(dir: string | undefined): boolean {
  if (!dir) return false
  try {
    const stats = fs.statfsSync(dir)
    return stats.bavail * stats.bsize < LOW_SPACE_BYTES
  } catch {
    return false
  }
}

/** Is this the embedded engine's report of a write that did not reach the disk? */
export function isDiskWriteError(error: unknown): boolean {
  return (error as { diskWriteFailed?: unknown } | null)?.diskWriteFailed === true
}

/**
 * A disk write that did not commit, as the driver would report it: the data
 * is unchanged. `dir` is where the data lives, to tell a full disk apart.
 */
export function diskWriteError(cause: unknown, dir?: string): MongoServerError {
  if (isDiskWriteError(cause)) return cause as MongoServerError
  const why = cause instanceof Error ? cause.message : String(cause)
  if (isNoSpace(cause) || lowOnSpace(dir)) {
    return serverError(OUT_OF_DISK_SPACE, `The disk that holds the data directory is full; the write was not stored (${why})`, { codeName: 'OutOfDiskSpace', diskWriteFailed: true })
  }
  return serverError(INTERNAL_ERROR, `The data directory could not be written; the write was not stored (${why})`, { codeName: 'InternalError', diskWriteFailed: true })
}
