import { dcg, mean, ndcgAt, percentile, recallAt } from '../../bench/relevance/metrics'

const judged = (entries: Array<[string, number]>) => new Map(entries)

describe('relevance benchmark measures (hand-computed)', () => {
  test('DCG: gains 2^g − 1 discounted by log2(rank + 1)', () => {
    // 3/log2(2) + 1/log2(3) + 0 = 3 + 0.6309298
    expect(dcg([2, 1, 0])).toBeCloseTo(3.6309298, 6)
    expect(dcg([])).toBe(0)
  })

  test('nDCG@k against the best order of every judged listing', () => {
    const j = judged([['a', 1], ['b', 2]])
    // (1 + 3/log2 3) / (3 + 1/log2 3) = 2.8927893 / 3.6309298
    expect(ndcgAt(['a', 'b', 'c'], j, 10)).toBeCloseTo(0.796708, 5)
    expect(ndcgAt(['b', 'a'], j, 10)).toBeCloseTo(1, 10)
    expect(ndcgAt(['x', 'y'], j, 10)).toBe(0)
    expect(ndcgAt([], j, 10)).toBe(0)
  })

  test('nDCG@k looks at the first k only, and so does its ideal', () => {
    const twelve = judged(Array.from({ length: 12 }, (_, i): [string, number] => [`r${i}`, 2]))
    expect(ndcgAt(Array.from({ length: 10 }, (_, i) => `r${i}`), twelve, 10)).toBeCloseTo(1, 10)
    const late = [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'a']
    expect(ndcgAt(late, judged([['a', 2]]), 10)).toBe(0)
  })

  test('nDCG is NaN when nothing is relevant (left out of averages)', () => {
    expect(ndcgAt(['a'], judged([]), 10)).toBeNaN()
  })

  test('recall@k counts relevant listings found, out of min(k, relevant)', () => {
    const j = judged([['a', 2], ['b', 1], ['c', 1]])
    expect(recallAt(['a', 'x', 'c'], j, 20)).toBeCloseTo(2 / 3, 10)
    expect(recallAt(['a', 'a', 'x'], j, 20)).toBeCloseTo(1 / 3, 10) // a repeated hit counts once
    expect(recallAt(['x', 'a'], j, 1)).toBe(0)
    const thirty = judged(Array.from({ length: 30 }, (_, i): [string, number] => [`r${i}`, 1]))
    expect(recallAt(Array.from({ length: 20 }, (_, i) => `r${i}`), thirty, 20)).toBe(1)
    expect(recallAt(['a'], judged([]), 20)).toBeNaN()
  })

  test('percentile by nearest rank, and a mean that skips NaN', () => {
    expect(percentile(Array.from({ length: 20 }, (_, i) => 20 - i), 95)).toBe(19)
    expect(percentile([3, 1, 2], 50)).toBe(2)
    expect(percentile([5], 95)).toBe(5)
    expect(percentile([], 95)).toBeNaN()
    expect(mean([1, NaN, 0])).toBe(0.5)
    expect(mean([NaN])).toBeNaN()
  })
})
