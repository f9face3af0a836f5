/**
 * POST /api/import (issue 13): places without coordinates geocoded offline
 * or refused at `location`; with `Accept: application/x-ndjson` the report
 * streamed, a line per row in the file's order and a summary last; without
 * it, the plain JSON report as before.
 */
import request from 'supertest'
import { composeInstance, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(async () => {
  await inst?.close()
})

const post = (body: string, accept?: string) => {
  const req = request(inst.tejido.app).post('/api/import?format=jsonl').set(inst.auth).set('Content-Type', 'application/octet-stream')
  return (accept ? req.set('Accept', accept) : req).buffer(true).parse((res, done) => {
    let text = ''
    res.on('data', (c: Buffer) => (text += c.toString('utf8')))
    res.on('end', () => done(null, text))
  }).send(Buffer.from(body, 'utf8'))
}
const jsonl = (rows: unknown[]) => rows.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n')

test('a place named by town and country is geocoded offline; one the gazetteer does not know is refused at location', async () => {
  const res = await post(jsonl([
    { slug: 'en-oaxaca', name: 'En Oaxaca', kind: 'collective', location: [{ name: 'Oaxaca', address: 'Calle 5 de Mayo 100', country: 'MX' }] },
    { slug: 'en-ninguna', name: 'En ninguna parte', kind: 'collective', location: [{ name: 'Xqzzyville', country: 'MX' }] }
  ])).expect(200)
  const report = JSON.parse(res.body as string) as { created: string[]; refused: unknown[] }
  expect(report.created).toEqual(['en-oaxaca'])
  expect(report.refused).toEqual([{ row: 2, field: 'location', message: '"Xqzzyville, MX" is not a place the offline gazetteer knows; add latitude and longitude' }])
  const stored = await inst.tejido.listings.get('en-oaxaca')
  expect(stored.ok && stored.value.location?.[0]).toMatchObject({ name: 'Oaxaca', address: 'Calle 5 de Mayo 100', country: 'MX', latitude: expect.closeTo(17.06, 1), longitude: expect.closeTo(-96.72, 1) })
  expect((await inst.tejido.listings.get('en-ninguna')).ok).toBe(false)
})

test('asked for NDJSON, the report streams a line per row in the file\'s order, then the summary', async () => {
  const rows = [
    ...Array.from({ length: 150 }, (_, i) => ({ slug: `fila-${i}`, name: `Fila ${i}`, kind: 'collective' })),
    '{not json',
    { slug: 'sin-tipo', name: 'Sin tipo' },
    { slug: 'fila-0', name: 'Fila 0', kind: 'collective' }
  ]
  const res = await post(jsonl(rows), 'application/x-ndjson').expect(200)
  expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/)
  const lines = (res.body as string).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
  expect(lines).toHaveLength(rows.length + 1)
  expect(lines.slice(0, -1).map((l) => l.row)).toEqual(rows.map((_, i) => i + 1))
  expect(lines[0]).toEqual({ row: 1, kind: 'created', slug: 'fila-0' })
  expect(lines[150]).toEqual({ row: 151, kind: 'refused', errors: [{ field: '(row)', message: 'this line is not JSON' }] })
  expect(lines[151]).toMatchObject({ row: 152, kind: 'refused', errors: [{ field: 'kind' }] })
  expect(lines[152]).toEqual({ row: 153, kind: 'unchanged', slug: 'fila-0' }) // the file's own first row, written before it is read again
  expect(lines[153]).toEqual({ summary: { dryRun: false, rows: 153, created: 150, updated: 0, unchanged: 1, skipped: 0, refused: 2 } })
})

test('without asking, the plain JSON report as before', async () => {
  const res = await post(jsonl([{ slug: 'fila-1', name: 'Fila 1', kind: 'collective' }])).expect(200)
  expect(res.headers['content-type']).toMatch(/^application\/json/)
  expect(JSON.parse(res.body as string)).toEqual({ dryRun: false, created: [], updated: [], unchanged: ['fila-1'], skipped: [], refused: [] })
})

test('rows whose writes overlap still see each other: the same co-op twice (by website) is one listing, written in the file\'s order', async () => {
  const rows = Array.from({ length: 100 }, (_, i) => ({ name: `Cooperativa ${i}`, kind: 'collective', contact: { website: `https://coop-${i % 50}.example/` }, size: i + 1 }))
  const res = await post(jsonl(rows), 'application/x-ndjson').expect(200)
  const lines = (res.body as string).trim().split('\n').map((l) => JSON.parse(l) as { row: number; kind: string; slug: string })
  expect(lines.slice(0, 50).every((l) => l.kind === 'created')).toBe(true)
  expect(lines.slice(50, 100).map((l) => [l.kind, l.slug])).toEqual(lines.slice(0, 50).map((l) => ['updated', l.slug]))
  const last = await inst.tejido.listings.get(lines[99]?.slug as string)
  expect(last.ok && last.value).toMatchObject({ name: 'Cooperativa 99', size: 100, version: 2 })
})

test('a dry run refuses the slug of a deleted listing as the real run does, and writes nothing', async () => {
  await request(inst.tejido.app).delete('/api/listings/fila-2').set(inst.auth).expect(204)
  const dry = await request(inst.tejido.app).post('/api/import?format=jsonl&dryRun=true').set(inst.auth).set('Content-Type', 'application/octet-stream').send(Buffer.from(jsonl([{ slug: 'fila-2', name: 'Fila 2', kind: 'collective' }, { slug: 'nueva-en-seco', name: 'Nueva', kind: 'collective' }]))).expect(200)
  expect(dry.body).toMatchObject({ dryRun: true, created: ['nueva-en-seco'], refused: [{ row: 1, field: 'slug', message: expect.stringContaining('deleted listing') }] })
  expect((await inst.tejido.listings.get('nueva-en-seco')).ok).toBe(false)
})
