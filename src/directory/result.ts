/** Expected failures are values; exceptions are bugs. */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E }

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value })
export const err = <E>(error: E): { ok: false; error: E } => ({ ok: false, error })

/** A field-level problem, named by its JSON Pointer-ish path ("location/0/latitude"). */
export interface FieldError {
  field: string
  message: string
}

/** The failures a directory operation can return. */
export type DirectoryFailure =
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'not-found'; what: string }
  | { kind: 'gone'; what: string }
  | { kind: 'conflict'; what: string; field?: string }
  /** A conditional write (If-Match, the editor form's version) met a newer version. */
  | { kind: 'stale'; what: string; version: number }
