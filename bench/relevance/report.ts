/**
 * The benchmark's tables: per engine, per language, per kind of query, and
 * the embedded engine's worst queries, to steer relevance work.
 */
import type { QuerySpec } from './queries'
import { mean, percentile } from './metrics'

/** What one engine did with one query. */
export interface Outcome { ndcg: number; recall: number; zero: boolean; names: string[]; /** How many listings are relevant (grade ≥ 1). */ relevant: number }

/** One engine's run: an outcome per query (same order as the queries), every timing, its build time. */
export interface EngineRun { name: string; setup: string; outcomes: Outcome[]; timingsMs: number[]; buildMs: number }

const f3 = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(3))
const pct = (x: number): string => `${(100 * x).toFixed(1)}%`

/** A plain text table, columns padded to their widest cell, the first left-aligned and the others right-aligned. */
export function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)))
  const line = (r: string[]) => '  ' + r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('   ')
  return [line(rows[0] as string[]), '  ' + widths.map((w) => '-'.repeat(w)).join('   '), ...rows.slice(1).map(line)].join('\n')
}

const summaryOf = (outcomes: Outcome[]) => ({
  ndcg: mean(outcomes.map((o) => o.ndcg)),
  recall: mean(outcomes.map((o) => o.recall)),
  zero: outcomes.filter((o) => o.zero).length / Math.max(1, outcomes.length)
})

/** nDCG@10, recall@20, zero-result rate, p95 latency and build time of each engine. */
export function overall(runs: EngineRun[]): string {
  const rows = [['engine', 'nDCG@10', 'recall@20', 'zero results', 'p95 ms', 'p50 ms', 'index build']]
  for (const r of runs) {
    const s = summaryOf(r.outcomes)
    rows.push([r.name, f3(s.ndcg), f3(s.recall), `${pct(s.zero)} (${r.outcomes.filter((o) => o.zero).length})`, percentile(r.timingsMs, 95).toFixed(2), percentile(r.timingsMs, 50).toFixed(2), `${Math.round(r.buildMs)} ms`])
  }
  return table(rows)
}

/** The same measures for the queries of each group (a language, a trait), engine by engine. */
export function breakdown(title: string, groups: Array<[string, number[]]>, runs: EngineRun[]): string {
  const rows = [[title, 'queries', ...runs.map((r) => `${r.name} nDCG / recall / zero`)]]
  for (const [group, indexes] of groups) {
    rows.push([group, String(indexes.length), ...runs.map((r) => {
      const s = summaryOf(indexes.map((i) => r.outcomes[i] as Outcome))
      return `${f3(s.ndcg)} / ${f3(s.recall)} / ${pct(s.zero)}`
    })])
  }
  return table(rows)
}

/** Query indexes grouped by language, then by each trait (a query is in every group of its traits). */
export function groupsOf(specs: QuerySpec[]): { byLanguage: Array<[string, number[]]>; byTrait: Array<[string, number[]]> } {
  const collect = (keys: (s: QuerySpec) => string[]) => {
    const m = new Map<string, number[]>()
    specs.forEach((s, i) => keys(s).forEach((k) => m.set(k, [...(m.get(k) ?? []), i])))
    return [...m].sort(([a], [b]) => a.localeCompare(b))
  }
  return { byLanguage: collect((s) => [s.lang]), byTrait: collect((s) => s.traits) }
}

/** The n queries an engine does worst (lowest nDCG@10, then lowest recall, then most relevant listings missed), with its first three names. */
export function worst(specs: QuerySpec[], run: EngineRun, n: number): string {
  const order = specs.map((_, i) => i).sort((a, b) => {
    const x = run.outcomes[a] as Outcome
    const y = run.outcomes[b] as Outcome
    return x.ndcg - y.ndcg || x.recall - y.recall || y.relevant - x.relevant || a - b
  })
  const rows = [['query', 'lang', 'relevant', 'nDCG@10', 'recall@20', 'top 3']]
  for (const i of order.slice(0, n)) {
    const o = run.outcomes[i] as Outcome
    rows.push([(specs[i] as QuerySpec).q, (specs[i] as QuerySpec).lang, String(o.relevant), f3(o.ndcg), f3(o.recall), o.names.length ? o.names.slice(0, 3).join(' · ') : '(nothing)'])
  }
  return table(rows)
}
