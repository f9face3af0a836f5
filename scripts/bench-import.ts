/**
 * npm run bench:import — the import core at scale (issue 13): a generated
 * file of --count rows (default 100,000) in --format (default csv, Tejido CSV; any
 * format that is both an import and an export format) imported into a fresh
 * data dir, then exported again. Prints rows per second in and out and the
 * peak RSS growth of each phase over the RSS before it.
 *   npm run bench:import -- --count 20000 --format geojson
 * Targets: ≥ 5,000 rows/s in, ≥ 20,000 rows/s out, RSS growth < 200 MB each.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { once } from 'node:events'
import { loadConfig } from '../src/config/config'
import { openStore } from '../src/composition/store'
import { DocumentListingStore } from '../src/storage/document-listing-store'
import { DirectoryEvents } from '../src/directory/events'
import { ListingService } from '../src/directory/listing-service'
import { demoListings } from '../src/directory/demo/demo-data'
import type { Listing, ListingInput } from '../src/directory/listing'
import { importRows } from '../src/exchange/import'
import { isImportFormat, readRows, type ImportFormat } from '../src/exchange/import-readers'
import { exportChunks, isExportFormat, selectedListings, type ExportFormat } from '../src/exchange/export-formats'
import { decodeFile } from '../src/exchange/decode'
import { createGeocoder } from '../src/exchange/geocode'

const ORIGIN = 'https://bench.test'
const argOf = (name: string): string | undefined => {
  const i = process.argv.indexOf(name)
  return i === -1 ? undefined : process.argv[i + 1]
}
const COUNT = Number(argOf('--count') ?? 100_000)
const FORMAT = argOf('--format') ?? 'csv'

/** The n-th generated listing: a demo listing under a slug of its own. */
function generated(templates: ListingInput[], n: number): Listing {
  const t = templates[n % templates.length] as ListingInput
  const slug = `${t.slug.slice(0, 50)}-${n}`
  const now = new Date('2026-01-01T00:00:00Z')
  const website = t.contact?.website ? { contact: { ...t.contact, website: `https://bench-${n}.example/` } } : {}
  return { ...t, ...website, slug, id: `${ORIGIN}/orgs/${slug}`, origin: ORIGIN, published: now, updated: now, moderation: 'approved', version: 1, provenance: { origin: ORIGIN, via: 'local', firstSeen: now, lastVerified: now } }
}

async function* generatedListings(count: number): AsyncGenerator<Listing> {
  const templates = demoListings(320)
  for (let n = 0; n < count; n++) yield generated(templates, n)
}

/** Writes chunks to a file, waiting when the file asks. */
async function writeFile(file: string, chunks: AsyncIterable<string>): Promise<void> {
  const sink = fs.createWriteStream(file)
  for await (const chunk of chunks) if (!sink.write(chunk)) await once(sink, 'drain')
  sink.end()
  await once(sink, 'finish')
}

/**
 * Runs `task`, sampling RSS every 20 ms: seconds taken, CPU seconds of this
 * process (a fairer number on a busy machine), the peak RSS growth over the
 * RSS before it and what stays on the heap after it (the embedded store keeps
 * its documents in memory), in MB.
 */
async function measured(task: () => Promise<void>): Promise<{ seconds: number; cpuSeconds: number; rssGrowthMb: number; heapKeptMb: number }> {
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const before = process.memoryUsage().rss
  const cpuBefore = process.cpuUsage()
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const start = process.hrtime.bigint()
  try {
    await task()
  } finally {
    clearInterval(sampler)
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9
  const cpu = process.cpuUsage(cpuBefore)
  peak = Math.max(peak, process.memoryUsage().rss)
  global.gc?.()
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, rssGrowthMb: (peak - before) / 2 ** 20, heapKeptMb: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20 }
}

async function main(): Promise<void> {
  if (!isImportFormat(FORMAT) || !isExportFormat(FORMAT)) {
    console.error(`--format must be both an import and an export format, not "${FORMAT}"`)
    process.exitCode = 64
    return
  }
  const format: ImportFormat & ExportFormat = FORMAT
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-bench-import-'))
  const input = path.join(dir, `in.${format}`)
  const output = path.join(dir, `out.${format}`)
  try {
    await writeFile(input, exportChunks(format, generatedListings(COUNT)))
    const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), PUBLIC_URL: ORIGIN, LOG_LEVEL: 'warn' })
    const store = await openStore(config)
    const geocoder = createGeocoder()
    geocoder.warm()
    try {
      const listingStore = new DocumentListingStore(store.db)
      await listingStore.init()
      const listings = new ListingService({ store: listingStore, events: new DirectoryEvents(() => undefined), origin: ORIGIN })
      let report: Awaited<ReturnType<typeof importRows>> | undefined
      const imported = await measured(async () => {
        const decoded = decodeFile(fs.readFileSync(input), 'utf-8')
        if (!decoded.ok) throw new Error(decoded.message)
        report = await importRows(listings, readRows(format, decoded.text), { dryRun: false, onConflict: 'update', moderation: 'approved' }, { geocoder })
      })
      if (!report || report.created.length !== COUNT) throw new Error(`created ${report?.created.length} of ${COUNT}; refused e.g. ${JSON.stringify(report?.refused.slice(0, 3))}`)
      const exported = await measured(() => writeFile(output, exportChunks(format, selectedListings(listings, {}))))
      const line = (phase: string, m: Awaited<ReturnType<typeof measured>>, target: string) =>
        [phase, String(COUNT), m.seconds.toFixed(2), Math.round(COUNT / m.seconds).toString(), m.cpuSeconds.toFixed(2), m.rssGrowthMb.toFixed(0), m.heapKeptMb.toFixed(0), target]
      const rows = [
        ['phase', 'rows', 'seconds', 'rows/s', 'CPU s', 'peak RSS +MB', 'heap kept MB', 'target'],
        line('import', imported, '≥ 5,000 rows/s, RSS < +200 MB'),
        line('export', exported, '≥ 20,000 rows/s, RSS < +200 MB')
      ]
      console.log(`bench:import, ${COUNT} rows of ${format} (${(fs.statSync(input).size / 2 ** 20).toFixed(1)} MB), load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} CPUs`)
      for (const r of rows) console.log(r.map((c, i) => c.padEnd(i === 7 ? 0 : 14)).join(''))
    } finally {
      await store.close()
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

void main().catch((e: unknown) => {
  console.error(e)
  process.exitCode = 1
})
