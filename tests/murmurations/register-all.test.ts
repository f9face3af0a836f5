/**
 * Setting MURMURATIONS_INDEX_URL on a directory that already has listings
 * (issue 13): the first start with that index queues every approved local
 * listing once (pending ones stay out); a restart with the same index sends
 * nothing again; a different index gets them all.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Server } from 'node:http'
import pino from 'pino'
import { loadConfig } from '../../src/config/config'
import { compose, type Tejido } from '../../src/composition/compose'
import { sampleListing } from '../support/instance'
import { startFakeIndex, type FakeIndex } from '../support/murmurations-index'
import { freePort } from '../support/process'
import { waitFor } from '../support/wait'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-murm-all-'))
let port: number
const indexes: FakeIndex[] = []

async function start(env: Record<string, string>): Promise<{ tejido: Tejido; server: Server; stop(): Promise<void> }> {
  const tejido = await compose(loadConfig({ PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, LOG_LEVEL: 'silent', ALLOW_PRIVATE_ADDRESSES: '127.0.0.1', ...env }), pino({ level: 'silent' }))
  const server = tejido.app.listen(port, '127.0.0.1')
  return { tejido, server, stop: async () => { server.closeAllConnections(); server.close(); await tejido.close() } }
}

beforeAll(async () => {
  port = await freePort()
})
afterAll(async () => {
  await Promise.all(indexes.map((i) => i.close()))
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('every approved listing once per index, at the first start with it', async () => {
  const before = await start({})
  for (const slug of ['una', 'dos']) expect((await before.tejido.listings.create(sampleListing({ slug }))).ok).toBe(true)
  expect((await before.tejido.listings.create(sampleListing({ slug: 'pendiente' }), 'pending')).ok).toBe(true)
  await before.stop()

  const first = await startFakeIndex()
  indexes.push(first)
  const withIndex = await start({ MURMURATIONS_INDEX_URL: first.url })
  await waitFor(() => [...first.nodes.values()].filter((n) => n.status === 'posted').length === 2, 'both approved listings posted')
  expect([...first.nodes.values()].map((n) => n.profile_url).sort()).toEqual([`http://127.0.0.1:${port}/murmurations/dos.json`, `http://127.0.0.1:${port}/murmurations/una.json`])
  await withIndex.stop()

  const again = await start({ MURMURATIONS_INDEX_URL: first.url })
  await again.tejido.background
  await again.tejido.murmurations.background
  expect(await again.tejido.federation.queue.pending()).toBe(0)
  await again.stop()
  expect(first.calls.filter((c) => c === 'POST /v2/nodes-sync')).toHaveLength(2)

  const second = await startFakeIndex()
  indexes.push(second)
  const moved = await start({ MURMURATIONS_INDEX_URL: second.url })
  await waitFor(() => [...second.nodes.values()].filter((n) => n.status === 'posted').length === 2, 'both posted to the new index')
  await moved.stop()
}, 60000)
