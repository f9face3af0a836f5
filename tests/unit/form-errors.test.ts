/**
 * Schema errors as the listing form shows them: the message chosen by the
 * rule broken (Ajv's keyword), never by the English text, which may quote
 * what was typed; each at its form field. The rule does not change what the
 * API sends: an error still serialises as its field and message only.
 */
import { validateListing, ruleOf } from '../../src/directory/validate'
import type { FieldError } from '../../src/directory/result'
import { formErrors, formField } from '../../src/http/site/form/errors'
import { LISTING_FIELDS } from '../../src/http/site/form/fields'
import schema from '../../schemas/listing.schema.json'

const errorsOf = (listing: Record<string, unknown>) => {
  const checked = validateListing({ slug: 'a', name: 'A', kind: 'other', ...listing })
  return checked.ok ? [] : checked.error
}

test.each<[string, Record<string, unknown>, Record<string, string>]>([
  ['an empty name', { name: '' }, { name: 'error.required' }],
  ['no kind', { kind: undefined }, { kind: 'error.required' }],
  ['an unknown kind', { kind: 'bank' }, { kind: 'error.invalid' }],
  ['a name too long', { nameMap: { en: 'x'.repeat(201) } }, { 'nameMap.en': 'error.tooLong' }],
  ['a latitude out of range', { location: [{ latitude: 91, longitude: 0 }] }, { 'location.0.latitude': 'join.hint.latitude' }], // what to type, not only that it is wrong
  ['a coordinate that is not a number', { location: [{ latitude: 'north', longitude: 0 }] }, { 'location.0.latitude': 'join.hint.latitude' }],
  ['a place without coordinates', { location: [{ name: 'Somewhere' }] }, { 'location.0.latitude': 'error.required', 'location.0.longitude': 'error.required' }],
  ['a contact email that is not one', { contact: { email: 'nope' } }, { 'contact.email': 'error.email' }],
  ['a service id that reads like a message', { services: ['is required'] }, { services: 'error.invalid' }],
  ['too many languages', { languages: Array.from({ length: 31 }, (_, i) => `l${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`) }, { languages: 'error.tooLong' }]
])('%s', (_label, listing, shown) => {
  expect(formErrors(errorsOf(listing))).toEqual(shown)
})

test('an error carries its rule, but serialises as before: field and message', () => {
  const errors = errorsOf({ name: '' })
  expect(errors).toHaveLength(1)
  const error = errors[0] as FieldError
  expect(ruleOf(error)).toEqual({ keyword: 'minLength', params: { limit: 1 } })
  expect(JSON.parse(JSON.stringify(error))).toEqual({ field: 'name', message: 'must NOT have fewer than 1 characters' })
  expect(ruleOf({ field: 'x', message: 'is required' })).toBeUndefined()
})

test('errors about a whole object or the slug are shown at a field the form has', () => {
  expect(['slug', '(listing)', 'summaryMap', 'nameMap', 'location', 'location.0', 'services.3', 'nameMap.ja'].map(formField))
    .toEqual(['name', 'name', 'summaryMap.en', 'summaryMap.en', 'location.0.name', 'location.0.name', 'services', 'nameMap.ja'])
})

test('the form\'s fields are the schema\'s: lists for arrays, numbers for numbers, the schema\'s caps', () => {
  const byName = new Map(LISTING_FIELDS.map((f) => [f.name, f]))
  expect(byName.get('services')).toMatchObject({ multi: true, input: 'checkboxes' })
  expect(byName.get('location.0.latitude')).toMatchObject({ input: 'number', required: true, item: true })
  expect(byName.get('contact.website')).toMatchObject({ input: 'url', maxLength: schema.properties.contact.properties.website.maxLength })
  expect(byName.get('summaryMap.pt')).toMatchObject({ input: 'textarea', lang: 'pt', maxLength: schema.properties.summaryMap.additionalProperties.maxLength })
  expect(byName.get('name')).toMatchObject({ required: true, item: false })
})
