/**
 * POST /api/import for Tejido JSON and JSON Lines (issue 13, point 1, first
 * part): export → import into a fresh instance gives the same listings,
 * every field and language; the same file again changes nothing, not even
 * `version`; a dry run writes nothing; bad rows are named by number and
 * field, the good ones in; a file that is not UTF-8 is refused saying so.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { inputOf } from '../../src/directory/listing-service'

let from: TestInstance
let to: TestInstance
beforeAll(async () => {
  from = await composeInstance()
  to = await composeInstance()
  const rich = sampleListing({ nameMap: { es: 'Red Tejida', en: 'Woven Network', qu: 'Awasqa Llika' }, summaryMap: { es: '<p>Alojamiento y <em>correo</em> seguro.</p>', pt: '<p>Hospedagem e e-mail seguro.</p>' }, icon: 'https://red-tejida.example/logo.png' })
  for (const listing of [rich, sampleListing({ slug: 'mare', name: 'Maré Digital', contactVisibility: { email: 'partners' } }), { slug: 'minima', name: 'Mínima', kind: 'collective' }]) {
    expect((await from.tejido.listings.create(listing)).ok).toBe(true)
  }
})
afterAll(async () => {
  await from?.close()
  await to?.close()
})

const exported = async (format: 'json' | 'jsonl') => (await request(from.tejido.app).get(`/api/export?format=${format}`).set(from.auth).buffer(true).parse((res, done) => {
  let body = ''
  res.on('data', (c: Buffer) => (body += c.toString('utf8')))
  res.on('end', () => done(null, body))
})).body as string

const post = (query: string, body: string | Buffer) => request(to.tejido.app).post(`/api/import?${query}`).set(to.auth).set('Content-Type', 'application/octet-stream').send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'))
const storedInputs = async (inst: TestInstance) => (await inst.tejido.listings.list({ page: 1, perPage: 100 })).items.map((l) => ({ input: inputOf(l), version: l.version })).sort((a, b) => String(a.input.slug).localeCompare(String(b.input.slug)))

test('a dry run reports what would happen and writes nothing', async () => {
  const res = await post('format=json&dryRun=true', await exported('json')).expect(200)
  expect(res.body).toMatchObject({ dryRun: true, created: expect.arrayContaining(['red-tejida', 'mare', 'minima']), updated: [], refused: [] })
  expect(await storedInputs(to)).toEqual([])
})

test('export, then import into a fresh instance: the same listings, every field and language; again: nothing changes', async () => {
  const first = await post('format=json', await exported('json')).expect(200)
  expect(first.body.created.sort()).toEqual(['mare', 'minima', 'red-tejida'])
  const there = await storedInputs(to)
  expect(there.map((l) => l.input)).toEqual((await storedInputs(from)).map((l) => l.input))
  const again = await post('format=jsonl', await exported('jsonl')).expect(200)
  expect(again.body).toMatchObject({ created: [], updated: [], unchanged: expect.arrayContaining(['mare', 'minima', 'red-tejida']), refused: [] })
  expect(await storedInputs(to)).toEqual(there) // versions included
})

test('a changed row replaces the listing whole (a field it lacks is removed), or is skipped on request', async () => {
  const rows = JSON.parse(await exported('json')) as Array<Record<string, unknown>>
  const row: Record<string, unknown> = { ...rows.find((l) => l.slug === 'mare'), name: 'Maré Digital Cooperativa' }
  delete row.pricing
  expect((await post('format=json&onConflict=skip', JSON.stringify([row])).expect(200)).body.skipped).toEqual(['mare'])
  expect((await post('format=json', JSON.stringify([row])).expect(200)).body.updated).toEqual(['mare'])
  const mare = await to.tejido.listings.get('mare')
  expect(mare.ok && mare.value.name).toBe('Maré Digital Cooperativa')
  expect(mare.ok && 'pricing' in mare.value).toBe(false)
})

test('bad rows are named by number and field; the good ones are in; a deleted slug is not reused', async () => {
  await request(to.tejido.app).delete('/api/listings/minima').set(to.auth).expect(204)
  const lines = [
    JSON.stringify({ slug: 'nueva', name: 'Nueva', kind: 'collective' }),
    '',
    '{not json',
    JSON.stringify({ slug: 'sin-tipo', name: 'Sin tipo' }),
    JSON.stringify({ slug: 'minima', name: 'Mínima', kind: 'collective' })
  ].join('\n')
  const res = await post('format=jsonl', lines).expect(200)
  expect(res.body.created).toEqual(['nueva'])
  expect(res.body.refused).toEqual([
    { row: 3, field: '(row)', message: 'this line is not JSON' },
    { row: 4, field: 'kind', message: expect.any(String) },
    { row: 5, field: 'slug', message: expect.stringContaining('deleted listing') }
  ])
  expect((await to.tejido.listings.get('sin-tipo')).ok).toBe(false)
})

test('a file that is not UTF-8, an unknown format, no token: refused, saying why', async () => {
  const latin1 = Buffer.from(JSON.stringify([{ slug: 'cafe', name: 'Caf\u00e9', kind: 'collective' }]), 'latin1')
  const res = await post('format=json', latin1).expect(415)
  expect(res.body.detail).toContain('not UTF-8')
  expect((await post('format=xlsx', '[]').expect(400)).body.errors[0].field).toBe('format')
  await request(to.tejido.app).post('/api/import?format=json').send('[]').expect(401)
  expect((await to.tejido.listings.get('cafe')).ok).toBe(false)
})
