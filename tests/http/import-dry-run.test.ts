/**
 * A dry run reports what the real run then does (issue 13, review item 6):
 * a file with the same co-op twice (the same slug in Tejido JSON; the same
 * website or Identifier in SEA CSV; the same Feature id in GeoJSON) is one
 * created and one unchanged or updated in both, with the same slugs.
 */
import { composeInstance, type TestInstance } from '../support/instance'
import { postImport } from '../support/csv'
import { SEA_COLUMNS } from '../../src/exchange/csv/sea-csv'

let inst: TestInstance
beforeEach(async () => {
  inst = await composeInstance()
})
afterEach(async () => {
  await inst?.close()
})

const seaLine = (cells: Partial<Record<(typeof SEA_COLUMNS)[number], string>>): string => SEA_COLUMNS.map((c) => cells[c] ?? '').join(',')

const FILES: Array<[string, string]> = [
  ['json', JSON.stringify([
    { slug: 'uno', name: 'Uno', kind: 'collective' },
    { slug: 'uno', name: 'Uno', kind: 'collective' }, // the same again: unchanged
    { slug: 'uno', name: 'Uno otra vez', kind: 'collective' }, // changed: updated
    { slug: 'dos', name: 'Dos', kind: 'collective' }
  ])],
  ['sea-csv', [
    SEA_COLUMNS.join(','),
    seaLine({ Name: 'Tres', Website: 'https://tres.example' }),
    seaLine({ Name: 'Tres', Website: 'https://tres.example/' }), // the same website: the same co-op
    seaLine({ Identifier: 'R7', Name: 'Cuatro' }),
    seaLine({ Identifier: 'R7', Name: 'Cuatro Coop' }), // the same Identifier: updated
    seaLine({ Identifier: 'R8', Name: 'Tres' }) // another co-op of the same name: a fresh slug
  ].join('\n')],
  ['geojson', JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', id: 'n/1', geometry: { type: 'Point', coordinates: [-96.72, 17.06] }, properties: { name: 'Cinco' } },
    { type: 'Feature', id: 'n/1', geometry: { type: 'Point', coordinates: [-96.72, 17.06] }, properties: { name: 'Cinco' } }
  ] })]
]

test.each(FILES)('%s: a file with the same co-op twice: the dry run reports what the real run does', async (format, file) => {
  const dry = await postImport(inst, `format=${format}&dryRun=true`, file).expect(200)
  const real = await postImport(inst, `format=${format}&dryRun=false`, file).expect(200)
  expect(real.body.refused).toEqual([])
  expect(real.body.created.length).toBeGreaterThan(0)
  expect(real.body.unchanged.length + real.body.updated.length).toBeGreaterThan(0)
  expect({ ...dry.body, dryRun: false }).toEqual(real.body)
})

test('the rows the dry run would create are not written', async () => {
  const [, file] = FILES[0] as [string, string]
  await postImport(inst, 'format=json&dryRun=true', file).expect(200)
  expect((await inst.tejido.listings.get('uno')).ok).toBe(false)
})
