/**
 * What people type on the listing form, read as meant (form/normalise.ts,
 * through convert.ts's toStored, the one home /join and the editor share):
 * comma decimals, countries by name in the four UI languages, sites without
 * a scheme; what cannot be read stays as typed for the schema to refuse.
 */
import { countryCode, decimal, webAddress, wholeNumber } from '../../src/http/site/form/normalise'
import { toStored, toShown } from '../../src/http/site/form/convert'
import { formFieldNamed, type FormField } from '../../src/http/site/form/fields'
import { listingFromForm } from '../../src/http/site/form/parse'

const field = (name: string): FormField => {
  const f = formFieldNamed(name)
  if (!f) throw new Error(`no field ${name}`)
  return f
}

test.each<[string, number | undefined]>([
  ['-8.05', -8.05], ['-8,05', -8.05], [' 17 ', 17], ['+34,9', 34.9], ['\u22128,05', -8.05],
  ['8,05,1', undefined], ['oito', undefined], ['', undefined], ['1e5', undefined], ['-', undefined]
])('decimal(%j)', (typed, read) => {
  expect(decimal(typed)).toBe(read)
})

test('whole numbers, grouped or not', () => {
  expect([wholeNumber('2012'), wholeNumber('1 200'), wholeNumber('1.200'), wholeNumber('12,5'), wholeNumber('doze')]).toEqual([2012, 1200, 1200, undefined, undefined])
})

test.each<[string, string | undefined]>([
  ['BR', 'BR'], ['br', 'BR'], ['Brasil', 'BR'], ['Brésil', 'BR'], ['brazil', 'BR'], ['México', 'MX'], ['Mexique', 'MX'],
  ['Allemagne', 'DE'], ['Estados Unidos', 'US'], ['Narnia', undefined], ['XX', undefined], ['', undefined]
])('countryCode(%j)', (typed, code) => {
  expect(countryCode(typed)).toBe(code)
})

test.each<[string, string]>([
  ['maredigital.coop.br', 'https://maredigital.coop.br'],
  ['www.example.coop/about', 'https://www.example.coop/about'],
  ['https://example.coop', 'https://example.coop'],
  ['http://example.coop', 'http://example.coop'],
  ['site da coop', 'site da coop'], // not an address: the schema refuses it with the field's hint
  ['localhost', 'localhost'],
  ['mailto:a@b.coop', 'mailto:a@b.coop']
])('webAddress(%j)', (typed, stored) => {
  expect(webAddress(typed)).toBe(stored)
})

test('toStored reads each kind of field as the schema types it', () => {
  expect(toStored(field('location.0.latitude'), '-8,05')).toBe(-8.05)
  expect(toStored(field('location.0.latitude'), 'north')).toBe('north')
  expect(toStored(field('location.0.country'), 'Brasil')).toBe('BR')
  expect(toStored(field('contact.website'), 'maredigital.coop.br')).toBe('https://maredigital.coop.br')
  expect(toStored(field('icon'), 'logo.example/a.png')).toBe('https://logo.example/a.png')
  expect(toStored(field('founded'), '2012')).toBe(2012)
  expect(toStored(field('acceptingClients'), 'false')).toBe(false)
  expect(toStored(field('tags'), 'redes, pesca,, redes')).toEqual(['redes', 'pesca'])
  expect(toStored(field('regionsServed'), 'Brasil, pt, remoto, BR-PE')).toEqual(['BR', 'PT', 'remote', 'BR-PE'])
  expect(toStored(field('summaryMap.pt'), 'Um.\n\nDois <b>.')).toBe('<p>Um.</p><p>Dois &lt;b&gt;.</p>')
  expect(toStored(field('pricing'), 'Sliding scale <3')).toBe('Sliding scale <3') // plain text, not a summary's HTML
  expect(toShown(field('tags'), ['a', 'b'])).toBe('a, b')
})

test('a /join form becomes a listing: only what was given, contacts public unless said, the licence chosen', () => {
  const listing = listingFromForm({
    name: 'Maré', kind: 'worker-coop', defaultLanguage: 'pt', 'summaryMap.pt': 'Pesca.', 'location.0.latitude': '-8,05', 'location.0.longitude': '-34,88',
    'location.0.country': 'Brasil', 'contact.website': 'maredigital.coop.br', 'contactVisibility.website': 'public', 'contact.phone': '+55 81 3333 4444',
    'contactVisibility.phone': 'partners', dataLicense: 'CC-BY-SA-4.0', acceptingClients: '', founded: ''
  })
  expect(listing).toEqual({
    name: 'Maré', kind: 'worker-coop', defaultLanguage: 'pt', summaryMap: { pt: '<p>Pesca.</p>' },
    location: [{ latitude: -8.05, longitude: -34.88, country: 'BR' }],
    contact: { website: 'https://maredigital.coop.br', phone: '+55 81 3333 4444' }, contactVisibility: { phone: 'partners' }, dataLicense: 'CC-BY-SA-4.0'
  })
  // a place named without coordinates is still a place (found by its name later); an unknown licence is the default
  expect(listingFromForm({ 'location.0.name': 'Recife', dataLicense: 'mine' })).toMatchObject({ location: [{ name: 'Recife' }], dataLicense: 'CC0-1.0' })
})
