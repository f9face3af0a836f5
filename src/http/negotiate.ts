/** Content negotiation between ActivityPub JSON and HTML at the same URL. */
import type { Request } from 'express'

const AS_PROFILE = /profile\s*=\s*"?https:\/\/www\.w3\.org\/ns\/activitystreams"?/i

/**
 * True when the client asks for ActivityPub: application/activity+json, or
 * application/ld+json with the ActivityStreams profile (plain ld+json too, as
 * some servers send it). Browsers and `*\/*` get HTML.
 */
export function wantsActivityJson(req: Request): boolean {
  const accept = req.get('accept') ?? ''
  const ranges = accept.split(',').map((r) => r.trim().toLowerCase())
  const q = (range: string): number => {
    const m = /;\s*q=([0-9.]+)/.exec(range)
    return m ? Number(m[1]) : 1
  }
  let best = { ap: 0, html: 0 }
  for (const range of ranges) {
    const type = range.split(';')[0]?.trim()
    if (type === 'application/activity+json' || (type === 'application/ld+json' && (AS_PROFILE.test(range) || !range.includes('profile')))) {
      best = { ...best, ap: Math.max(best.ap, q(range)) }
    } else if (type === 'text/html' || type === 'application/xhtml+xml') {
      best = { ...best, html: Math.max(best.html, q(range)) }
    }
  }
  return best.ap > 0 && best.ap >= best.html
}

export const UI_LANGUAGES = ['en', 'es', 'fr', 'pt'] as const
export type UiLanguage = (typeof UI_LANGUAGES)[number]

export function readerLanguage(req: Request): UiLanguage {
  const chosen = typeof req.query.lang === 'string' ? req.query.lang : undefined
  if (chosen && (UI_LANGUAGES as readonly string[]).includes(chosen)) return chosen as UiLanguage
  return (req.acceptsLanguages(...UI_LANGUAGES) || 'en') as UiLanguage
}
