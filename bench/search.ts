/**
 * npm run bench:search — the embedded search engine at 10k and 100k
 * listings: median and p95 of one word, two words with a typo, text + two
 * facets + a radius, and a bounding box alone (a map viewport), in process
 * and through HTTP; typo recall on planted targets; build time; RSS.
 *   npm run bench:search -- --sizes 10000,100000
 */
import http from 'node:http'
import { spawn } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { EmbeddedSearchIndex } from '../src/search/embedded/engine'
import { searchRoutes } from '../src/http/api/search'
import { DEFAULT_QUERY, type SearchQuery } from '../src/search/query'
import { demoListings } from '../src/directory/demo/demo-data'
import type { Listing } from '../src/directory/listing'
import { rng } from '../tests/support/random'

const sizes = (() => {
  const i = process.argv.indexOf('--sizes')
  return i === -1 ? [10000, 100000] : String(process.argv[i + 1]).split(',').map(Number)
})()
const RUNS = 200
const TARGETS = 200

const templates = demoListings(320)
const WORDS = ['quetzal', 'colibri', 'jaguarundi', 'ocelote', 'tamandua', 'guacamaya', 'capibara', 'armadillo', 'tucanete', 'manatiar', 'axolotes', 'ajolotito', 'cenzontle', 'tlacuache', 'zopilotes', 'mapachito']


/** A word no generated listing uses, made of letters only. */
function targetWord(i: number): string {
  const letters = 'bcdfghjklmnprstvz'
  const vowels = 'aeiou'
  let w = ''
  let n = i + 7
  for (let k = 0; k < 9; k++) {
    w += k % 2 === 0 ? letters[n % letters.length] : vowels[n % vowels.length]
    n = Math.floor(n / 3) + k * 7 + i
  }
  return `${w}${'xyz'[i % 3]}`
}

/** Generates the listings one at a time (like a store cursor), so the bench's RSS is the engine's, not a copy of the data. */
function* listings(n: number, targets: Array<{ id: string; word: string }>): Generator<Listing> {
  const r = rng(42)
  const at = Date.UTC(2026, 0, 1)
  for (let i = 0; i < n; i++) {
    const t = templates[i % templates.length] as (typeof templates)[number]
    const slug = `${t.slug}-${i}`
    const id = `https://bench.test/orgs/${slug}`
    const word = i % Math.floor(n / TARGETS) === 0 && targets.length < TARGETS ? targetWord(targets.length) : undefined
    if (word) targets.push({ id, word })
    const updated = new Date(at + i * 1000)
    yield {
      ...t, slug, name: `${t.name} ${word ?? WORDS[i % WORDS.length]}`,
      location: (t.location ?? []).map((p) => ({ ...p, latitude: p.latitude + (r() - 0.5) * 2, longitude: p.longitude + (r() - 0.5) * 2 })),
      id, origin: 'https://bench.test', published: updated, updated, moderation: 'approved', version: 1,
      provenance: { origin: 'https://bench.test', via: 'local', firstSeen: updated, lastVerified: updated }
    }
  }
}

/**
 * The typos a reader is allowed (Meilisearch's rule): one edit for words of
 * 5–8 letters, two from 9 — a letter replaced, and from 9 letters one dropped.
 */
function typo(word: string, i: number): string {
  const p = 1 + (i % (word.length - 3))
  const replaced = word.slice(0, p) + (word[p] === 'q' ? 'w' : 'q') + word.slice(p + 1)
  return word.length >= 9 ? replaced.slice(0, p + 2) + replaced.slice(p + 3) : replaced
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return { p50: s[Math.floor(s.length / 2)] as number, p95: s[Math.floor(s.length * 0.95)] as number }
}
const fmt = (x: { p50: number; p95: number }) => `${x.p50.toFixed(2)} / ${x.p95.toFixed(2)}`

const QUERIES: Array<[string, (i: number) => Partial<SearchQuery>, (i: number) => string]> = [
  ['one word', () => ({ q: 'hosting' }), () => 'q=hosting'],
  ['two words with a typo', (i) => ({ q: i % 2 ? 'coperativa alojamento' : 'colectivo seguridd' }), (i) => (i % 2 ? 'q=coperativa%20alojamento' : 'q=colectivo%20seguridd')],
  ['text + two facets + radius', () => ({ q: 'correo', service: ['encrypted-email', 'email-hosting'], language: ['es', 'pt'], near: { lat: 19.43, lng: -99.13 }, radius: 2000 }),
    () => 'q=correo&service=encrypted-email,email-hosting&language=es,pt&near=19.43,-99.13&radius=2000'],
  ['bbox alone (a map viewport)', () => ({ bbox: { minLng: -10, minLat: 35, maxLng: 30, maxLat: 60 } }), () => 'bbox=-10,35,30,60']
]

