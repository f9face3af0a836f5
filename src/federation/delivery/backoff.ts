/**
 * When to try a failed delivery again: 1 s doubling up to 12 h (as Fedify),
 * with ±20% jitter so retries to one host spread out; after three days a
 * delivery is given up and its host marked unavailable (Mastodon gives up
 * after about as long).
 */
export const FIRST_RETRY_MS = 1000
export const MAX_RETRY_MS = 12 * 3600 * 1000
export const GIVE_UP_AFTER_MS = 3 * 24 * 3600 * 1000

export function retryDelay(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1))
  return Math.round(base * (0.8 + 0.4 * random()))
}

/** Should a delivery first queued at `created` be retried after failing at `now`? */
export function shouldRetry(created: Date, now: Date): boolean {
  return now.getTime() - created.getTime() < GIVE_UP_AFTER_MS
}

/** 5xx, 429, 408 and network failures are worth retrying; other 4xx are final. */
export function isRetryable(status: number | null): boolean {
  return status === null || status >= 500 || status === 429 || status === 408
}
