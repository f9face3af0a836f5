/** Import progress (issue 13): rows done, rows per second, ETA when the total is known; shown at most once a second. */
import { progressOf, progressText, throttledProgress, type ImportProgress } from '../../src/exchange/import-progress'
import { rowsAhead } from '../../src/cli/import'
import type { ImportFormat } from '../../src/exchange/import-readers'

test('rows per second over the time elapsed, and the time left at that rate when the total is known', () => {
  expect(progressOf(5000, 20000, 2000)).toEqual({ done: 5000, total: 20000, rowsPerSecond: 2500, etaSeconds: 6 })
  expect(progressOf(5000, undefined, 2000)).toEqual({ done: 5000, rowsPerSecond: 2500 })
  expect(progressOf(0, 10, 0)).toEqual({ done: 0, total: 10, rowsPerSecond: 0 })
})

test('the line a person reads', () => {
  expect(progressText(progressOf(12000, 100000, 2000))).toBe('12,000 of 100,000 rows (12%), 6,000 rows/s, about 15 s left')
  expect(progressText(progressOf(300, undefined, 1000))).toBe('300 rows, 300 rows/s')
})

test('shown at most once an interval of the given clock, never before the first interval has passed', () => {
  let now = 0
  const shown: number[] = []
  const show = throttledProgress((p: ImportProgress) => shown.push(p.done), () => now, 1000)
  for (let done = 1; done <= 10; done++) {
    now = done * 300
    show(progressOf(done, undefined, now))
  }
  // at 1200 ms (row 4), then 2400 (row 8): rows 1–3 fall in the first second
  expect(shown).toEqual([4, 8])
})

test('a JSON Lines or CSV file says its rows ahead (blank lines are none, nor a CSV header); other formats do not', () => {
  expect(rowsAhead('jsonl', '{"a":1}\n\n{"a":2}\n  \n{"a":3}')).toBe(3)
  expect(rowsAhead('csv' as ImportFormat, 'slug,name\r\na,A\r\nb,B\r\n')).toBe(2) // 'csv' is registered by the CSV readers
  expect(rowsAhead('csv' as ImportFormat, '')).toBe(0)
  expect(rowsAhead('json', '[{"a":1}]')).toBeUndefined()
})
