/**
 * A 10,000-row import killed with SIGKILL in its middle, then run again,
 * leaves the same store as one clean run (issue 13): every row is written
 * whole or not at all, and the second run finishes the first. The server
 * runs the import (POST /api/import, its report streamed); the kill comes
 * once the stream has reported enough rows written, never after a sleep.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'
import { loadConfig } from '../../src/config/config'
import { importFile, importOptions, type ImportCommand } from '../../src/cli/import'
import { openStore } from '../../src/composition/store'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import { DirectoryEvents } from '../../src/directory/events'
import { ListingService, inputOf } from '../../src/directory/listing-service'
import { selectedListings } from '../../src/exchange/export-formats'

const TOKEN = 'durability-token-0123456789'
const ROWS = 10_000
const KILL_AFTER_ROWS = 2_500

/** Row i: most with a slug, every 10th without one (matched again by its website), every 500th refused (no kind). */
function row(i: number): Record<string, unknown> {
  const base = { name: `Importada ${i}`, summary: `<p>Fila ${i} del archivo.</p>`, services: ['web-hosting'], location: [{ name: `Sede ${i}`, country: 'MX', latitude: (i % 170) - 85, longitude: (i % 350) - 175 }], contact: { website: `https://importada-${i}.example/` }, size: i + 1 }
  if (i % 500 === 499) return { ...base, slug: `importada-${i}` }
  return i % 10 === 9 ? { ...base, kind: 'collective' } : { ...base, slug: `importada-${i}`, kind: 'worker-coop' }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-import-kill-'))
const file = path.join(dir, 'rows.jsonl')
let server: ServerProcess | undefined
afterAll(async () => {
  await stopServer(server, 'SIGKILL')
  fs.rmSync(dir, { recursive: true, force: true })
})

/** POSTs the file asking for the streamed report, and calls `onLines` with the count of row lines so far; resolves when the stream ends or breaks. */
async function streamImport(url: string, onLines: (count: number) => void): Promise<string[]> {
  const lines: string[] = []
  try {
    const res = await fetch(`${url}/api/import?format=jsonl`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, accept: 'application/x-ndjson', 'content-type': 'application/octet-stream' }, body: fs.readFileSync(file) })
    let buffered = ''
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += Buffer.from(chunk).toString('utf8')
      const parts = buffered.split('\n')
      buffered = parts.pop() as string
      lines.push(...parts)
      onLines(lines.length)
    }
  } catch {
    // the server was killed under the stream
  }
  return lines
}

/** Every listing's input (what the rows gave) and version, by slug. */
async function storedInputs(dataDir: string, publicUrl: string): Promise<Map<string, unknown>> {
  const store = await openStore({ dataDir, publicUrl, mongodbUrl: undefined })
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const listings = new ListingService({ store: listingStore, events: new DirectoryEvents(() => undefined), origin: publicUrl })
    const out = new Map<string, unknown>()
    for await (const l of selectedListings(listings, {})) out.set(l.slug, { input: inputOf(l), version: l.version, moderation: l.moderation })
    return out
  } finally {
    await store.close()
  }
}

test('killed in the middle and run again: the same final store as one clean run, no half listing', async () => {
  fs.writeFileSync(file, Array.from({ length: ROWS }, (_, i) => JSON.stringify(row(i))).join('\n'))
  const port = await freePort()
  const publicUrl = `http://127.0.0.1:${port}`
  const killedDir = path.join(dir, 'killed')
  const env = { DATA_DIR: killedDir, ADMIN_TOKEN: TOKEN, PUBLIC_URL: publicUrl }
  server = startServer(env, port)
  await waitReady(server)
  const first = server
  let killed = false
  const lines = await streamImport(first.url, (count) => {
    if (!killed && count > KILL_AFTER_ROWS) {
      killed = true
      first.child.kill('SIGKILL')
    }
  })
  expect(killed).toBe(true)
  expect(await first.exited).toBeNull() // killed by the signal
  expect(lines.length).toBeLessThan(ROWS) // it did not finish
  const reported = lines.map((l) => JSON.parse(l) as { row: number; kind: string; slug?: string })

  // after the kill: every listing stored is a whole row of the file, and every row reported written is stored
  const afterKill = await storedInputs(killedDir, publicUrl)
  expect(afterKill.size).toBeGreaterThan(KILL_AFTER_ROWS * 0.9)
  expect(afterKill.size).toBeLessThan(ROWS)
  for (const r of reported.filter((l) => l.kind === 'created')) expect(afterKill.has(r.slug as string)).toBe(true)
  for (const [slug, stored] of afterKill) {
    const i = Number(slug.split('-')[1])
    const { slug: _s, ...wanted } = row(i)
    expect({ slug, ...(stored as { input: Record<string, unknown> }).input }).toEqual({ slug, ...wanted })
  }

  // the same import again, through a restarted server
  server = startServer(env, port)
  await waitReady(server)
  const again = await streamImport(server.url, () => undefined)
  expect(JSON.parse(again.at(-1) as string)).toMatchObject({ summary: { rows: ROWS, refused: ROWS / 500 } })
  await stopServer(server)

  // one clean run of the same file, by the command line, into a fresh store
  const cleanDir = path.join(dir, 'clean')
  const clean = await importFile(loadConfig({ DATA_DIR: cleanDir, PUBLIC_URL: publicUrl, LOG_LEVEL: 'silent' }), importOptions([file]) as ImportCommand, { progress: () => undefined, clock: Date.now })
  expect(clean.code).toBe(1) // the refused rows
  const cleanInputs = await storedInputs(cleanDir, publicUrl)
  expect(cleanInputs.size).toBe(ROWS - ROWS / 500)
  expect(await storedInputs(killedDir, publicUrl)).toEqual(cleanInputs)
}, 180_000)
