/**
 * Errors shaped like the driver's: callers (apex's store among them) test
 * `err.name === 'MongoServerError' && err.code === 11000`, and `instanceof
 * MongoServerError` holds too because these are the driver's own class.
 */
import { MongoServerError } from 'mongodb'

export const DUPLICATE_KEY = 11000
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

/** ENOSPC, EDQUOT, or LMDB's map being unable to grow: more space would let the write through. */
export function isNoSpace(cause: unknown): boolean {
  const e = cause as { code?: unknown; message?: unknown } | null
  const code = e?.code
  const message = typeof e?.message === 'string' ? e.message : ''
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 28 || code === 122 || code === -30792 || /No space left|quota exceeded|MDB_MAP_FULL/i.test(message)
}

/** A disk write that did not commit, as the driver would report it: the data is unchanged. */
export function diskWriteError(cause: unknown): MongoServerError {
  const why = cause instanceof Error ? cause.message : String(cause)
  if (isNoSpace(cause)) {
    return serverError(OUT_OF_DISK_SPACE, `The disk that holds the data directory is full; the write was not stored (${why})`, { codeName: 'OutOfDiskSpace' })
  }
  return serverError(INTERNAL_ERROR, `The data directory could not be written; the write was not stored (${why})`, { codeName: 'InternalError' })
}
