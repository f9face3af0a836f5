/** looksLikeEmail keeps its meaning in linear time; form fields are capped by the schema's own limits. */
import { looksLikeEmail, MAX_EMAIL } from '../../src/directory/editor-accounts'
import { oversizedFields, FORM_FIELD_CAPS, DEFAULT_FIELD_CAP } from '../../src/http/site/form/limits'
import { slugify } from '../../src/directory/registration'
import schema from '../../schemas/listing.schema.json'

test.each([
  ['a@b.example', true], ['Editora@Prueba.Example', true], ['a@b..c', true], ['x.y+z@sub.b.co', true],
  ['', false], ['a', false], ['a@b', false], ['@b.c', false], ['a@.c', false], ['a@c.', false],
  ['a@b@c.d', false], ['a b@c.d', false], ['a@b .d', false], [`a@${'.'.repeat(199000)}@`, false],
  [`${'a'.repeat(64)}@${'b'.repeat(MAX_EMAIL - 64 - 5)}.org`, true], [`${'a'.repeat(64)}@${'b'.repeat(MAX_EMAIL - 64)}.org`, false]
])('looksLikeEmail case %#', (email, expected) => {
  expect(looksLikeEmail(email)).toBe(expected)
})

test('form fields are capped by the schema, the account fields by their own limits', () => {
  expect(FORM_FIELD_CAPS.name).toBe(schema.properties.name.maxLength)
  expect(FORM_FIELD_CAPS['summaryMap.pt']).toBe(schema.properties.summaryMap.additionalProperties.maxLength)
  expect(FORM_FIELD_CAPS['account.email']).toBe(254)
  expect(FORM_FIELD_CAPS['account.password']).toBe(1024)
  expect(oversizedFields({ name: 'x'.repeat(200), 'summaryMap.es': 'y'.repeat(5000), kind: 'worker-coop' })).toEqual([])
  expect(oversizedFields({ name: 'x'.repeat(201), 'account.password': 'p'.repeat(1025), services: ['web-hosting', 's'.repeat(DEFAULT_FIELD_CAP + 1)] }))
    .toEqual(['name', 'account.password', 'services'])
})

test.each([
  ['', 'co-op'], ['---', 'co-op'], ['Red Tejida', 'red-tejida'], ['  ¡Cooperativa Ñandú!  ', 'cooperativa-nandu'], [`${'-'.repeat(10000)}a${'-'.repeat(10000)}`, 'a'],
  ['x'.repeat(60), 'x'.repeat(56)]
])('slugify(%j) is %j', (name, slug) => {
  expect(slugify(name)).toBe(slug)
})
