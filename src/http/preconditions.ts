/**
 * Conditional requests and body types for the listings API.
 *
 * A listing's entity tag is its version, strong and quoted: version 7 is
 * `"v7"`. The version grows on every stored change, so two different states
 * of a listing never share a tag. `If-Match` on PATCH and DELETE names the
 * versions the client expects (`*` matches any existing listing); the
 * service then writes only if the stored version is still one of them.
 */
import type { Request, Response, RequestHandler } from 'express'
import type { Listing } from '../directory/listing'
import type { VersionCheck } from '../directory/listing-service'
import { sendProblem } from './problem'

export const etagOf = (listing: Pick<Listing, 'version'>): string => `"v${listing.version}"`

/** One entity tag in a list: optional weak prefix, quoted etagc characters, then a comma or the end. */
const ENTITY_TAG = /[ \t]*(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"[ \t]*(?:,|$)/y
const OUR_TAG = /^v([0-9]{1,15})$/

/**
 * The versions `If-Match` accepts: undefined when the header is absent or
 * `*` (any existing listing will do), null after answering 400 for a
 * malformed header. Weak tags never match: If-Match compares strongly.
 */
export function ifMatch(req: Request, res: Response): VersionCheck | undefined | null {
  const header = req.get('If-Match')
  if (header === undefined || header.trim() === '*') return undefined
  const versions = new Set<number>()
  ENTITY_TAG.lastIndex = 0
  while (ENTITY_TAG.lastIndex < header.length) {
    const at = ENTITY_TAG.lastIndex
    const match = ENTITY_TAG.exec(header)
    if (!match || ENTITY_TAG.lastIndex === at) {
      sendProblem(res, { status: 400, title: 'Bad If-Match', detail: 'If-Match must be * or a list of quoted entity tags, such as "v7" (the ETag of GET /api/listings/SLUG)' })
      return null
    }
    const ours = match[1] ? null : OUR_TAG.exec(match[2] as string)
    if (ours) versions.add(Number(ours[1]))
  }
  return (version) => versions.has(version)
}

/** The JSON types a listing or a merge patch may be sent as. */
export const JSON_BODY_TYPES = ['application/merge-patch+json', 'application/json'] as const

export const hasBody = (req: Request): boolean =>
  req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? 0) > 0

/**
 * Refuses, before anything is read or written, a body that is not JSON
 * (415, naming the accepted types) or a missing one (400): without this a
 * text/plain or JSON Patch body reached the service as `{}` and was taken
 * for "no change".
 */
export function requireJsonBody(acceptHeader: 'Accept-Patch' | 'Accept-Post'): RequestHandler {
  const accepted = JSON_BODY_TYPES.join(', ')
  return (req, res, next) => {
    res.set(acceptHeader, accepted)
    if (!hasBody(req)) {
      return sendProblem(res, { status: 400, title: 'Missing body', detail: `This request needs a JSON body, sent as ${JSON_BODY_TYPES.join(' or ')}` })
    }
    if (!req.is([...JSON_BODY_TYPES])) {
      const sent = req.get('content-type')
      return sendProblem(res, { status: 415, title: 'Unsupported Media Type', detail: `${sent ? `Content-Type ${sent}` : 'A body without Content-Type'} is not accepted here; send ${JSON_BODY_TYPES.join(' or ')}` })
    }
    next()
  }
}
