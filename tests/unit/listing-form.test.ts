/** The editor form ⇄ listing mapping: a save becomes a merge patch of only what the person changed. */
import { formValues, formPatch, changedSince, fingerprint } from '../../src/http/site/form/listing-form'
import type { Listing } from '../../src/directory/listing'

const listing: Listing = {
  slug: 'mapped', name: 'Mapped', kind: 'worker-coop', defaultLanguage: 'de',
  nameMap: { de: 'Kartiert', ja: '地図', en: 'Mapped' },
  summary: '<p>Plain default summary.</p>',
  summaryMap: { en: '<p>We host <em>co-ops</em>:</p><ul><li>web</li><li>mail</li></ul>' },
  languages: ['es', 'zh', 'en'], services: ['web-hosting'],
  location: [{ name: 'Office', address: 'Calle 1', country: 'MX', latitude: 17, longitude: -96 }, { latitude: 1, longitude: 2 }],
  contact: { website: 'https://m.example', phone: '+52 1 234 5678' },
  id: 'https://tejido.test/orgs/mapped', origin: 'https://tejido.test', published: new Date(0), updated: new Date(0),
  moderation: 'approved', provenance: { origin: 'https://tejido.test', via: 'local', firstSeen: new Date(0), lastVerified: new Date(0) }, version: 3
}

/** The form as a browser sends it back: lists as repeated values, textareas with CRLF. */
const submitted = (changes: Record<string, string | string[]> = {}): Record<string, unknown> => {
  const values: Record<string, unknown> = { ...formValues(listing) }
  for (const [k, v] of Object.entries(values)) if (typeof v === 'string' && k.startsWith('summaryMap.')) values[k] = v.replace(/\n/g, '\r\n')
  return { ...values, _csrf: 'x', _version: '3', action: 'submit', ...changes }
}

test.each<[string, Record<string, string | string[]>, Record<string, unknown>]>([
  ['nothing changed (CRLF, reordered boxes, spaces)', { languages: ['en', 'zh', 'es'], name: ' Mapped ' }, {}],
  ['the name', { name: 'Renamed' }, { name: 'Renamed' }],
  ['one name language cleared, the others stay', { 'nameMap.en': '' }, { nameMap: { en: null } }],
  ['a new summary language', { 'summaryMap.fr': 'Bonjour.\r\n\r\nDeux.' }, { summaryMap: { fr: '<p>Bonjour.</p><p>Deux.</p>' } }],
  ['a box unticked: stored order kept', { languages: ['zh', 'en'] }, { languages: ['zh', 'en'] }],
  ['a box ticked: added after', { languages: ['es', 'zh', 'en', 'fr'] }, { languages: ['es', 'zh', 'en', 'fr'] }],
  ['no services left', { services: [] }, { services: null }],
  ['the first place moved: its address and the other places stay', { 'location.0.latitude': '18.5' }, { location: [{ name: 'Office', address: 'Calle 1', country: 'MX', latitude: 18.5, longitude: -96 }, { latitude: 1, longitude: 2 }] }],
  ['both coordinates cleared: the first place goes', { 'location.0.latitude': '', 'location.0.longitude': '' }, { location: [{ latitude: 1, longitude: 2 }] }],
  ['the website cleared, the phone stays', { 'contact.website': '' }, { contact: { website: null } }],
  ['the default language', { defaultLanguage: 'en' }, { defaultLanguage: 'en' }],
  // issue 12: every field of the schema on the form, each patched only when changed
  ['the second place moved: the first stays whole', { 'location.1.latitude': '1,5' }, { location: [listing.location?.[0], { latitude: 1.5, longitude: 2 }] }],
  ['a third place added at the end', { 'location.2.name': 'Depot', 'location.2.latitude': '3', 'location.2.longitude': '4,25' }, { location: [listing.location?.[0], listing.location?.[1], { name: 'Depot', latitude: 3, longitude: 4.25 }] }],
  ['the first place removed', { '_remove.location.0': '1' }, { location: [{ latitude: 1, longitude: 2 }] }],
  ['the phone for partners only', { 'contactVisibility.phone': 'partners' }, { contactVisibility: { phone: 'partners' } }],
  ['a site typed without its scheme', { 'contact.website': 'other.example' }, { contact: { website: 'https://other.example' } }],
  ['taking clients, founded, keywords', { acceptingClients: 'true', founded: '2012', tags: 'redes, pesca' }, { acceptingClients: true, founded: 2012, tags: ['redes', 'pesca'] }],
  ['regions by name', { regionsServed: 'Brasil, remoto' }, { regionsServed: ['BR', 'remote'] }],
  ['the licence chosen', { dataLicense: 'CC-BY-SA-4.0' }, { dataLicense: 'CC-BY-SA-4.0' }],
  ['a logo', { icon: 'https://m.example/logo.png' }, { icon: 'https://m.example/logo.png' }],
  // names and summaries in languages beyond the UI's, in rows (de, ja as stored, then an empty one)
  ['a name in Japanese changed', { 'other.1.name': '新しい網' }, { nameMap: { ja: '新しい網' } }],
  ['a summary in Quechua added in the empty row', { 'other.2.lang': 'qu', 'other.2.summary': 'Llika.' }, { summaryMap: { qu: '<p>Llika.</p>' } }],
  ['the German row cleared', { 'other.0.lang': '', 'other.0.name': '' }, { nameMap: { de: null } }]
])('%s', (_label, changes, patch) => {
  expect(formPatch(listing, submitted(changes))).toEqual(patch)
})

test('the form shows what the boxes and menus do not offer, so it round-trips', () => {
  const values = formValues(listing)
  expect(values.defaultLanguage).toBe('de')
  expect(values.languages).toEqual(['es', 'zh', 'en'])
  expect(values['summaryMap.en']).toBe('We host co-ops:\n\nweb\nmail')
  expect(values['location.1.latitude']).toBe('1')
  expect(values['contactVisibility.phone']).toBe('public') // what its absence means, sent back unchanged: no patch
  expect(values.dataLicense).toBe('CC0-1.0')
  expect([values['other.0.lang'], values['other.0.name'], values['other.1.lang'], values['other.1.name'], values['other.2.lang']]).toEqual(['de', 'Kartiert', 'ja', '地図', undefined])
})

test('changedSince names the fields that differ from the fingerprint the form was loaded with', () => {
  const loaded = fingerprint(formValues(listing))
  expect(changedSince(loaded, formValues(listing))).toEqual([])
  expect(changedSince(loaded, formValues({ ...listing, name: 'Other', languages: ['en'] }))).toEqual(['name', 'languages'])
  expect(changedSince('not json', formValues(listing)).length).toBeGreaterThan(10)
})