/** One size, in this process: build, query in process and over HTTP, recall, RSS. */
async function measure(n: number): Promise<string[]> {
  const col: string[] = []
  const targets: Array<{ id: string; word: string }> = []
  const index = new EmbeddedSearchIndex('https://bench.test')
  let buildNs = 0n
  for (const l of listings(n, targets)) {
    const t0 = process.hrtime.bigint()
    await index.upsert(l)
    buildNs += process.hrtime.bigint() - t0
  }
  const buildMs = Number(buildNs) / 1e6
  global.gc?.()
  const app = express().use('/api', searchRoutes(index))
  const server = http.createServer(app)
  server.keepAliveTimeout = 65000 // as in main.ts: idle sockets outlive the in-process runs between HTTP runs
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/search?`
  for (const [, make, url] of QUERIES) {
    const inProcess: number[] = []
    const overHttp: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const s = process.hrtime.bigint()
      await index.search({ ...DEFAULT_QUERY, ...make(i) })
      inProcess.push(Number(process.hrtime.bigint() - s) / 1e6)
    }
    for (let i = 0; i < RUNS; i++) {
      const s = process.hrtime.bigint()
      const res = await fetch(base + url(i))
      await res.arrayBuffer()
      overHttp.push(Number(process.hrtime.bigint() - s) / 1e6)
    }
    col.push(`${fmt(stats(inProcess))} | ${fmt(stats(overHttp))}`)
  }
  let found = 0
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i] as { id: string; word: string }
    const r = await index.search({ ...DEFAULT_QUERY, q: typo(target.word, i) })
    if (r.hits.some((h) => h.id === target.id)) found++
  }
  col.push(`${((100 * found) / targets.length).toFixed(1)}% (${found}/${targets.length})`)
  col.push(`${Math.round(buildMs)} ms`)
  col.push(`${Math.round(process.memoryUsage().rss / 1048576)} MB`)
  server.closeAllConnections()
  server.close()
  // The index as a server saves it at shutdown and loads it at start.
  let t = process.hrtime.bigint()
  const bytes = index.persist()
  const saveMs = Number(process.hrtime.bigint() - t) / 1e6
  await index.clear()
  global.gc?.()
  const loaded = new EmbeddedSearchIndex('https://bench.test')
  t = process.hrtime.bigint()
  if (!loaded.restore(bytes)) throw new Error('snapshot did not load')
  const loadMs = Number(process.hrtime.bigint() - t) / 1e6
  const check = await loaded.search({ ...DEFAULT_QUERY, q: 'hosting' })
  if (check.total === 0) throw new Error('the loaded index finds nothing')
  col.push(`${Math.round(loadMs)} ms (${(bytes.length / 1048576).toFixed(0)} MB, saved in ${Math.round(saveMs)} ms)`)
  return col
}

/** Each size runs in a process of its own, so its RSS and timings owe nothing to the other. */
function inChild(n: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', ...process.execArgv, __filename, '--child', String(n)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as string[]) : reject(new Error(`bench child for ${n} exited with ${code}`))))
  })
}

async function main(): Promise<void> {
  const child = process.argv.indexOf('--child')
  if (child !== -1) {
    process.stdout.write(JSON.stringify(await measure(Number(process.argv[child + 1]))))
    return
  }
  const rows: string[][] = [['', ...sizes.map((n) => `${n.toLocaleString()} listings`)]]
  const columns: string[][] = []
  for (const n of sizes) columns.push(await inChild(n))
  const labels = [...QUERIES.map(([name]) => `${name}: p50 / p95 ms, in process | HTTP`), 'typo recall (planted targets in the top 20)', 'index build', 'process RSS', 'index load from its snapshot (start-up)']
  labels.forEach((label, i) => rows.push([label, ...columns.map((c) => c[i] as string)]))
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  console.log(`\nEmbedded search engine, ${RUNS} runs per query, each size in its own process, Node ${process.version}\n`)
  for (const r of rows) console.log('  ' + r.map((cell, c) => cell.padEnd(widths[c] as number)).join('   '))
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e)
  process.exit(1)
})
