/**
 * npm run bench:relevance — how well search answers what people type.
 *
 * A fixed corpus of about 3,000 listings (bench/relevance/corpus.ts) and
 * about 185 queries in English, Spanish, French and Portuguese
 * (bench/relevance/queries.ts), each graded from how the corpus was built
 * (bench/relevance/judgments.ts). Every query goes, in one run, to Tejido's
 * embedded engine (through the SearchIndex port), to MiniSearch and to Orama
 * (set up as their documentation allows, with the same synonyms). Prints
 * nDCG@10, recall@20, the zero-result rate and latency per engine, per
 * language and per kind of query, and the embedded engine's worst queries.
 * Targets (issue 11): no query with relevant listings answers nothing;
 * nDCG@10 ≥ 0.85 and above both libraries.
 */
import { createHash } from 'node:crypto'
import { buildCorpus, type CorpusEntry } from './relevance/corpus'
import { queries, type QuerySpec } from './relevance/queries'
import { judge } from './relevance/judgments'
import { ndcgAt, recallAt, mean } from './relevance/metrics'
import { Places } from './relevance/places'
import { altLabelCount } from './relevance/synonyms'
import { breakdown, groupsOf, overall, worst, type EngineRun, type Outcome } from './relevance/report'
import type { Engine } from './relevance/engines/engine'
import { EmbeddedEngine } from './relevance/engines/embedded'
import { MiniSearchEngine } from './relevance/engines/minisearch'
import { OramaEngine } from './relevance/engines/orama'

// Timed runs of every query per engine, after one untimed warm-up run.
const RUNS = 3
const TARGET_NDCG = 0.85

async function run(engine: Engine, corpus: readonly CorpusEntry[], specs: QuerySpec[], judgments: Array<Map<string, number>>): Promise<EngineRun> {
  const t0 = performance.now()
  await engine.index(corpus)
  const buildMs = performance.now() - t0
  const outcomes: Outcome[] = []
  for (const [i, spec] of specs.entries()) {
    const hits = await engine.search(spec)
    const ids = hits.map((h) => h.id)
    const j = judgments[i] as Map<string, number>
    outcomes.push({ ndcg: ndcgAt(ids, j, 10), recall: recallAt(ids, j, 20), zero: hits.length === 0, names: hits.map((h) => h.name), relevant: j.size })
  }
  const timingsMs: number[] = []
  for (let k = 0; k < RUNS; k++) {
    for (const spec of specs) {
      const s = performance.now()
      await engine.search(spec)
      timingsMs.push(performance.now() - s)
    }
  }
  return { name: engine.name, setup: engine.setup, outcomes, timingsMs, buildMs }
}

/** A digest of the corpus, so two runs' figures can be told to come from the same listings. */
const fingerprint = (corpus: CorpusEntry[]): string => createHash('sha256').update(JSON.stringify(corpus.map((e) => e.listing))).digest('hex').slice(0, 12)

function header(corpus: CorpusEntry[], specs: QuerySpec[], judgments: Array<Map<string, number>>): string {
  const count = (keys: string[]) => Object.entries(keys.reduce<Record<string, number>>((m, k) => ({ ...m, [k]: (m[k] ?? 0) + 1 }), {})).map(([k, n]) => `${k} ${n}`).join(', ')
  const relevant = judgments.map((j) => j.size)
  const alt = altLabelCount()
  return [
    `\nRelevance benchmark, Node ${process.version}`,
    `  corpus: ${corpus.length} listings (written in ${count(corpus.map((e) => e.lang))}), ${new Set(corpus.map((e) => e.cities[0]?.name)).size} cities, fingerprint ${fingerprint(corpus)}`,
    `  queries: ${specs.length} (${count(specs.map((s) => s.lang))}); relevant listings per query: median ${[...relevant].sort((a, b) => a - b)[Math.floor(relevant.length / 2)]}, min ${Math.min(...relevant)}`,
    `  synonyms given to every engine: the vocabulary's labels${alt ? ` and its ${alt} alternative labels` : ' only (schemas/ has no altLabels yet)'}`,
    '  grades: 2 = offers the asked service and is within 50 km of the asked city (or in the asked country/region; or is the named co-op);',
    '          1 = offers it within 300 km, or a closely related service within 50 km (or shares the named co-op\'s root word); 0 otherwise',
    '  nDCG@10 with gains 2^grade − 1; recall@20 = relevant listings in the first 20 / min(20, relevant); zero results = queries with relevant listings that answered nothing'
  ].join('\n')
}

function verdict(runs: EngineRun[]): string {
  const [embedded, ...libraries] = runs as [EngineRun, ...EngineRun[]]
  const ndcg = mean(embedded.outcomes.map((o) => o.ndcg))
  const zeros = embedded.outcomes.filter((o) => o.zero).length
  const best = Math.max(...libraries.map((l) => mean(l.outcomes.map((o) => o.ndcg))))
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met')
  return [
    `  no query with relevant listings answers nothing: ${mark(zeros === 0)} (${zeros} do)`,
    `  nDCG@10 ≥ ${TARGET_NDCG}: ${mark(ndcg >= TARGET_NDCG)} (${ndcg.toFixed(3)})`,
    `  nDCG@10 above both libraries: ${mark(ndcg > best)} (best library ${best.toFixed(3)})`
  ].join('\n')
}

async function main(): Promise<void> {
  const started = performance.now()
  const corpus = buildCorpus()
  const specs = queries(corpus)
  const judgments = specs.map((s) => judge(s.intent, corpus))
  const empty = specs.filter((_, i) => (judgments[i] as Map<string, number>).size === 0)
  if (empty.length) throw new Error(`relevance bench: queries with nothing relevant measure nothing: ${empty.map((s) => s.q).join('; ')}`)
  const engines: Engine[] = [new EmbeddedEngine(), new MiniSearchEngine(), new OramaEngine(new Places())]
  const runs: EngineRun[] = []
  for (const engine of engines) runs.push(await run(engine, corpus, specs, judgments))
  const { byLanguage, byTrait } = groupsOf(specs)
  console.log(header(corpus, specs, judgments))
  console.log(`\nPer engine (${RUNS} timed runs of every query, in process)\n`)
  console.log(overall(runs))
  console.log('\nPer language\n')
  console.log(breakdown('language', byLanguage, runs))
  console.log('\nPer kind of query (a query counts in each of its kinds)\n')
  console.log(breakdown('kind', byTrait, runs))
  console.log('\nThe embedded engine\'s 10 worst queries\n')
  console.log(worst(specs, runs[0] as EngineRun, 10))
  console.log('\nSet-ups\n')
  for (const r of runs) console.log(`  ${r.name}: ${r.setup}`)
  console.log('\nTargets (issue 11)\n')
  console.log(verdict(runs))
  console.log(`\n  total run time ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e)
  process.exit(1)
})
