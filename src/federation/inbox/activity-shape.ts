/**
 * The minimal shape every inbound activity must have before any handler sees
 * it: a JSON object, not nested absurdly deep, with a string `type`, an `id`
 * URL and an actor (a URL or an object with one).
 */
import { ok, err, type Result } from '../../directory/result'

export const MAX_DEPTH = 32

export interface InboundActivity {
  id: string
  type: string
  actor: string
  raw: Record<string, unknown>
}

/** Depth of nesting, stopping early once past the limit (no recursion, so no stack overflow). */
export function tooDeep(value: unknown, limit = MAX_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length) {
    const [v, depth] = stack.pop() as [unknown, number]
    if (v === null || typeof v !== 'object') continue
    if (depth >= limit) return true
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1])
  }
  return false
}

function isUrl(s: unknown): s is string {
  if (typeof s !== 'string') return false
  try {
    const u = new URL(s)
    return u.protocol === 'https:' || u.protocol === 'http:'
  } catch {
    return false
  }
}

export function parseActivity(body: Buffer): Result<InboundActivity, string> {
  let json: unknown
  try {
    json = JSON.parse(body.toString('utf8'))
  } catch {
    return err('the body is not JSON')
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return err('the activity must be a JSON object')
  if (tooDeep(json)) return err(`the activity is nested more than ${MAX_DEPTH} levels deep`)
  const raw = json as Record<string, unknown>
  if (typeof raw.type !== 'string' || !raw.type) return err('the activity needs a single string type')
  if (!isUrl(raw.id)) return err('the activity needs an id URL')
  const actor = typeof raw.actor === 'object' && raw.actor !== null && !Array.isArray(raw.actor) ? (raw.actor as { id?: unknown }).id : raw.actor
  if (!isUrl(actor)) return err('the activity needs an actor URL')
  return ok({ id: raw.id, type: raw.type, actor, raw })
}
