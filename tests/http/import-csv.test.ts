/**
 * Tejido CSV through the API (issue 13): export → import into a fresh
 * instance gives the same listings, every field and language; the same
 * file again changes nothing, not even `version`; messy files (BOM, `;`,
 * quoted newlines, empty trailing columns, Latin-1) are read or refused
 * saying why; a 10,000-row file with bad rows names each one and takes the
 * rest; a file that is not CSV writes nothing.
 */
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { exportText, postImport, storedInputs } from '../support/csv'

let from: TestInstance
let to: TestInstance
beforeAll(async () => {
  from = await composeInstance()
  to = await composeInstance()
  const rich = sampleListing({
    nameMap: { es: 'Red Tejida', en: 'Woven Network', qu: 'Awasqa Llika', 'pt-BR': 'Rede Tecida' },
    summaryMap: { es: '<p>Alojamiento y <em>correo</em>; seguro.</p>', pt: '<p>Hospedagem, "e-mail" seguro.\nDuas linhas.</p>', de: '<p>Hosting</p>' },
    defaultLanguage: 'es',
    tags: ['solidarity', 'semi;colon', 'back\\slash'],
    location: [
      { name: 'Oaxaca office', address: 'Calle Falsa 123, Oaxaca', country: 'MX', latitude: 17.0732, longitude: -96.7266 },
      { latitude: -34.6037, longitude: -58.3816 }
    ],
    contact: { website: 'https://red-tejida.example', email: 'hola@red-tejida.example', fediverse: '@red@social.example', matrix: '@red:matrix.example', phone: '+52 951 000 0000' },
    contactVisibility: { phone: 'partners', email: 'public' },
    icon: 'https://red-tejida.example/logo.png',
    externalIds: { 'sea-csv': 'sea/42', murmurations: 'https://index.example/p/1.json' },
    pricing: '=HYPERLINK("http://evil.example") is not run',
    example: true
  })
  for (const listing of [rich, sampleListing({ slug: 'mare', name: 'Maré Digital', acceptingClients: false, tags: ['-menos'] }), { slug: 'minima', name: 'Mínima', kind: 'collective' }]) {
    expect((await from.tejido.listings.create(listing)).ok).toBe(true)
  }
})
afterAll(async () => {
  await from?.close()
  await to?.close()
})

test('the export opens in a spreadsheet: BOM, CRLF, a guarded formula', async () => {
  const csv = await exportText(from, 'csv')
  expect(csv.startsWith('\ufeffslug,name,name:en,name:es,name:fr,name:pt,name:*,summary,')).toBe(true)
  expect(csv.split('\r\n')).toHaveLength(5) // header, three listings, the empty end
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"") is not run"`)
})

test('export, then import into a fresh instance: the same listings, every field and language; again: nothing changes', async () => {
  const csv = await exportText(from, 'csv')
  const first = await postImport(to, 'format=csv', csv).expect(200)
  expect(first.body).toMatchObject({ refused: [], updated: [] })
  expect(first.body.created.sort()).toEqual(['mare', 'minima', 'red-tejida'])
  const there = await storedInputs(to)
  expect(there.map((l) => l.input)).toEqual((await storedInputs(from)).map((l) => l.input))
  const again = await postImport(to, 'format=csv', csv).expect(200)
  expect(again.body).toMatchObject({ created: [], updated: [], refused: [], unchanged: expect.arrayContaining(['mare', 'minima', 'red-tejida']) })
  expect(await storedInputs(to)).toEqual(there) // versions included
})

test('a messy file: BOM, ; delimiter, headers in any case, quoted newlines, a column per language, empty trailing columns', async () => {
  const file = [
    '\ufeff Slug ;NAME;Kind;name:de;Summary;location.latitude;location.longitude;services;;',
    'sucio;"Sucio; Limpio";collective;Schmutzig;"<p>Two',
    'lines</p>";-33.45;-70.66;"web-hosting; email-hosting ";;',
    '',
    'corto;Corto;informal-group'
  ].join('\r\n')
  const res = await postImport(to, 'format=csv&dryRun=false', file).expect(200)
  expect(res.body).toMatchObject({ created: ['sucio', 'corto'], refused: [] })
  const sucio = await to.tejido.listings.get('sucio')
  expect(sucio.ok && sucio.value).toMatchObject({
    name: 'Sucio; Limpio',
    nameMap: { de: 'Schmutzig' },
    summary: '<p>Two\r\nlines</p>', // a spreadsheet's line end inside a cell is kept as it is
    location: [{ latitude: -33.45, longitude: -70.66 }],
    services: ['web-hosting', 'email-hosting']
  })
})

