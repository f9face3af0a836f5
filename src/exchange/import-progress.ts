/**
 * How far an import has got (issue 13: "progress on the terminal for long
 * files (rows per second, ETA)"): importRows reports it after every row;
 * whoever shows it decides how often (throttledProgress).
 */

export interface ImportProgress {
  /** Rows worked out so far (written, unchanged, skipped or refused). */
  done: number
  /** The rows of the file, when known. */
  total?: number
  /** Rows per second since the import started. */
  rowsPerSecond: number
  /** Seconds left at that rate, when the total is known. */
  etaSeconds?: number
}

/** The progress after `done` rows in `elapsedMs`. */
export function progressOf(done: number, total: number | undefined, elapsedMs: number): ImportProgress {
  const rowsPerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0
  const progress: ImportProgress = { done, rowsPerSecond }
  if (total === undefined) return progress
  const left = Math.max(total - done, 0)
  return { ...progress, total, ...(rowsPerSecond > 0 ? { etaSeconds: left / rowsPerSecond } : {}) }
}

/** "12,000 of 100,000 rows (12%), 5,210 rows/s, about 17 s left" */
export function progressText(p: ImportProgress): string {
  const n = (v: number) => Math.round(v).toLocaleString('en')
  const of = p.total === undefined ? `${n(p.done)} rows` : `${n(p.done)} of ${n(p.total)} rows (${p.total ? Math.floor((100 * p.done) / p.total) : 100}%)`
  const eta = p.etaSeconds === undefined ? '' : `, about ${n(Math.ceil(p.etaSeconds))} s left`
  return `${of}, ${n(p.rowsPerSecond)} rows/s${eta}`
}

/** `show`, called at most once every `everyMs` of `clock` (the first call waits a whole interval: short imports show nothing). */
export function throttledProgress(show: (p: ImportProgress) => void, clock: () => number, everyMs = 1000): (p: ImportProgress) => void {
  let next = clock() + everyMs
  return (p) => {
    const now = clock()
    if (now < next) return
    next = now + everyMs
    show(p)
  }
}
