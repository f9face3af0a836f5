/**
 * npm run bench:map — in headless Chromium (Debian's package), the time from
 * navigation to the first clusters drawn on the map page, with 10k and 100k
 * demo listings, plus the size and server time of the map's points. Each
 * size gets its own seeded instance; five fresh pages each.
 *   npm run bench:map -- --sizes 10000,100000
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServer, stopServer, waitReady } from '../tests/support/process'
import { launch, seed } from '../tests/browser/browser'

const sizes = (() => {
  const i = process.argv.indexOf('--sizes')
  return i === -1 ? [10000, 100000] : String(process.argv[i + 1]).split(',').map(Number)
})()
const RUNS = 5

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number

async function measure(n: number): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-bench-map-'))
  const port = await freePort()
  const t0 = Date.now()
  seed(dir, port, n)
  const seedSecs = (Date.now() - t0) / 1000
  let started = Date.now()
  let server = startServer({ DATA_DIR: dir, LOG_LEVEL: 'warn' }, port)
  const browser = await launch()
  try {
    await waitReady(server, 600000)
    const firstStart = (Date.now() - started) / 1000
    const s = process.hrtime.bigint()
    const res = await fetch(`${server.url}/api/search.points`)
    const bytes = (await res.arrayBuffer()).byteLength
    const pointsMs = Number(process.hrtime.bigint() - s) / 1e6
    const times: number[] = []
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage()
      await page.goto(`${server.url}/`, { waitUntil: 'commit' })
      // a function, not a string: the page's CSP forbids eval
      await page.waitForFunction(() => (globalThis as unknown as { performance: { getEntriesByName(n: string): unknown[] } }).performance.getEntriesByName('tejido:clusters-drawn').length > 0, undefined, { timeout: 120000 })
      times.push(Number(await page.evaluate("performance.getEntriesByName('tejido:clusters-drawn')[0].startTime")))
      await page.close()
    }
    // A restart: the search index saved at shutdown is loaded instead of rebuilt.
    await stopServer(server, 'SIGTERM')
    started = Date.now()
    server = startServer({ DATA_DIR: dir, LOG_LEVEL: 'warn' }, port)
    await waitReady(server, 600000)
    const restart = (Date.now() - started) / 1000
    return [
      `${median(times).toFixed(0)} ms (runs: ${times.map((t) => t.toFixed(0)).join(', ')})`,
      `${firstStart.toFixed(1)} s first start (index built) · ${restart.toFixed(1)} s restart (index loaded)`,
      `${(bytes / 1048576).toFixed(1)} MB in ${pointsMs.toFixed(0)} ms`,
      `${seedSecs.toFixed(0)} s`
    ]
  } finally {
    await browser.close()
    await stopServer(server, 'SIGTERM')
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const columns: string[][] = []
  for (const n of sizes) columns.push(await measure(n))
  const labels = ['navigation → clusters drawn, median of 5 (targets: 1.5 s at 10k, 3 s at 100k)', 'server process start to ready', 'map points payload (all listings)', 'seeding (setup, not a target)']
  const rows = [['', ...sizes.map((n) => `${n.toLocaleString()} listings`)], ...labels.map((l, i) => [l, ...columns.map((c) => c[i] as string)])]
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? []
  console.log(`\nMap page in headless Chromium, Node ${process.version}\n`)
  for (const r of rows) console.log('  ' + r.map((cell, c) => cell.padEnd(widths[c] as number)).join('   '))
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e)
  process.exit(1)
})
