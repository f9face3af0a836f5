/**
 * npm run bench:store — the embedded engine at 100k listing-shaped documents:
 * insert, update and find-by-id throughput, find-by-id latency (p50/p95),
 * cold start (open + load, in a fresh process) and RSS. Prints a table.
 *   npm run bench:store -- --docs 20000
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { EmbeddedClient } from '../src/storage/embedded/client'
import { demoListings } from '../src/directory/demo/demo-data'

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name)
  return i === -1 ? fallback : Number(process.argv[i + 1])
}
const DOCS = arg('--docs', 100000)
const CONCURRENCY = 64
const LOOKUPS = 20000

const templates = demoListings(320)
function doc(i: number): Record<string, unknown> {
  const t = templates[i % templates.length] as unknown as Record<string, unknown>
  const slug = `${t.slug as string}-${i}`
  return { ...t, slug, id: `https://bench.test/orgs/${slug}`, origin: 'https://bench.test', published: new Date(), updated: new Date(), moderation: 'approved', version: 1 }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number
}

async function pool(count: number, task: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0
  const start = process.hrtime.bigint()
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) await task(next++)
  }))
  return Number(process.hrtime.bigint() - start) / 1e9
}

async function coldStartChild(dir: string): Promise<void> {
  const t0 = process.hrtime.bigint()
  const client = await new EmbeddedClient(dir).connect()
  const coll = client.db().collection('listings')
  await coll.findOne({ id: 'https://bench.test/orgs/none' })
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  const count = await coll.countDocuments()
  process.stdout.write(JSON.stringify({ ms, count, rss: process.memoryUsage().rss }))
  await client.close()
}

async function main(): Promise<void> {
  if (process.argv.includes('--cold-start-child')) return coldStartChild(process.argv[process.argv.indexOf('--cold-start-child') + 1] as string)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-bench-store-'))
  const rows: Array<[string, string]> = []
  try {
    const client = await new EmbeddedClient(dir).connect()
    const coll = client.db().collection('listings')
    await coll.createIndex({ id: 1 }, { unique: true, name: 'listing-id' })
    await coll.createIndex({ origin: 1, slug: 1 }, { unique: true, name: 'origin-slug' })
    const bytes = JSON.stringify(doc(0)).length

    const half = Math.floor(DOCS / 2)
    let t0 = process.hrtime.bigint()
    for (let i = 0; i < half; i += 1000) {
      await coll.insertMany(Array.from({ length: Math.min(1000, half - i) }, (_, k) => doc(i + k)))
    }
    const batchSecs = Number(process.hrtime.bigint() - t0) / 1e9
    rows.push([`insertMany, batches of 1,000 (${half.toLocaleString()} docs)`, `${Math.round(half / batchSecs).toLocaleString()} docs/s`])

    const singles = DOCS - half
    const singleSecs = await pool(singles, (i) => coll.insertOne(doc(half + i)))
    rows.push([`insertOne, ${CONCURRENCY} concurrent (${singles.toLocaleString()} docs)`, `${Math.round(singles / singleSecs).toLocaleString()} docs/s`])

    const updates = Math.min(DOCS, 20000)
    const updSecs = await pool(updates, (i) => coll.updateOne({ id: `https://bench.test/orgs/${doc((i * 7919) % DOCS).slug as string}` }, { $set: { updated: new Date(), size: i } }))
    rows.push([`updateOne by id, ${CONCURRENCY} concurrent (${updates.toLocaleString()})`, `${Math.round(updates / updSecs).toLocaleString()} updates/s`])

    const latencies: number[] = []
    const ids = Array.from({ length: LOOKUPS }, (_, i) => `https://bench.test/orgs/${doc((i * 104729) % DOCS).slug as string}`)
    t0 = process.hrtime.bigint()
    for (const id of ids) {
      const s = process.hrtime.bigint()
      const found = await coll.findOne({ id }, { projection: { _id: 0 } })
      latencies.push(Number(process.hrtime.bigint() - s) / 1e6)
      if (!found) throw new Error(`missing ${id}`)
    }
    const findSecs = Number(process.hrtime.bigint() - t0) / 1e9
    latencies.sort((a, b) => a - b)
    rows.push([`findOne by id, sequential (${LOOKUPS.toLocaleString()})`, `${Math.round(LOOKUPS / findSecs).toLocaleString()} finds/s`])
    rows.push(['findOne by id latency p50 / p95 / p99', `${percentile(latencies, 0.5).toFixed(3)} / ${percentile(latencies, 0.95).toFixed(3)} / ${percentile(latencies, 0.99).toFixed(3)} ms`])
    rows.push(['RSS of the writing process', `${Math.round(process.memoryUsage().rss / 1048576)} MB`])
    await client.close()
    rows.push(['file size on disk', `${Math.round(fs.statSync(path.join(dir, 'store', 'documents.mdb')).size / 1048576)} MB (JSON of one doc: ${bytes} bytes)`])

    const child = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--cold-start-child', dir], { encoding: 'utf8' })
    if (child.status !== 0) throw new Error(child.stderr)
    const cold = JSON.parse(child.stdout) as { ms: number; count: number; rss: number }
    if (cold.count !== DOCS) throw new Error(`cold start saw ${cold.count} docs, expected ${DOCS}`)
    rows.push([`cold start: open + load ${cold.count.toLocaleString()} docs + first query`, `${Math.round(cold.ms)} ms`])
    rows.push(['RSS after cold start', `${Math.round(cold.rss / 1048576)} MB`])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
  console.log(`\nEmbedded store, ${DOCS.toLocaleString()} listing documents, ${os.cpus().length} cores, Node ${process.version}\n`)
  const width = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
