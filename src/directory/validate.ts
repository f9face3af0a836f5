/**
 * Validation at the trust boundary: raw input (API, form, import, federation)
 * against schemas/listing.schema.json, then summaries sanitised. Returns the
 * parsed, typed value or every field error, named.
 */
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import sanitizeHtml from 'sanitize-html'
import schema from '../../schemas/listing.schema.json'
import { isServiceId } from './vocabulary'
import { READ_ONLY_FIELDS, type ListingInput } from './listing'
import { ok, err, type Result, type FieldError } from './result'

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true })
addFormats(ajv)
ajv.addKeyword({
  keyword: 'x-vocabulary',
  type: 'string',
  schemaType: 'string',
  errors: false,
  validate: (_vocabulary: string, id: string) => isServiceId(id)
})
const validateSchema = ajv.compile<ListingInput>(schema)

const SUMMARY_HTML: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'a', 'strong', 'em', 'b', 'i', 'ul', 'ol', 'li', 'blockquote', 'code'],
  allowedAttributes: { a: ['href', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer' }) }
}

/**
 * HTML already in the safe subset — text without <, > or &, and balanced
 * lower-case allowed tags without attributes — is what sanitize-html would
 * return unchanged, so it is not run on it (~0.05 ms a call here, which
 * dominated a backfill of thousands of mirrors).
 */
const SIMPLE = /^(?:[^<>&]|<\/?(?:p|strong|em|b|i|ul|ol|li|blockquote|code)>)*$/

function alreadySafe(html: string): boolean {
  if (!SIMPLE.test(html)) return false
  const open: string[] = []
  for (const [, close, tag] of html.matchAll(/<(\/?)([a-z]+)>/g)) {
    if (!close) open.push(tag as string)
    else if (open.pop() !== tag) return false
  }
  return open.length === 0
}

/** Keeps a small, safe subset of HTML in a summary. */
export const sanitizeSummary = (html: string): string => (alreadySafe(html) ? html : sanitizeHtml(html, SUMMARY_HTML)).trim()

function fieldOf(e: ErrorObject): string {
  const base = e.instancePath.replace(/^\//, '').replace(/\//g, '.')
  const extra = e.params as { missingProperty?: string; additionalProperty?: string; propertyName?: string }
  const child = extra.missingProperty ?? extra.additionalProperty ?? extra.propertyName
  return child ? (base ? `${base}.${child}` : child) : base || '(listing)'
}

function messageOf(e: ErrorObject, data: unknown): string {
  if (e.keyword === 'x-vocabulary') return `unknown service id ${JSON.stringify(data)} (see /api/vocabulary/services)`
  if (e.keyword === 'additionalProperties') return 'is not a listing field'
  if (e.keyword === 'required') return 'is required'
  if (e.keyword === 'enum') return `must be one of: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`
  if (e.keyword === 'pattern' && e.instancePath === '/slug') return 'must be lower-case letters, digits and inner hyphens (at most 64)'
  return e.message ?? 'is invalid'
}

/** The schema rule a field error broke: Ajv's keyword ("required", "maxLength", "format", "x-vocabulary", ...) and its params. */
export interface BrokenRule {
  keyword: string
  params: Readonly<Record<string, unknown>>
}

/** A field error that names the rule it broke, so a reader can word it without parsing the English message. */
export type RuleFieldError = FieldError & Readonly<BrokenRule>

/**
 * The error with its rule attached. The rule is not enumerable: API answers,
 * logs and problem+json show `field` and `message` only, exactly as before.
 */
export function withRule(error: FieldError, rule: BrokenRule): RuleFieldError {
  return Object.defineProperties({ ...error }, {
    keyword: { value: rule.keyword, enumerable: false },
    params: { value: rule.params, enumerable: false }
  }) as RuleFieldError
}

/** The rule a field error broke, when it carries one (schema errors do; hand-written ones may not). */
export function ruleOf(error: FieldError): BrokenRule | undefined {
  const { keyword, params } = error as Partial<BrokenRule>
  return typeof keyword === 'string' ? { keyword, params: params ?? {} } : undefined
}

function valueAt(input: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), input)
}

/** Drops the fields the server owns, so a listing read can be written back. */
export function withoutReadOnly(raw: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...raw }
  for (const field of READ_ONLY_FIELDS) delete copy[field]
  return copy
}

export function validateListing(raw: unknown): Result<ListingInput, FieldError[]> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return err([{ field: '(listing)', message: 'must be a JSON object' }])
  }
  const input = withoutReadOnly(raw as Record<string, unknown>)
  if (!validateSchema(input)) {
    const seen = new Set<string>()
    const errors: FieldError[] = []
    for (const e of validateSchema.errors ?? []) {
      if (e.keyword === 'if' || e.keyword === 'anyOf') continue
      const fe = withRule({ field: fieldOf(e), message: messageOf(e, valueAt(input, e.instancePath)) }, { keyword: e.keyword, params: e.params })
      const key = `${fe.field}|${fe.message}`
      if (seen.has(key)) continue
      seen.add(key)
      errors.push(fe)
    }
    return err(errors)
  }
  const listing: ListingInput = { ...input }
  if (listing.summary !== undefined) listing.summary = sanitizeSummary(listing.summary)
  if (listing.summaryMap) {
    listing.summaryMap = Object.fromEntries(Object.entries(listing.summaryMap).map(([lang, html]) => [lang, sanitizeSummary(html)]))
  }
  return ok(listing)
}

/** RFC 7396 merge patch: null removes a field, objects merge, the rest replaces. */
export function mergePatch(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...target }
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key]
    else if (typeof value === 'object' && !Array.isArray(value) && typeof out[key] === 'object' && out[key] !== null && !Array.isArray(out[key])) {
      out[key] = mergePatch(out[key] as Record<string, unknown>, value as Record<string, unknown>)
    } else out[key] = value
  }
  return out
}
