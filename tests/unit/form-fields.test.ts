/**
 * The listing form's field table (form/fields.ts) against the schema: every
 * property a person may set is on the form (issue 12, point 3), each field
 * typed as the schema types it, places as many as the schema allows, and
 * the form's order puts the main language first and the account last.
 */
import schema from '../../schemas/listing.schema.json'
import { ACCOUNT_FIELDS, LISTING_FIELDS, formFieldNamed, optionIds } from '../../src/http/site/form/fields'

/** Set by the server (slug from the name), the plain summary (the main language's box shows it), demo data only, or set by imports (external ids). */
const NOT_ON_THE_FORM = new Set(['slug', 'summary', 'example', 'externalIds'])

test('every property of the schema a person sets has its fields on the form', () => {
  const onForm = new Set(LISTING_FIELDS.map((f) => f.path[0]))
  const settable = Object.keys(schema.properties).filter((p) => !NOT_ON_THE_FORM.has(p))
  expect(settable.filter((p) => !onForm.has(p))).toEqual([])
  for (const c of Object.keys(schema.properties.contact.properties)) {
    expect(formFieldNamed(`contact.${c}`)).toBeDefined()
    expect(formFieldNamed(`contactVisibility.${c}`)).toMatchObject({ input: 'select', options: 'visibility', fallback: 'public', implicit: true })
  }
})

test('each field is typed as the schema types it', () => {
  expect(formFieldNamed('founded')).toMatchObject({ input: 'number', value: 'integer' })
  expect(formFieldNamed('acceptingClients')).toMatchObject({ input: 'select', value: 'boolean', options: 'yesNo' })
  expect(formFieldNamed('tags')).toMatchObject({ input: 'list', value: 'list', multi: false })
  expect(formFieldNamed('regionsServed')).toMatchObject({ input: 'list', reading: 'countries' })
  expect(formFieldNamed('icon')).toMatchObject({ input: 'url', reading: 'webAddress', maxLength: schema.properties.icon.maxLength })
  expect(formFieldNamed('dataLicense')).toMatchObject({ input: 'radio', fallback: 'CC0-1.0' })
  expect(optionIds('licenses')).toEqual(schema.properties.dataLicense.enum)
  expect(formFieldNamed('pricing')).toMatchObject({ input: 'textarea' })
  expect(formFieldNamed('pricing')?.html).toBeUndefined() // plain text, unlike a summary
  expect(formFieldNamed('summaryMap.pt')).toMatchObject({ html: true })
})

test('as many places as the schema allows, each with all its fields, item by item', () => {
  const places = LISTING_FIELDS.filter((f) => f.container === 'location')
  expect(places).toHaveLength(schema.properties.location.maxItems * Object.keys(schema.properties.location.items.properties).length)
  expect(places.slice(0, 6).map((f) => f.name)).toEqual(['location.0.name', 'location.0.address', 'location.0.country', 'location.0.latitude', 'location.0.longitude', 'location.1.name'])
  expect(formFieldNamed('location.19.latitude')).toMatchObject({ item: true, index: 19, required: true, input: 'number' })
})

test('the main language first, the account last', () => {
  expect(LISTING_FIELDS[0]?.name).toBe('defaultLanguage')
  expect(ACCOUNT_FIELDS.map((f) => f.name)).toEqual(['account.email', 'account.password'])
})
