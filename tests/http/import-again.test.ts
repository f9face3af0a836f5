/**
 * Importing the same file twice changes nothing (issue 13, review item 7),
 * also for lossy rows that give no identifier and no website (each gets an
 * identifier derived from its name and place), and for a SEA export
 * imported back into the instance that wrote it (a listing without a SEA
 * identifier goes out with its slug as Identifier, and comes back to it).
 */
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { exportText, postImport, storedInputs } from '../support/csv'
import { SEA_COLUMNS } from '../../src/exchange/csv/sea-csv'
import { KVM_COLUMNS } from '../../src/exchange/csv/kvm-csv'
import { DERIVED_ID_PREFIX } from '../../src/exchange/import-match'

let inst: TestInstance
beforeEach(async () => {
  inst = await composeInstance()
})
afterEach(async () => {
  await inst?.close()
})

test('a SEA export imported into the same instance matches every listing: nothing created', async () => {
  const listings = [
    sampleListing({ slug: 'sin-web', name: 'Sin Web', contact: undefined, externalIds: undefined }), // Identifier: its slug; nothing else to match
    sampleListing({ slug: 'con-web', name: 'Con Web', contact: { website: 'https://con-web.example' }, externalIds: undefined }),
    sampleListing({ slug: 'con-id', name: 'Con Id', contact: undefined, externalIds: { 'sea-csv': 'R-1' } })
  ]
  for (const l of listings) expect((await inst.tejido.listings.create(JSON.parse(JSON.stringify(l)))).ok).toBe(true)
  const file = await exportText(inst, 'sea-csv')
  const first = await postImport(inst, 'format=sea-csv', file).expect(200)
  expect(first.body).toMatchObject({ created: [], refused: [] })
  expect([...first.body.updated, ...first.body.unchanged].sort()).toEqual(['con-id', 'con-web', 'sin-web'])
  expect((await storedInputs(inst)).map((l) => l.input.slug)).toEqual(['con-id', 'con-web', 'sin-web'])
  expect((await postImport(inst, 'format=sea-csv', file).expect(200)).body).toMatchObject({ created: [], updated: [], refused: [] })
})

test('a SEA listing with a SEA identifier is not claimed by another row whose Identifier is its slug', async () => {
  expect((await inst.tejido.listings.create(sampleListing({ slug: 'r-9', name: 'Nueve', externalIds: { 'sea-csv': 'X9' } }))).ok).toBe(true)
  const file = [SEA_COLUMNS.join(','), SEA_COLUMNS.map((c) => ({ Identifier: 'r-9', Name: 'Otra' } as Record<string, string>)[c] ?? '').join(',')].join('\n')
  expect((await postImport(inst, 'format=sea-csv', file).expect(200)).body.created).toEqual(['otra'])
})

const foreignGeojson = JSON.stringify({ type: 'FeatureCollection', features: [
  { type: 'Feature', geometry: { type: 'Point', coordinates: [-96.72, 17.06] }, properties: { name: 'Sin Nada' } },
  { type: 'Feature', geometry: { type: 'Point', coordinates: [-99.13, 19.43] }, properties: { name: 'Sin Nada' } }, // another place: another co-op
  { type: 'Feature', geometry: null, properties: { name: 'Con Web', website: 'https://con-web.example', city: 'Lisboa', country: 'PT' } }
] })

const seaFile = [SEA_COLUMNS.join(','), SEA_COLUMNS.map((c) => ({ Name: 'Sin Identificador', Locality: 'Oaxaca', 'Country ID': 'MX', Latitude: '17.06', Longitude: '-96.72' } as Record<string, string>)[c] ?? '').join(',')].join('\n')

const kvmFile = [KVM_COLUMNS.join(','), KVM_COLUMNS.map((c) => ({ title: 'Sin Id', city: 'Berlin', country: 'DE', lat: '52.52', lng: '13.40' } as Record<string, string>)[c] ?? '').join(',')].join('\n')

test.each([['geojson', foreignGeojson, 3], ['sea-csv', seaFile, 1], ['kvm-csv', kvmFile, 1]] as const)(
  '%s rows without an identifier or website: the same file twice creates nothing the second time', async (format, file, rows) => {
    const first = await postImport(inst, `format=${format}`, file).expect(200)
    expect(first.body.refused).toEqual([])
    expect(first.body.created).toHaveLength(rows)
    const again = await postImport(inst, `format=${format}`, file).expect(200)
    expect(again.body).toMatchObject({ created: [], updated: [], refused: [] })
    expect(again.body.unchanged.sort()).toEqual([...first.body.created].sort())
    const stored = await storedInputs(inst)
    expect(stored).toHaveLength(rows)
    expect(stored.every((l) => l.version === 1)).toBe(true)
    const withWebsite = stored.filter((l) => (l.input.contact as { website?: string } | undefined)?.website)
    for (const l of withWebsite) expect(l.input.externalIds).toBeUndefined() // matched by its website: no identifier made up
    for (const l of stored.filter((s) => !withWebsite.includes(s))) expect(Object.values(l.input.externalIds as object)[0]).toMatch(new RegExp(`^${DERIVED_ID_PREFIX}[0-9a-f]{24}$`))
  })
