/**
 * Outgoing fetches of federated documents (actors, keys, listings,
 * collections). Each request goes only to addresses the policy allows,
 * checked after DNS resolution and pinned for the connection (no rebinding),
 * is capped in size and time, follows at most a few redirects (each hop
 * checked again), requires an ActivityPub content type, and requires the
 * document's id to equal the URL it was fetched from (the CVE-2024-23832
 * class of spoofing).
 */
import http from 'node:http'
import https from 'node:https'
import dns from 'node:dns/promises'
import net from 'node:net'
import type { LookupFunction } from 'node:net'
import { mayConnect, isListed, type AllowList } from './address-policy'
import { ok, err, type Result } from '../../directory/result'

export interface FetchPolicy {
  allow: AllowList
  timeoutMs: number
  maxBytes: number
  maxRedirects: number
  userAgent: string
}

export type FetchFailure =
  | { kind: 'refused'; url: string; reason: string }
  | { kind: 'unreachable'; url: string; reason: string }
  | { kind: 'http'; url: string; status: number }
  | { kind: 'invalid'; url: string; reason: string }

/** Adds headers to a request (an HTTP signature, for signed fetches and deliveries). */
export type RequestSigner = (req: { method: string; url: URL; headers: Record<string, string>; body?: Buffer }) => Record<string, string> | Promise<Record<string, string>>

const AP_TYPES = /^application\/(activity\+json|ld\+json)\b/i

/** The one address a URL may be fetched from under the policy (checked after DNS, pinned for the connection), or why not. */
export async function resolve(url: URL, policy: FetchPolicy): Promise<Result<string, FetchFailure>> {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80))
  let addresses: string[]
  if (net.isIP(host)) addresses = [host]
  else {
    try {
      addresses = (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address)
    } catch (e) {
      return err({ kind: 'unreachable', url: url.href, reason: `cannot resolve ${host}: ${(e as Error).message}` })
    }
  }
  // Every address the name has must be allowed, or a later connection could land on a private one.
  const refused = addresses.find((a) => !mayConnect(a, url.hostname, port, policy.allow))
  if (refused || addresses.length === 0) {
    return err({ kind: 'refused', url: url.href, reason: `${host} resolves to ${refused ?? 'nothing'}, which is not a public address` })
  }
  // Federation is https; plain http only reaches hosts the operator listed (loopback tests, compose networks).
  if (url.protocol === 'http:' && !addresses.every((a) => isListed(a, url.hostname, port, policy.allow))) {
    return err({ kind: 'refused', url: url.href, reason: 'plain http is only fetched from hosts in ALLOW_PRIVATE_ADDRESSES' })
  }
  return ok(addresses[0] as string)
}

export interface RawResponse { status: number; location?: string; contentType: string; body: Buffer; retryAfter?: string }

/** One request to a resolved, pinned address; the body is capped at the policy's maxBytes (reading stops beyond). */
export function request(url: URL, address: string, policy: FetchPolicy, headers: Record<string, string>, method = 'GET', body?: Buffer): Promise<Result<RawResponse, FetchFailure>> {
  return new Promise((done) => {
    const lib = url.protocol === 'https:' ? https : http
    const pinned: LookupFunction = (_host, options, callback) => {
      const family = net.isIP(address)
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: Array<{ address: string; family: number }>) => void)(null, [{ address, family }])
      else callback(null, address, family)
    }
    const req = lib.request(url, { method, headers, lookup: pinned, timeout: policy.timeoutMs }, (res) => {
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > policy.maxBytes) {
          req.destroy()
          done(err({ kind: 'invalid', url: url.href, reason: `response larger than ${policy.maxBytes} bytes` }))
        } else chunks.push(chunk)
      })
      res.on('end', () => done(ok({
        status: res.statusCode ?? 0,
        location: res.headers.location,
        retryAfter: res.headers['retry-after'],
        contentType: String(res.headers['content-type'] ?? ''),
        body: Buffer.concat(chunks)
      })))
      res.on('error', (e) => done(err({ kind: 'unreachable', url: url.href, reason: e.message })))
    })
    const deadline = setTimeout(() => {
      req.destroy()
      done(err({ kind: 'unreachable', url: url.href, reason: `no answer within ${policy.timeoutMs} ms` }))
    }, policy.timeoutMs)
    req.on('close', () => clearTimeout(deadline))
    req.on('timeout', () => req.destroy(new Error(`timed out after ${policy.timeoutMs} ms`)))
    req.on('error', (e) => done(err({ kind: 'unreachable', url: url.href, reason: e.message })))
    req.end(body)
  })
}

