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
