/**
 * Verifies a signed inbox POST, strictly and always (no environment variable
 * turns it off): a Signature covering (request-target), host, date and digest;
 * a Digest that matches the raw body; a Date within the window; a key that
 * verifies the signature. Returns the key's owner, which the caller binds to
 * the activity's actor.
 */
import { ok, err, type Result } from '../../directory/result'
import { parseSignatureHeader, signingString, digestMatches, verifySignature } from './http-signature'
import type { KeyResolver } from './key-resolver'

export interface SignedRequest {
  method: string
  /** The path and query as the client sent them (Express's req.originalUrl). */
  target: string
  header(name: string): string | undefined
  body: Buffer
}

export interface VerifiedSender { keyId: string; owner: string }

export interface VerifyFailure { status: 401 | 403; reason: string }

export const REQUIRED_SIGNED_HEADERS = ['(request-target)', 'host', 'date', 'digest'] as const
export const DATE_WINDOW_MS = 60 * 60 * 1000

const refuse = (reason: string, status: 401 | 403 = 401) => err<VerifyFailure>({ status, reason })

function signatureHeader(req: SignedRequest): string | undefined {
  const sig = req.header('signature')
  if (sig) return sig
  const auth = req.header('authorization')
  return auth?.toLowerCase().startsWith('signature ') ? auth.slice('signature '.length) : undefined
}

export async function verifyRequest(req: SignedRequest, keys: KeyResolver, now: Date = new Date()): Promise<Result<VerifiedSender, VerifyFailure>> {
  const header = signatureHeader(req)
  if (!header) return refuse('an HTTP signature is required')
  const parsed = parseSignatureHeader(header)
  if (!parsed.ok) return refuse(parsed.error)
  const sig = parsed.value
  const missing = REQUIRED_SIGNED_HEADERS.filter((h) => !sig.headers.includes(h))
  if (missing.length) return refuse(`the signature must cover ${missing.join(', ')}`)
  if (!digestMatches(req.header('digest'), req.body)) return refuse('the Digest header does not match the body')
  const date = Date.parse(req.header('date') ?? '')
  if (Number.isNaN(date)) return refuse('the Date header is missing or unparseable')
  if (Math.abs(now.getTime() - date) > DATE_WINDOW_MS) return refuse('the Date header is more than an hour away from now')
  const data = signingString(req.method, req.target, sig.headers, (name) => req.header(name))
  if (!data.ok) return refuse(data.error)

  let key = await keys.resolve(sig.keyId)
  if (!key.ok) return refuse(`the signing key could not be used: ${key.error}`)
  if (!verifySignature(sig, data.value, key.value.publicKeyPem)) {
    // The key may have been rotated since it was cached: fetch it once more.
    key = await keys.resolve(sig.keyId, { refresh: true })
    if (!key.ok || !verifySignature(sig, data.value, key.value.publicKeyPem)) return refuse('the signature does not verify', 403)
  }
  return ok({ keyId: sig.keyId, owner: key.value.owner })
}
