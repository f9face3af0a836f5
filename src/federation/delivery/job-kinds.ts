/**
 * Jobs on the delivery queue that are not signed inbox posts (issue 13: the
 * Murmurations index's registrations come "from the same stored queue as
 * federation"). A handler runs one job and says how it went as an HTTP
 * status: 2xx done, 429/5xx/408 or null (no answer) retried with the
 * queue's backoff, anything else final. `retryAfterMs` (an answer's
 * Retry-After) puts the next try no earlier than that.
 */
import type { Delivery } from './queue'

export interface JobOutcome {
  status: number | null
  error?: string
  retryAfterMs?: number
}

export type JobHandler = (job: Delivery) => Promise<JobOutcome>

/** Retry-After as milliseconds: delay-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined
  const text = header.trim()
  if (/^\d{1,9}$/.test(text)) return Number(text) * 1000
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime())
}
