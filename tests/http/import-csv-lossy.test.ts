/**
 * The lossy CSV formats (issue 13) keep exactly what the README's tables
 * ("Import and export formats") say: a listing with every field goes out
 * as SEA CSV and back into a fresh instance, and a Karte von Morgen export
 * comes in, and what arrives is compared field by field with the "kept"
 * list — every kept field equal, no other field present.
 */
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { exportText, postImport, storedInputs } from '../support/csv'
import { SEA_COLUMNS } from '../../src/exchange/csv/sea-csv'
import { KVM_COLUMNS } from '../../src/exchange/csv/kvm-csv'

let from: TestInstance
let to: TestInstance
beforeAll(async () => {
  from = await composeInstance()
  to = await composeInstance()
})
afterAll(async () => {
  await from?.close()
  await to?.close()
})

/** A listing with every field of the schema. */
const everyField = sampleListing({
  nameMap: { es: 'Red Tejida', en: 'Woven Network' },
  summaryMap: { es: '<p>Alojamiento</p>' },
  defaultLanguage: 'es',
  services: ['web-hosting', 'encrypted-email', 'vpn'],
  regionsServed: ['remote', 'MX-OAX', 'MX'],
  location: [
    { name: 'Oaxaca', address: 'Calle Falsa 123', country: 'MX', latitude: 17.0732, longitude: -96.7266 },
    { name: 'CDMX', latitude: 19.43, longitude: -99.13 }
  ],
  contact: { website: 'https://red-tejida.example', email: 'hola@red-tejida.example', fediverse: '@red@social.example', matrix: '@red:matrix.example', phone: '+52 951 000 0000' },
  contactVisibility: { phone: 'partners' },
  icon: 'https://red-tejida.example/logo.png',
  externalIds: { 'sea-csv': 'coops/red-42', murmurations: 'https://index.example/p.json' },
  example: true
})

/** What the README says SEA CSV keeps, out and back in. */
const SEA_KEPT = (l: typeof everyField & Record<string, unknown>) => ({
  name: l.name,
  summary: l.summary,
  kind: l.kind,
  services: l.services,
  regionsServed: ['MX-OAX'], // the first ISO region (Territory ID)
  location: [(l.location as unknown[])[0]], // the first place
  contact: { website: 'https://red-tejida.example', email: 'hola@red-tejida.example' }, // public website, email, phone
  externalIds: { 'sea-csv': 'coops/red-42' } // Identifier
})

test('SEA CSV out: the v4 header exactly, terms as URIs, only public contacts', async () => {
  expect((await from.tejido.listings.create(everyField)).ok).toBe(true)
  expect((await from.tejido.listings.create({ slug: 'sin-id', name: 'Sin Id', kind: 'other' })).ok).toBe(true)
  const [header, ...lines] = (await exportText(from, 'sea-csv')).split('\r\n')
  expect(header).toBe(`\ufeff${SEA_COLUMNS.join(',')}`)
  expect(lines).toHaveLength(3) // two listings and the empty end
  expect(lines.find((l) => l.startsWith('coops/'))).toBe([
    'coops/red-42', 'Red Tejida', '<p>Worker-owned hosting and <strong>secure email</strong>.</p>',
    'http://purl.org/essglobal/standard/organisational-structure/OS60', 'https://tejido.coop/ns/services/1.0#web-hosting',
    'https://tejido.coop/ns/services/1.0#encrypted-email;https://tejido.coop/ns/services/1.0#vpn',
    'Calle Falsa 123', 'Oaxaca', '', '', 'MX', 'MX-OAX', 'https://red-tejida.example', '', 'hola@red-tejida.example',
    '', '', '', '', '', '17.0732', '-96.7266', '', '', ''
  ].join(','))
  expect(lines.find((l) => l.startsWith('sin-id'))?.split(',').slice(0, 4)).toEqual(['sin-id', 'Sin Id', '', ''])
})

test('SEA CSV out and back into a fresh instance keeps exactly the kept fields; again: nothing changes', async () => {
  const file = await exportText(from, 'sea-csv')
  const first = await postImport(to, 'format=sea-csv', file).expect(200)
  expect(first.body).toMatchObject({ created: expect.arrayContaining(['red-tejida', 'sin-id']), refused: [] })
  const [red, sinId] = (await storedInputs(to)).map((l) => l.input)
  expect(red).toEqual({ slug: 'red-tejida', ...SEA_KEPT(everyField) })
  expect(sinId).toEqual({ slug: 'sin-id', name: 'Sin Id', kind: 'other', externalIds: { 'sea-csv': 'sin-id' } })
  const before = await storedInputs(to)
  expect((await postImport(to, 'format=sea-csv', file).expect(200)).body).toMatchObject({ created: [], updated: [], unchanged: expect.arrayContaining(['red-tejida', 'sin-id']) })
  expect(await storedInputs(to)).toEqual(before)
})

test('a SEA row matched by its Identifier replaces only the fields SEA carries', async () => {
  const row = ['coops/red-42', 'Red Tejida Cooperativa', '', 'OS100', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '17', '-96', '', '', '']
  const res = await postImport(from, 'format=sea-csv', `${SEA_COLUMNS.join(',')}\n${row.join(',')}\n`).expect(200)
  expect(res.body.updated).toEqual(['red-tejida'])
  const red = await from.tejido.listings.get('red-tejida')
  expect(red.ok && red.value).toMatchObject({ name: 'Red Tejida Cooperativa', kind: 'multi-stakeholder-coop', nameMap: everyField.nameMap, founded: 2015, location: [{ latitude: 17, longitude: -96 }] })
  expect(red.ok && red.value.externalIds).toEqual(everyField.externalIds)
})

