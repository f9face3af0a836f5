/**
 * HTTP Signatures (draft-cavage-http-signatures-12), as the fediverse uses
 * them: rsa-sha256, or hs2019 with an RSA or Ed25519 key. Signing and the
 * pure part of verification live here; resolving keys is the caller's.
 */
import crypto from 'node:crypto'
import { ok, err, type Result } from '../../directory/result'

export interface ParsedSignature {
  keyId: string
  algorithm: string
  headers: string[]
  signature: Buffer
}

/** Parses `keyId="...",algorithm="...",headers="...",signature="..."`. */
export function parseSignatureHeader(value: string): Result<ParsedSignature, string> {
  const params = new Map<string, string>()
  const re = /\s*([a-zA-Z]+)\s*=\s*"([^"]*)"\s*(?:,|$)/gy
  let m: RegExpExecArray | null
  let end = 0
  while ((m = re.exec(value)) !== null) {
    params.set((m[1] as string).toLowerCase(), m[2] as string)
    end = re.lastIndex
    if (end >= value.length) break
  }
  if (end < value.trim().length) return err('the Signature header is malformed')
  const keyId = params.get('keyid')
  const signature = params.get('signature')
  if (!keyId || !signature) return err('the Signature header needs keyId and signature')
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return err('the signature is not base64')
  return ok({
    keyId,
    algorithm: (params.get('algorithm') ?? 'hs2019').toLowerCase(),
    headers: (params.get('headers') ?? 'date').toLowerCase().split(/\s+/).filter(Boolean),
    signature: Buffer.from(signature, 'base64')
  })
}

export type HeaderLookup = (name: string) => string | undefined

/** The string that was signed: one `name: value` line per listed header. */
export function signingString(method: string, target: string, headers: string[], header: HeaderLookup): Result<string, string> {
  const lines: string[] = []
  for (const name of headers) {
    if (name === '(request-target)') lines.push(`(request-target): ${method.toLowerCase()} ${target}`)
    else {
      const value = header(name)
      if (value === undefined) return err(`the signed header ${name} is missing`)
      lines.push(`${name}: ${value.trim()}`)
    }
  }
  return ok(lines.join('\n'))
}

export function digestOf(body: Buffer | string): string {
  return `SHA-256=${crypto.createHash('sha256').update(body).digest('base64')}`
}

/** Checks a Digest header (possibly listing several algorithms) against the raw body. */
export function digestMatches(header: string | undefined, body: Buffer): boolean {
  if (!header) return false
  const expected = digestOf(body).slice('SHA-256='.length)
  return header.split(',').some((part) => {
    const i = part.indexOf('=')
    return i > 0 && part.slice(0, i).trim().toLowerCase() === 'sha-256' && part.slice(i + 1).trim() === expected
  })
}

export function verifySignature(parsed: ParsedSignature, data: string, publicKeyPem: string): boolean {
  let key: crypto.KeyObject
  try {
    key = crypto.createPublicKey(publicKeyPem)
  } catch {
    return false
  }
  const type = key.asymmetricKeyType
  if (parsed.algorithm === 'rsa-sha256' && type !== 'rsa') return false
  if (parsed.algorithm !== 'rsa-sha256' && parsed.algorithm !== 'hs2019') return false
  try {
    if (type === 'rsa') return crypto.verify('sha256', Buffer.from(data), key, parsed.signature)
    if (type === 'ed25519') return crypto.verify(null, Buffer.from(data), key, parsed.signature)
  } catch {
    return false
  }
  return false
}

/** A signing key; pass a KeyObject when signing often (parsing a PEM costs ~1 ms here). */
export interface SigningKey { keyId: string; privateKeyPem: string | crypto.KeyObject }

/**
 * Headers for a signed request: Date, Host, Digest (with a body) and the
 * Signature covering (request-target), host, date and, with a body, digest
 * and content-type (the set Mastodon signs).
 */
export function signRequest(req: SignableRequest, key: SigningKey, now: Date = new Date()): Record<string, string> {
  const prepared = prepare(req, now)
  return signed(prepared, key, crypto.sign('sha256', prepared.data, key.privateKeyPem))
}

/**
 * The same signature computed on libuv's thread pool: an RSA-2048 signature
 * costs about a millisecond of CPU here, and a busy delivery queue signs one
 * per request; off the event loop they use every core and block nothing.
 */
export async function signRequestOffThread(req: SignableRequest, key: SigningKey, now: Date = new Date()): Promise<Record<string, string>> {
  const prepared = prepare(req, now)
  const signature = await new Promise<Buffer>((resolve, reject) =>
    crypto.sign('sha256', prepared.data, key.privateKeyPem, (error, sig) => (error ? reject(error) : resolve(sig))))
  return signed(prepared, key, signature)
}

type SignableRequest = { method: string; url: URL; headers?: Record<string, string>; body?: Buffer | string }

function prepare(req: SignableRequest, now: Date): { headers: Record<string, string>; names: string[]; data: Buffer } {
  const headers: Record<string, string> = { ...(req.headers ?? {}), host: req.url.host, date: now.toUTCString() }
  const names = ['(request-target)', 'host', 'date']
  if (req.body !== undefined) {
    headers.digest = digestOf(req.body)
    names.push('digest')
    if (headers['content-type']) names.push('content-type')
  }
  const target = `${req.url.pathname}${req.url.search}`
  const data = signingString(req.method, target, names, (n) => headers[n])
  if (!data.ok) throw new Error(data.error)
  return { headers, names, data: Buffer.from(data.value) }
}

function signed({ headers, names }: { headers: Record<string, string>; names: string[] }, key: SigningKey, signature: Buffer): Record<string, string> {
  headers.signature = `keyId="${key.keyId}",algorithm="rsa-sha256",headers="${names.join(' ')}",signature="${signature.toString('base64')}"`
  return headers
}
