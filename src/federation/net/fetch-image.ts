/**
 * A listing's logo (`icon`), checked before it is kept: fetched through the
 * same guarded path as federation's fetches (addresses checked after DNS
 * and pinned, plain http only from allowed hosts, redirects checked hop by
 * hop, a time limit), it must be a PNG, JPEG, WebP or GIF — by its content
 * type and by its first bytes — of at most MAX_LOGO_BYTES, reading nothing
 * beyond. SVG is refused: it can carry script, and we do not sanitise it.
 */
import { ok, err, type Result } from '../../directory/result'
import { request, resolve, type FetchPolicy } from './safe-fetch'

/** The largest logo kept: 512 KB. */
export const MAX_LOGO_BYTES = 512 * 1024

/** Why a logo was refused. */
export type LogoFailure =
  /** Not fetched: refused by the address policy, no answer, or an HTTP error. */
  | { kind: 'unreachable'; reason: string }
  /** Fetched, but not one of the image types kept (or its bytes are not what it says). */
  | { kind: 'not-image'; reason: string }
  | { kind: 'too-big' }

/** The image types kept, and how each file begins. */
const SIGNATURES: ReadonlyArray<{ type: string; matches: (b: Buffer) => boolean }> = [
  { type: 'image/png', matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/jpeg', matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/gif', matches: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
  { type: 'image/webp', matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' }
]

const REDIRECTS = [301, 302, 303, 307, 308]

/** Fetches `href` and checks it is a logo we keep; its type on success. */
/** A Location against the URL it answered, or null when it is no URL. */
function resolved(location: string, base: URL): URL | null {
  try {
    return new URL(location, base)
  } catch {
    return null
  }
}

export async function checkLogo(href: string, base: FetchPolicy): Promise<Result<{ url: string; type: string }, LogoFailure>> {
  // A body past the cap is too big: the request stops reading there.
  const policy: FetchPolicy = { ...base, maxBytes: MAX_LOGO_BYTES }
  let url: URL
  try {
    url = new URL(href)
  } catch {
    return err({ kind: 'unreachable', reason: 'not a URL' })
  }
  for (let hop = 0; hop <= policy.maxRedirects; hop++) {
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username || url.password) return err({ kind: 'unreachable', reason: `${url.href} is not fetched` })
    const address = await resolve(url, policy)
    if (!address.ok) return err({ kind: 'unreachable', reason: address.error.kind === 'refused' || address.error.kind === 'unreachable' ? address.error.reason : address.error.kind })
    const headers = { accept: 'image/png, image/jpeg, image/webp, image/gif', 'user-agent': policy.userAgent, host: url.host }
    const response = await request(url, address.value, policy, headers)
    if (!response.ok) {
      const failure = response.error
      return failure.kind === 'invalid' && /larger than/.test(failure.reason) ? err({ kind: 'too-big' }) : err({ kind: 'unreachable', reason: 'reason' in failure ? failure.reason : failure.kind })
    }
    const res = response.value
    if (REDIRECTS.includes(res.status) && res.location) {
      const next = resolved(res.location, url)
      if (!next) return err({ kind: 'unreachable', reason: 'a malformed redirect' }) // the host's fault, not a crash
      url = next
      continue
    }
    if (res.status < 200 || res.status >= 300) return err({ kind: 'unreachable', reason: `HTTP ${res.status}` })
    const type = res.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
    const signature = SIGNATURES.find((s) => s.type === type)
    if (!signature) return err({ kind: 'not-image', reason: `content type ${type || '(none)'}` })
    if (!signature.matches(res.body)) return err({ kind: 'not-image', reason: `the bytes are not ${type}` })
    return ok({ url: url.href, type })
  }
  return err({ kind: 'unreachable', reason: `more than ${policy.maxRedirects} redirects` })
}
