/** Tejido CSV row ↔ listing, as pure functions (csv/tejido-csv.ts): every field out and back, and rows refused saying why. */
import { parse } from 'csv-parse/sync'
import { tejidoCsvHeader, tejidoCsvLine, tejidoListing } from '../../../src/exchange/csv/tejido-csv'
import { Header } from '../../../src/exchange/csv/read'
import { TEJIDO_COLUMNS } from '../../../src/exchange/csv/tejido-columns'
import type { Listing } from '../../../src/directory/listing'

const cellsOf = (line: string): string[] => (parse(line, { bom: true }) as string[][])[0] as string[]
const header = new Header(TEJIDO_COLUMNS)

const full = {
  slug: 'red', name: '=Red', nameMap: { en: 'Woven', 'pt-BR': 'Tecida', qu: 'Awasqa; Llika' }, summary: '<p>a, "b"\nc</p>', summaryMap: { fr: '<p>Tissé</p>' },
  defaultLanguage: 'es', kind: 'worker-coop', services: ['vpn', 'web-hosting'], tags: ['x;y', 'back\\slash', '-z'], languages: ['es', 'qu'], regionsServed: ['MX-OAX', 'remote'],
  location: [{ name: 'A', address: 'Calle 1; piso 2', country: 'MX', latitude: 17.0732, longitude: -96.7266 }, { latitude: -34.6, longitude: -58.38 }],
  contact: { website: 'https://red.example', email: 'a@red.example', fediverse: '@r@s.example', matrix: '@r:m.example', phone: '+52 951 000' },
  contactVisibility: { phone: 'partners' }, founded: 2015, size: 12, acceptingClients: false, pricing: '@sliding', networks: ['CoTech'], dataLicense: 'CC-BY-SA-4.0',
  icon: 'https://red.example/i.png', externalIds: { 'kvm-csv': 'k1', geojson: 'g#1' }, example: true
} as const

test('the header is the byte-order mark and every column', () => {
  expect(tejidoCsvHeader()).toBe(`\ufeff${TEJIDO_COLUMNS.join(',')}\r\n`)
})

test('a listing with every field is one line that reads back as the same listing', () => {
  const line = tejidoCsvLine(full as unknown as Listing)
  expect(line.endsWith('\r\n')).toBe(true)
  const cells = cellsOf(line)
  expect(cells).toHaveLength(TEJIDO_COLUMNS.length)
  expect(cells[TEJIDO_COLUMNS.indexOf('name:*')]).toBe('pt-BR=Tecida;qu=Awasqa\\; Llika')
  expect(cells[TEJIDO_COLUMNS.indexOf('name')]).toBe("'=Red")
  expect(tejidoListing(header, cells)).toEqual(full)
})

test('a minimal listing has only its fields', () => {
  const minimal = { slug: 'm', name: 'M', kind: 'other' }
  expect(tejidoListing(header, cellsOf(tejidoCsvLine(minimal as unknown as Listing)))).toEqual(minimal)
})

test.each([
  [['slug', 'name', 'name:*'], ['a', 'A', 'qu'], 'name:* holds "qu", not a LANGUAGE=text entry'],
  [['slug', 'name', 'location.latitude', 'location.longitude'], ['a', 'A', '1;2', '3'], 'location.longitude has 1 items but another place column has 2']
])('a row %j / %j is refused: %s', (names, record, message) => {
  expect(tejidoListing(new Header(names), record)).toEqual(expect.stringContaining(message))
})
