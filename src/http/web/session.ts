/**
 * Operator sessions and CSRF protection for the server-rendered forms.
 * Sessions are random ids in an HttpOnly, SameSite=Strict cookie (Secure
 * behind https), kept in the store so a restart signs nobody out; every form
 * carries a token that must equal its own cookie (double submit), so another
 * site cannot post a form for you. Sign-in is rate limited per address.
 */
import crypto from 'node:crypto'
import type { Request, Response } from 'express'
import type { Db, Collection } from 'mongodb'

const SESSION_COOKIE = 'tejido_session'
const CSRF_COOKIE = 'tejido_csrf'
const SESSION_MS = 12 * 3600 * 1000

interface SessionDoc { id: string; role: 'operator' | 'editor'; /** The listing an editor may edit. */ subject?: string; expires: Date }

export function cookie(req: Request, name: string): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${name}=([A-Za-z0-9_-]+)(?:;|$)`).exec(req.get('cookie') ?? '')
  return m?.[1]
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && crypto.timingSafeEqual(x, y)
}

/** The CSRF token for this browser, set as a cookie when it has none. */
export function csrfToken(req: Request, res: Response): string {
  let token = cookie(req, CSRF_COOKIE)
  if (!token) {
    token = crypto.randomBytes(24).toString('base64url')
    res.cookie(CSRF_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' })
  }
  return token
}

/** True when a posted form's `_csrf` matches the browser's cookie. */
export function csrfValid(req: Request): boolean {
  const sent = (req.body as Record<string, unknown> | undefined)?._csrf
  const own = cookie(req, CSRF_COOKIE)
  return typeof sent === 'string' && !!own && sameText(sent, own)
}

export class Sessions {
  private readonly sessions: Collection<SessionDoc>

  constructor(db: Db) {
    this.sessions = db.collection<SessionDoc>('web_sessions')
  }

  async init(): Promise<void> {
    await this.sessions.createIndex({ id: 1 }, { unique: true, name: 'session-id' })
  }

  async start(req: Request, res: Response, role: SessionDoc['role'] = 'operator', subject?: string): Promise<void> {
    await this.end(req, res) // a new id at every sign-in (no session fixation)
    await this.sessions.deleteMany({ expires: { $lt: new Date() } }) // sessions nobody signed out of
    const id = crypto.randomBytes(32).toString('base64url')
    await this.sessions.insertOne({ id, role, ...(subject ? { subject } : {}), expires: new Date(Date.now() + SESSION_MS) })
    res.cookie(SESSION_COOKIE, id, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_MS })
  }

  private async current(req: Request): Promise<SessionDoc | null> {
    const id = cookie(req, SESSION_COOKIE)
    if (!id) return null
    const s = await this.sessions.findOne({ id })
    if (!s) return null
    if (s.expires.getTime() < Date.now()) {
      await this.sessions.deleteOne({ id })
      return null
    }
    return s
  }

  async isOperator(req: Request): Promise<boolean> {
    return (await this.current(req))?.role === 'operator'
  }

  /** The listing id a signed-in editor may edit, or null. */
  async editorOf(req: Request): Promise<string | null> {
    const s = await this.current(req)
    return s?.role === 'editor' && s.subject ? s.subject : null
  }

  async end(req: Request, res: Response): Promise<void> {
    const id = cookie(req, SESSION_COOKIE)
    if (id) await this.sessions.deleteOne({ id })
    res.clearCookie(SESSION_COOKIE, { path: '/' })
  }
}

/** At most `limit` failed attempts per address per window. */
export class AttemptLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly limit = 5, private readonly windowMs = 60000) {}

  blocked(key: string, now = Date.now()): boolean {
    const recent = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs)
    if (recent.length) this.failures.set(key, recent)
    else this.failures.delete(key)
    return recent.length >= this.limit
  }

  failed(key: string, now = Date.now()): void {
    this.failures.set(key, [...(this.failures.get(key) ?? []), now])
    if (this.failures.size > 10000) this.failures.delete(this.failures.keys().next().value as string) // bounded memory
  }
}
