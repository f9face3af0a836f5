/**
 * Requests to a Murmurations index (its v2 API, MurmurationsServices
 * api/rest/v2/index.yaml), under the federation's address rules: the
 * resolved address is checked and pinned, size and time are capped, no
 * redirect is followed. The answer is JSON (`{ data, meta, links, errors }`)
 * or nothing; Retry-After is read for the queue.
 */
import { resolve, request, type FetchPolicy, type FetchFailure } from '../../federation/net/safe-fetch'
import { retryAfterMs } from '../../federation/delivery/job-kinds'
import { ok, type Result } from '../../directory/result'

export interface IndexAnswer {
  status: number
  /** The body as JSON, or undefined when it is none. */
  json: Record<string, unknown> | undefined
  retryAfterMs?: number
}

const parse = (body: Buffer): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'))
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

/** One call to the index; `body` is sent as JSON. */
export async function indexRequest(method: 'GET' | 'POST' | 'DELETE', href: string, policy: FetchPolicy, body?: unknown, now: () => Date = () => new Date()): Promise<Result<IndexAnswer, FetchFailure>> {
  const url = new URL(href)
  const address = await resolve(url, policy)
  if (!address.ok) return address
  const bytes = body === undefined ? undefined : Buffer.from(JSON.stringify(body))
  const headers: Record<string, string> = { accept: 'application/json', 'user-agent': policy.userAgent, host: url.host }
  if (bytes) Object.assign(headers, { 'content-type': 'application/json', 'content-length': String(bytes.length) })
  const answer = await request(url, address.value, policy, headers, method, bytes)
  if (!answer.ok) return answer
  const res = answer.value
  const retry = retryAfterMs(res.retryAfter, now())
  return ok({ status: res.status, json: parse(res.body), ...(retry !== undefined ? { retryAfterMs: retry } : {}) })
}

/** The answer's `errors` as a list (the index sends an array; one object is taken too). */
function errorList(answer: IndexAnswer): unknown[] {
  const errors = answer.json?.errors
  return Array.isArray(errors) ? errors : errors && typeof errors === 'object' ? [errors] : []
}

/** The titles of the index's errors (`Profile Still Exists`, …), which say what kind of refusal it is. */
export const errorTitles = (answer: IndexAnswer): string[] => errorList(answer).flatMap((e) => (e && typeof e === 'object' && typeof (e as { title?: unknown }).title === 'string' ? [(e as { title: string }).title] : []))

/** The index's own words for a refusal (`errors[].title: detail`), else the status. */
export function indexError(answer: IndexAnswer): string {
  const words = errorList(answer).flatMap((e) => {
    if (!e || typeof e !== 'object') return []
    const { title, detail } = e as Record<string, unknown>
    return [[title, detail].filter((x) => typeof x === 'string').join(': ')]
  }).filter(Boolean)
  return `HTTP ${answer.status}${words.length ? `: ${words.join('; ').slice(0, 500)}` : ''}`
}

/** A failure to reach the index, in words. */
export const failureText = (failure: FetchFailure): string => ('reason' in failure ? failure.reason : `HTTP ${failure.status}`)
