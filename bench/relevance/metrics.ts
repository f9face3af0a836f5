/**
 * The measures of the relevance benchmark, pure functions over a ranked list
 * of ids and graded judgments (id → grade 1 or 2; absent means 0).
 */

/** Graded judgments of one query: listing id → grade (1 or 2). */
export type Judgments = ReadonlyMap<string, number>

/** Discounted cumulative gain of grades in rank order: Σ (2^g − 1) / log2(rank + 1), ranks from 1. */
export function dcg(grades: readonly number[]): number {
  let sum = 0
  grades.forEach((g, i) => (sum += (2 ** g - 1) / Math.log2(i + 2)))
  return sum
}

/**
 * nDCG@k: the DCG of the first k results over the DCG of the best possible
 * first k (all judged listings, best grades first). NaN when nothing is
 * relevant, so such a query is left out of averages rather than counted as
 * perfect or as failed.
 */
export function ndcgAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  const ideal = dcg([...judgments.values()].sort((a, b) => b - a).slice(0, k))
  if (ideal === 0) return NaN
  return dcg(ranked.slice(0, k).map((id) => judgments.get(id) ?? 0)) / ideal
}

/**
 * Recall@k: the share of relevant listings (grade ≥ 1) in the first k
 * results, out of as many as k can hold (min(k, relevant)): a query with
 * 300 relevant listings scores 1 when its first k are all relevant. NaN
 * when nothing is relevant.
 */
export function recallAt(ranked: readonly string[], judgments: Judgments, k: number): number {
  let relevant = 0
  for (const g of judgments.values()) if (g >= 1) relevant++
  if (relevant === 0) return NaN
  const found = new Set(ranked.slice(0, k).filter((id) => (judgments.get(id) ?? 0) >= 1)).size
  return found / Math.min(k, relevant)
}

/** The p-th percentile (0–100) by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (!values.length) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number
}

/** The mean of the numbers that are not NaN; NaN when there are none. */
export function mean(values: readonly number[]): number {
  const xs = values.filter((x) => !Number.isNaN(x))
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN
}
