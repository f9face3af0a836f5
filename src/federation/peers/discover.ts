/**
 * Finds another instance's actor from a URL an operator types: the actor URL
 * itself, the site's NodeInfo link to its Application actor (FEP-2677), or
 * WebFinger for the site URL or acct:HOST@HOST (FEP-d556). Every fetch is a
 * safe fetch.
 */
import { fetchActivityJson, fetchDiscoveryJson, type FetchPolicy, type RequestSigner } from '../net/safe-fetch'
import { ok, err, type Result } from '../../directory/result'

export interface RemoteActor { origin: string; actorId: string; inbox: string; sharedInbox?: string; type: string }

type Json = Record<string, unknown>

const APPLICATION_REL = 'https://www.w3.org/ns/activitystreams#Application'

export function actorFromDocument(doc: Json): Result<RemoteActor, string> {
  const id = doc.id
  const inbox = doc.inbox
  if (typeof id !== 'string' || typeof inbox !== 'string') return err('the actor has no id or inbox')
  const endpoints = doc.endpoints && typeof doc.endpoints === 'object' ? (doc.endpoints as Json) : {}
  const sharedInbox = typeof endpoints.sharedInbox === 'string' ? endpoints.sharedInbox : undefined
  let origin: string
  try {
    origin = new URL(id).origin
    if (new URL(inbox).origin !== origin || (sharedInbox && new URL(sharedInbox).origin !== origin)) return err('the actor\'s inbox is on another origin')
  } catch {
    return err('the actor\'s id or inbox is not a URL')
  }
  return ok({ origin, actorId: id, inbox, ...(sharedInbox ? { sharedInbox } : {}), type: String(doc.type) })
}

async function tryActor(url: string, policy: FetchPolicy, sign?: RequestSigner): Promise<Result<RemoteActor, string>> {
  const fetched = await fetchActivityJson(url, policy, sign)
  if (!fetched.ok) return err('reason' in fetched.error ? fetched.error.reason : `HTTP ${fetched.error.status} from ${url}`)
  return actorFromDocument(fetched.value.document)
}

function selfLink(doc: Json, rel: (r: unknown, type: unknown) => boolean): string | undefined {
  const links = Array.isArray(doc.links) ? (doc.links as Json[]) : []
  const found = links.find((l) => l && rel(l.rel, l.type) && typeof l.href === 'string')
  return found?.href as string | undefined
}

export async function discoverInstanceActor(input: string, policy: FetchPolicy, sign?: RequestSigner): Promise<Result<RemoteActor, string>> {
  let url: URL
  try {
    url = new URL(/^https?:\/\//.test(input) ? input : `https://${input}`)
  } catch {
    return err(`"${input}" is not a URL or host`)
  }
  const tried: string[] = []
  if (url.pathname !== '/' && url.pathname !== '') {
    const direct = await tryActor(url.href, policy, sign)
    if (direct.ok) return direct
    tried.push(`${url.href}: ${direct.error}`)
  }
  const nodeinfo = await fetchDiscoveryJson(`${url.origin}/.well-known/nodeinfo`, policy)
  if (nodeinfo.ok) {
    const href = selfLink(nodeinfo.value.document, (rel) => rel === APPLICATION_REL)
    if (href) {
      const viaNodeInfo = await tryActor(href, policy, sign)
      if (viaNodeInfo.ok) return viaNodeInfo
      tried.push(`NodeInfo's actor ${href}: ${viaNodeInfo.error}`)
    } else tried.push('NodeInfo links no instance actor')
  } else tried.push(`NodeInfo: ${'reason' in nodeinfo.error ? nodeinfo.error.reason : `HTTP ${nodeinfo.error.status}`}`)
  for (const resource of [`${url.origin}/`, `acct:${url.host}@${url.host}`]) {
    const wf = await fetchDiscoveryJson(`${url.origin}/.well-known/webfinger?resource=${encodeURIComponent(resource)}`, policy)
    if (!wf.ok) continue
    const href = selfLink(wf.value.document, (rel, type) => rel === 'self' && typeof type === 'string' && /activity\+json|ld\+json/.test(type))
    if (!href) continue
    const viaWebFinger = await tryActor(href, policy, sign)
    if (viaWebFinger.ok) return viaWebFinger
    tried.push(`WebFinger's actor ${href}: ${viaWebFinger.error}`)
  }
  return err(`no instance actor found for ${input} (${tried.join('; ') || 'WebFinger found nothing'})`)
}