test('bad rows are named by their spreadsheet row, field and message', async () => {
  const file = [
    'slug,name,kind,location.name,location.latitude,location.longitude,founded',
    'buena,Buena,collective,"A;B",1;2,3;4,1999',
    '"multi',
    'line",Multi,collective,,,,',
    'sin-tipo,Sin tipo,,,,,',
    'desparejo,Desparejo,collective,A;B,1,2,',
    'anio,Año,collective,,,,about 1990'
  ].join('\n')
  const res = await postImport(to, 'format=csv', file).expect(200)
  expect(res.body.created).toEqual(['buena'])
  expect(res.body.refused).toEqual([
    { row: 3, field: 'slug', message: expect.any(String) },
    { row: 4, field: 'kind', message: 'is required' },
    { row: 5, field: '(row)', message: expect.stringContaining('location.latitude has 1 items') },
    { row: 6, field: 'founded', message: expect.any(String) }
  ])
  expect((await to.tejido.listings.get('sin-tipo')).ok).toBe(false)
})

test('a Latin-1 file is refused saying so, and read when its encoding is declared', async () => {
  const latin1 = Buffer.from('slug;name;kind\r\ncafe;Café Libre;collective\r\n', 'latin1')
  const refused = await postImport(to, 'format=csv', latin1).expect(415)
  expect(refused.body.detail).toContain('not UTF-8')
  expect((await to.tejido.listings.get('cafe')).ok).toBe(false)
  expect((await postImport(to, 'format=csv&encoding=latin1', latin1).expect(200)).body.created).toEqual(['cafe'])
  const cafe = await to.tejido.listings.get('cafe')
  expect(cafe.ok && cafe.value.name).toBe('Café Libre')
})

test('a file whose quote never closes is refused whole: nothing of it is written', async () => {
  const res = await postImport(to, 'format=csv', 'slug,name,kind\nprimera,Primera,collective\nsegunda,"Segunda,collective\n').expect(200)
  expect(res.body.created).toEqual([])
  expect(res.body.refused).toEqual([{ row: 3, field: '(row)', message: expect.stringContaining('not readable CSV') }])
  expect((await to.tejido.listings.get('primera')).ok).toBe(false)
})

test('10,000 rows, some invalid: each bad row named, every valid one in', async () => {
  const bad = new Map([[17, 'kind'], [4321, 'location.0.latitude'], [9999, 'contact.email']])
  const lines = ['slug,name,kind,location.latitude,location.longitude,contact.email']
  for (let row = 2; row <= 10001; row++) {
    const kind = bad.get(row) === 'kind' ? 'cooperative-ish' : 'worker-coop'
    const lat = bad.get(row) === 'location.0.latitude' ? '123' : String(-30 + (row % 60))
    const email = bad.get(row) === 'contact.email' ? 'not an email' : `r${row}@bulk.example`
    lines.push(`bulk-${row},Bulk ${row},${kind},${lat},${(row % 300) - 150},${email}`)
  }
  const res = await postImport(to, 'format=csv', lines.join('\r\n')).expect(200)
  expect(res.body.created).toHaveLength(10000 - bad.size)
  expect(res.body.refused).toEqual([...bad].map(([row, field]) => ({ row, field, message: expect.any(String) })))
  for (const row of bad.keys()) expect((await to.tejido.listings.get(`bulk-${row}`)).ok).toBe(false)
  expect((await to.tejido.listings.get('bulk-10001')).ok).toBe(true)
}, 300000) // the import writes each row whole, one at a time: ~20-40 s here
