/** Content negotiation between ActivityPub JSON and HTML at the same URL. */
import type { Request } from 'express'
import { UI_LANGUAGES, isUiLanguage, type UiLanguage } from './site/i18n/translate'

export type { UiLanguage }

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

/**
 * The reader's UI language: `?lang=` (the switch, remembered in a cookie),
 * then that cookie, then Accept-Language, then English.
 */
export function readerLanguage(req: Request): UiLanguage {
  if (isUiLanguage(req.query.lang)) return req.query.lang
  const cookie = /(?:^|;\s*)lang=([a-z]{2})(?:;|$)/.exec(req.get('cookie') ?? '')?.[1]
  if (isUiLanguage(cookie)) return cookie
  return (req.acceptsLanguages(...UI_LANGUAGES) || 'en') as UiLanguage
}