test('a SEA file from elsewhere: labels, prefixed terms, geo container coordinates, ; delimiter', async () => {
  const file = [
    SEA_COLUMNS.join(';'),
    ['R000001', 'Cooperativa Sur', 'Hosting', 'Workers co-operative', 'AM20', '"ICA160; https://tejido.coop/ns/services/1.0#email-hosting"', 'Mitre 1132', 'Rosario', 'Santa Fe', 'S2000', 'ar', 'AR', 'http://sur.example', '', 'hola@sur.example', '', '', '', 'q07', '', '', '', 'S2000', '-32.94', '-60.65'].join(';')
  ].join('\n')
  const res = await postImport(to, 'format=sea-csv', file).expect(200)
  expect(res.body).toMatchObject({ created: ['cooperativa-sur'], refused: [] })
  const sur = await to.tejido.listings.get('cooperativa-sur')
  expect(sur.ok && sur.value).toMatchObject({
    kind: 'worker-coop',
    services: ['email-hosting'],
    tags: ['Campaigning, Activism & Advocacy', 'Education'],
    regionsServed: ['AR'],
    location: [{ name: 'Rosario', address: 'Mitre 1132, Santa Fe, S2000', country: 'AR', latitude: -32.94, longitude: -60.65 }],
    contact: { website: 'http://sur.example', email: 'hola@sur.example' },
    externalIds: { 'sea-csv': 'R000001' }
  })
})

/** A Karte von Morgen entries export row, every column filled. */
const KVM_ROW: Record<(typeof KVM_COLUMNS)[number], string> = {
  id: '7cee99c287094a94acbb5f9fe2b0c4e5', created_at: '1577836800', created_by: 'someone@kvm.example', version: '3',
  title: 'Digitalcourage Hosting eG', description: 'Hosting, Mail, Nextcloud – genossenschaftlich.', lat: '48.7758', lng: '9.1829',
  street: 'Königstraße 1', zip: '70173', city: 'Stuttgart', country: 'Deutschland', state: 'Baden-Württemberg',
  homepage: 'www.hosting-eg.example', contact_name: 'Kim', contact_email: 'info@hosting-eg.example', contact_phone: '+49 711 000000',
  opening_hours: 'Mo-Fr 09:00-17:00', founded_on: '2012-05-01', categories: '77b3c33a92554bcf8e8c2c86cedd6f6f',
  tags: 'webhosting,genossenschaft,e-mail,nextcloud', license: 'CC0-1.0', image_url: 'https://hosting-eg.example/logo.png',
  image_link_url: 'https://hosting-eg.example', avg_rating: '0.5'
}

test('Karte von Morgen CSV in keeps exactly the kept fields; again: nothing changes', async () => {
  const file = `${KVM_COLUMNS.join(',')}\n${KVM_COLUMNS.map((c) => (KVM_ROW[c].includes(',') ? `"${KVM_ROW[c]}"` : KVM_ROW[c])).join(',')}\n`
  const first = await postImport(to, 'format=kvm-csv', file).expect(200)
  expect(first.body).toMatchObject({ created: ['digitalcourage-hosting-eg'], refused: [] })
  const stored = (await storedInputs(to)).find((l) => l.input.slug === 'digitalcourage-hosting-eg')
  expect(stored?.input).toEqual({
    slug: 'digitalcourage-hosting-eg', // from the title
    name: KVM_ROW.title,
    summary: KVM_ROW.description,
    kind: 'other', // commercial
    services: ['web-hosting', 'email-hosting', 'cloud-storage'],
    tags: ['webhosting', 'genossenschaft', 'e-mail', 'nextcloud'],
    location: [{ name: 'Stuttgart', address: 'Königstraße 1, 70173 Stuttgart, Baden-Württemberg', country: 'DE', latitude: 48.7758, longitude: 9.1829 }],
    contact: { website: 'https://www.hosting-eg.example', email: KVM_ROW.contact_email, phone: KVM_ROW.contact_phone },
    founded: 2012,
    dataLicense: 'CC0-1.0',
    icon: KVM_ROW.image_url,
    externalIds: { 'kvm-csv': KVM_ROW.id }
  })
  const again = await postImport(to, 'format=kvm-csv', file).expect(200)
  expect(again.body).toMatchObject({ created: [], updated: [], unchanged: ['digitalcourage-hosting-eg'] })
})

test('a file without the format\'s header is refused saying which header it wants', async () => {
  const kvm = await postImport(to, 'format=kvm-csv', 'name,kind\nx,y\n').expect(200)
  expect(kvm.body.refused).toEqual([{ row: 1, field: '(row)', message: expect.stringContaining('id, created_at') }])
  const sea = await postImport(to, 'format=sea-csv', 'name,kind\nx,y\n').expect(200)
  expect(sea.body.refused).toEqual([{ row: 1, field: '(row)', message: expect.stringContaining('Identifier, Name') }])
})
