/**
 * Field errors (the schema's, registration's) as the form shows them: next
 * to the field they are about, in the reader's language. The message is
 * chosen by the rule that was broken (Ajv's keyword and params), never by
 * reading the English message, which may quote what the person typed.
 */
import type { FieldError } from '../../../directory/result'
import { ruleOf } from '../../../directory/validate'
import type { MessageKey } from '../i18n/messages'
import { LISTING_FIELDS, formFieldNamed, type FormErrors } from './fields'
import { UNKNOWN_PLACE } from './places'
import { LOGO_MESSAGES, LOGO_RULE } from './logo'
import { LANGUAGE_CODE } from './other-languages'
import { MAIN_SUMMARY } from '../../../directory/registration'

/** A field error's message as one of ours, from the rule it broke. */
export function messageKey(e: FieldError): MessageKey {
  const rule = ruleOf(e)
  switch (rule?.keyword) {
    case 'required': return 'error.required'
    case 'minLength': return rule.params.limit === 1 ? 'error.required' : 'error.invalid' // an empty text
    case 'maxLength': case 'maxItems': case 'maxProperties': return 'error.tooLong'
    case 'minimum': case 'maximum': return 'error.range'
    case 'format': return rule.params.format === 'email' ? 'error.email' : 'error.invalid'
    default: return 'error.invalid'
  }
}

/** Errors about the listing as a whole, or its slug (chosen from the name), are shown at the name. */
const AT_NAME = new Set(['slug', '(listing)'])

/** Where a schema error is shown: the form field with that path, or the nearest one. */
export function formField(path: string): string {
  if (AT_NAME.has(path)) return 'name'
  // The names sit in a closed <details>: an error about the whole map of names is shown with the summaries.
  if (path === 'nameMap') return 'summaryMap.en'
  if (formFieldNamed(path)) return path
  const item = /^(.+)\.\d+$/.exec(path)?.[1] // an item of a list of boxes
  if (item && formFieldNamed(item)?.multi) return item
  // An error about an object or list the form shows in parts: at its first part.
  return LISTING_FIELDS.find((f) => f.name.startsWith(`${path}.`))?.name ?? path
}

/** The keys that say a value could not be read, where a field's own hint says better what to type. */
const UNREADABLE = new Set<MessageKey>(['error.invalid', 'error.range', 'error.email'])

/** The message for one error at one field: the field's fixed message, what to type instead, or the rule's. */
function shownFor(e: FieldError, field: string): MessageKey {
  const f = formFieldNamed(field)
  if (f?.message) return f.message
  if (ruleOf(e)?.keyword === UNKNOWN_PLACE) return 'join.placeUnknown'
  if (ruleOf(e)?.keyword === MAIN_SUMMARY) return 'join.hint.summary'
  if (ruleOf(e)?.keyword === LANGUAGE_CODE) return 'join.hint.languageCode'
  const rule = ruleOf(e)
  if (rule?.keyword === LOGO_RULE) return LOGO_MESSAGES[rule.params.kind as keyof typeof LOGO_MESSAGES] ?? 'join.logoUnreachable'
  const key = messageKey(e)
  return f?.hint && UNREADABLE.has(key) ? f.hint : key
}

/** The form's errors: at each error's field, the first error's message (or the field's own message). */
export function formErrors(errors: readonly FieldError[]): FormErrors {
  const shown: FormErrors = {}
  for (const e of errors) {
    const field = formField(e.field)
    shown[field] ??= shownFor(e, field)
  }
  return shown
}
