/**
 * Per-field size caps for the server-rendered forms, checked right after the
 * urlencoded parser (which caps the whole body) and before anything else
 * reads a field: no regex, slug, hash or schema ever sees more than its
 * field may hold. Listing fields take their limits from the schema itself.
 */
import { MAX_EMAIL, MAX_PASSWORD } from '../../../directory/editor-accounts'
import { LISTING_FIELDS } from './fields'
import { OTHER_LANGUAGE_CAPS } from './other-languages'

/** The longest value each form field may have (every value, for repeated fields). */
export const FORM_FIELD_CAPS: Readonly<Record<string, number>> = Object.freeze({
  // What is typed; a menu's value or a box's is one of its options (the default cap).
  ...Object.fromEntries(LISTING_FIELDS.flatMap((f) => (f.maxLength !== undefined && f.input !== 'select' && !f.multi ? [[f.name, f.maxLength]] : []))),
  ...OTHER_LANGUAGE_CAPS,
  'account.email': MAX_EMAIL,
  email: MAX_EMAIL,
  'account.password': MAX_PASSWORD,
  password: MAX_PASSWORD,
  token: MAX_PASSWORD,
  // The editor form's digests of the fields as loaded (see listing-form's fingerprint).
  _fields: 12000
})

/** Any other field: a CSRF token, a select's value, a coordinate, a service id. */
export const DEFAULT_FIELD_CAP = 200

/** The fields (of a parsed urlencoded body) holding a value longer than their cap. */
export function oversizedFields(body: unknown, caps: Readonly<Record<string, number>> = FORM_FIELD_CAPS): string[] {
  if (!body || typeof body !== 'object') return []
  return Object.entries(body as Record<string, unknown>)
    .filter(([field, value]) => ([] as unknown[]).concat(value).some((v) => typeof v === 'string' && v.length > (caps[field] ?? DEFAULT_FIELD_CAP)))
    .map(([field]) => field)
}

/** The body without the oversized fields, to show the form again without echoing megabytes. */
export function withoutFields<T extends Record<string, unknown>>(body: T, fields: string[]): T {
  const copy = { ...body }
  for (const field of fields) delete copy[field]
  return copy
}
