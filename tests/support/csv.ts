/** Helpers for the CSV import/export tests: the export as text, a file posted to the import, the stored listings compared. */
import request from 'supertest'
import { inputOf } from '../../src/directory/listing-service'
import type { TestInstance } from './instance'

/** The export of `format`, as the raw text the client receives (byte-order mark included). */
export async function exportText(inst: TestInstance, format: string): Promise<string> {
  const res = await request(inst.tejido.app).get(`/api/export?format=${format}`).set(inst.auth).buffer(true).parse((r, done) => {
    const chunks: Buffer[] = []
    r.on('data', (c: Buffer) => chunks.push(c))
    r.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
  })
  expect(res.status).toBe(200)
  return res.body as string
}

/** POST /api/import with `body` as the file. */
export const postImport = (inst: TestInstance, query: string, body: string | Buffer) =>
  request(inst.tejido.app).post(`/api/import?${query}`).set(inst.auth).set('Content-Type', 'application/octet-stream').send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'))

/** Every listing of the instance: its input fields and its version, by slug. */
export async function storedInputs(inst: TestInstance): Promise<Array<{ input: Record<string, unknown>; version: number }>> {
  const { items } = await inst.tejido.listings.list({ page: 1, perPage: 20000 })
  return items.map((l) => ({ input: inputOf(l), version: l.version })).sort((a, b) => String(a.input.slug).localeCompare(String(b.input.slug)))
}