/** Does this document speak for the URL it came from? By default: its id is that URL. */
export type IdCheck = (document: Record<string, unknown>, url: string) => boolean
const idIsUrl: IdCheck = (document, url) => document.id === url

/**
 * GETs an ActivityPub document. Succeeds only with a JSON object that passes
 * `idCheck` (by default: its `id` equals the URL finally fetched).
 */
export function fetchActivityJson(
  href: string,
  policy: FetchPolicy,
  sign?: RequestSigner,
  idCheck: IdCheck = idIsUrl
): Promise<Result<{ url: string; document: Record<string, unknown> }, FetchFailure>> {
  return fetchJsonDocument(href, policy, { sign, idCheck, accept: AP_ACCEPT, contentType: AP_TYPES })
}

const AP_ACCEPT = 'application/activity+json, application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
const JSON_TYPES = /^application\/([a-z.+-]*\+)?json\b/i

/** GETs a plain JSON document with no id (NodeInfo, WebFinger), under the same address rules. */
export function fetchDiscoveryJson(href: string, policy: FetchPolicy): Promise<Result<{ url: string; document: Record<string, unknown> }, FetchFailure>> {
  return fetchJsonDocument(href, policy, { idCheck: () => true, accept: 'application/jrd+json, application/json', contentType: JSON_TYPES })
}

async function fetchJsonDocument(
  href: string,
  policy: FetchPolicy,
  opts: { sign?: RequestSigner; idCheck: IdCheck; accept: string; contentType: RegExp }
): Promise<Result<{ url: string; document: Record<string, unknown> }, FetchFailure>> {
  const { sign, idCheck } = opts
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return err({ kind: 'invalid', url: href, reason: 'not a URL' })
  }
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return err({ kind: 'refused', url: url.href, reason: `${url.protocol} URLs are not fetched` })
    if (url.username || url.password) return err({ kind: 'refused', url: url.href, reason: 'URLs with credentials are not fetched' })
    const address = await resolve(url, policy)
    if (!address.ok) return address
    let headers: Record<string, string> = {
      accept: opts.accept,
      'user-agent': policy.userAgent,
      host: url.host,
      date: new Date().toUTCString()
    }
    if (sign) headers = { ...headers, ...(await sign({ method: 'GET', url, headers })) }
    const response = await request(url, address.value, policy, headers)
    if (!response.ok) return response
    const res = response.value
    if ([301, 302, 303, 307, 308].includes(res.status) && res.location) {
      url = new URL(res.location, url)
      continue
    }
    if (res.status < 200 || res.status >= 300) return err({ kind: 'http', url: url.href, status: res.status })
    if (!opts.contentType.test(res.contentType)) return err({ kind: 'invalid', url: url.href, reason: `content type ${res.contentType || '(none)'} is not ${opts.contentType === AP_TYPES ? 'ActivityPub' : 'JSON'}` })
    let document: unknown
    try {
      document = JSON.parse(res.body.toString('utf8'))
    } catch {
      return err({ kind: 'invalid', url: url.href, reason: 'body is not JSON' })
    }
    if (document === null || typeof document !== 'object' || Array.isArray(document)) return err({ kind: 'invalid', url: url.href, reason: 'body is not a JSON object' })
    if (!idCheck(document as Record<string, unknown>, url.href)) {
      return err({ kind: 'invalid', url: url.href, reason: `document id ${JSON.stringify((document as { id?: unknown }).id)} differs from its URL` })
    }
    return ok({ url: url.href, document: document as Record<string, unknown> })
  }
  return err({ kind: 'refused', url: url.href, reason: `more than ${policy.maxRedirects} redirects` })
}

/**
 * POSTs a signed activity to an inbox, under the same address rules as
 * fetches (no redirects are followed for a POST). Returns the HTTP status.
 */
export async function postActivity(
  href: string,
  body: string,
  policy: FetchPolicy,
  sign: RequestSigner
): Promise<Result<number, FetchFailure>> {
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return err({ kind: 'invalid', url: href, reason: 'not a URL' })
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return err({ kind: 'refused', url: url.href, reason: `${url.protocol} URLs are not posted to` })
  const address = await resolve(url, policy)
  if (!address.ok) return address
  const bytes = Buffer.from(body)
  const base: Record<string, string> = {
    'content-type': 'application/activity+json',
    'user-agent': policy.userAgent,
    host: url.host,
    'content-length': String(bytes.length)
  }
  const headers = { ...base, ...(await sign({ method: 'POST', url, headers: base, body: bytes })) }
  const response = await request(url, address.value, policy, headers, 'POST', bytes)
  return response.ok ? ok(response.value.status) : response
}
