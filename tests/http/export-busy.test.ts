/** At most MAX_PUBLIC_EXPORTS public exports run at once; the next is a 503 with Retry-After, the operator's are not counted. */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { exportRoutes, MAX_PUBLIC_EXPORTS, type ExportDeps } from '../../src/http/api/export'
import type { Listing } from '../../src/directory/listing'

const TOKEN = 'operator-token-operator-token'

let release: () => void = () => undefined
const held = new Promise<void>((resolve) => (release = resolve))
let started = 0

async function* slowListings(): AsyncGenerator<Listing> {
  started++
  await held // an export under way until the test lets it go
  yield* []
}

const deps = { listings: { all: slowListings }, listingStore: { byId: async () => null }, search: { search: async () => ({ hits: [], total: 0 }) }, adminToken: TOKEN } as unknown as ExportDeps

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

test('a fifth public export waits its turn; the operator never does; a finished one frees its place', async () => {
  const app = express().use('/api', exportRoutes(deps))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const { port } = server.address() as AddressInfo
  const get = (headers: Record<string, string> = {}) => new Promise<{ status: number; retryAfter?: string; body: string }>((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: '/api/export?format=json', headers }, (res) => {
      let body = ''
      res.on('data', (c: Buffer) => (body += c.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] as string | undefined, body }))
    }).on('error', reject)
  })
  try {
    const running = Array.from({ length: MAX_PUBLIC_EXPORTS }, () => get())
    await until(() => started === MAX_PUBLIC_EXPORTS)
    const refused = await get()
    expect(refused.status).toBe(503)
    expect(refused.retryAfter).toBe('30')
    const operator = get({ authorization: `Bearer ${TOKEN}` })
    await until(() => started === MAX_PUBLIC_EXPORTS + 1)
    release()
    for (const done of [...running, operator]) expect((await done).status).toBe(200)
    expect(JSON.parse((await get()).body)).toEqual([])
  } finally {
    release()
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
