/**
 * Operator and editor sessions, and CSRF protection for the server-rendered
 * forms. Sessions are random ids in an HttpOnly, SameSite=Strict cookie, kept
 * in the store so a restart signs nobody out; an operator's session is bound
 * to the ADMIN_TOKEN it signed in with, so rotating the token signs everyone
 * out. Every form carries a token that is an HMAC, under a secret kept in the
 * store, of the browser's CSRF cookie and its session cookie: another site
 * can neither post a form for you nor plant a cookie and field pair of its
 * own. With an https PUBLIC_URL the cookies are `__Host-` prefixed and Secure,
 * whatever the request looked like behind a proxy.
 */
import crypto from 'node:crypto'
import type { Request, Response } from 'express'
import type { DocumentDb, DocumentCollection } from '../../storage/document-db'
import { sameSecret } from '../auth'

const SESSION_MS = 12 * 3600 * 1000

interface SessionDoc {
  id: string
  role: 'operator' | 'editor'
  /** The listing an editor may edit. */
  subject?: string
  /** An operator's: the fingerprint of the ADMIN_TOKEN it signed in with. */
  token?: string
  expires: Date
}

interface SecretDoc { key: 'csrf'; value: string }

export interface SessionOptions {
  /** PUBLIC_URL is https: Secure, `__Host-` cookies. */
  secure: boolean
  adminToken: string | undefined
}

export function cookie(req: Request, name: string): string | undefined {
  const m = new RegExp(`(?:^|;\\s*)${name}=([A-Za-z0-9_-]+)(?:;|$)`).exec(req.get('cookie') ?? '')
  return m?.[1]
}

const fingerprint = (token: string): string => crypto.createHash('sha256').update(`tejido-operator:${token}`).digest('base64url')

/**
 * The forms' routes are mounted in the app that holds the Sessions (see
 * createApp), so the CSRF helpers find it there instead of being threaded
 * through every page's dependencies.
 */
const sessionsOf = (req: Request): Sessions => (req.app.locals as { sessions: Sessions }).sessions

/** The CSRF token to put in this browser's forms (its cookie is set when it has none). */
export function csrfToken(req: Request, res: Response): string {
  return sessionsOf(req).csrfToken(req, res)
}

/** True when a posted form's `_csrf` is the token for this browser's cookies. */
export function csrfValid(req: Request): boolean {
  return sessionsOf(req).csrfValid(req)
}

export class Sessions {
  private readonly sessions: DocumentCollection<SessionDoc>

  private readonly secrets: DocumentCollection<SecretDoc>
  private secret: Buffer | undefined
  private readonly sessionCookie: string
  private readonly csrfCookie: string

  constructor(db: DocumentDb, private readonly options: SessionOptions) {
    this.sessions = db.collection<SessionDoc>('web_sessions')
    this.secrets = db.collection<SecretDoc>('web_secrets')
    // __Host-: only this origin over https may set it (no Domain, Path=/, Secure).
    const prefix = options.secure ? '__Host-' : ''
    this.sessionCookie = `${prefix}tejido_session`
    this.csrfCookie = `${prefix}tejido_csrf`
  }

  async init(): Promise<void> {
    await this.sessions.createIndex({ id: 1 }, { unique: true, name: 'session-id' })
    // One secret per instance, kept across restarts (an upsert: concurrent first starts agree).
    await this.secrets.updateOne({ key: 'csrf' }, { $setOnInsert: { key: 'csrf', value: crypto.randomBytes(32).toString('base64') } }, { upsert: true })
    const doc = await this.secrets.findOne({ key: 'csrf' })
    if (!doc) throw new Error('the CSRF secret could not be stored')
    this.secret = Buffer.from(doc.value, 'base64')
  }

  private cookieOptions(maxAge?: number) {
    return { httpOnly: true, sameSite: 'strict' as const, secure: this.options.secure, path: '/', ...(maxAge ? { maxAge } : {}) }
  }

  /** HMAC of the browser's CSRF cookie and its session cookie: unforgeable without the secret, and tied to both. */
  private expectedCsrf(browser: string, session: string | undefined): string {
    if (!this.secret) throw new Error('Sessions.init() was not awaited')
    return crypto.createHmac('sha256', this.secret).update(`${browser}|${session ?? ''}`).digest('base64url')
  }

  csrfToken(req: Request, res: Response): string {
    // A page may render several forms: one new cookie per response.
    let browser = cookie(req, this.csrfCookie) ?? (res.locals.csrfBrowser as string | undefined)
    if (!browser) {
      browser = crypto.randomBytes(24).toString('base64url')
      res.locals.csrfBrowser = browser
      res.cookie(this.csrfCookie, browser, this.cookieOptions())
    }
    return this.expectedCsrf(browser, cookie(req, this.sessionCookie))
  }

  csrfValid(req: Request): boolean {
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf
    const browser = cookie(req, this.csrfCookie)
    return typeof sent === 'string' && !!browser && sameSecret(sent, this.expectedCsrf(browser, cookie(req, this.sessionCookie)))
  }

  async start(req: Request, res: Response, role: SessionDoc['role'] = 'operator', subject?: string): Promise<void> {
    await this.end(req, res) // a new id at every sign-in (no session fixation)
    await this.sessions.deleteMany({ expires: { $lt: new Date() } }) // sessions nobody signed out of
    const id = crypto.randomBytes(32).toString('base64url')
    const token = role === 'operator' && this.options.adminToken ? { token: fingerprint(this.options.adminToken) } : {}
    await this.sessions.insertOne({ id, role, ...(subject ? { subject } : {}), ...token, expires: new Date(Date.now() + SESSION_MS) })
    res.cookie(this.sessionCookie, id, this.cookieOptions(SESSION_MS))
  }

  private async current(req: Request): Promise<SessionDoc | null> {
    const id = cookie(req, this.sessionCookie)
    if (!id) return null
    const s = await this.sessions.findOne({ id })
    if (!s) return null
    if (s.expires.getTime() < Date.now() || !this.tokenStillValid(s)) {
      await this.sessions.deleteOne({ id })
      return null
    }
    return s
  }

  /** An operator's session lasts only while ADMIN_TOKEN is the one it signed in with. */
  private tokenStillValid(s: SessionDoc): boolean {
    if (s.role !== 'operator') return true
    const now = this.options.adminToken
    return !!now && !!s.token && sameSecret(s.token, fingerprint(now))
  }

  async isOperator(req: Request): Promise<boolean> {
    return (await this.current(req))?.role === 'operator'
  }

  /** The listing id a signed-in editor may edit, or null. */
  async editorOf(req: Request): Promise<string | null> {
    const s = await this.current(req)
    return s?.role === 'editor' && s.subject ? s.subject : null
  }

  /**
   * Ends the sessions of a listing's editors: all of them, or all but the
   * one of `except` (the browser that changed the password stays signed in).
   */
  async endEditors(listingId: string, except?: Request): Promise<void> {
    const keep = except ? cookie(except, this.sessionCookie) : undefined
    await this.sessions.deleteMany({ role: 'editor', subject: listingId, ...(keep ? { id: { $ne: keep } } : {}) })
  }

  async end(req: Request, res: Response): Promise<void> {
    const id = cookie(req, this.sessionCookie)
    if (id) await this.sessions.deleteOne({ id })
    res.clearCookie(this.sessionCookie, this.cookieOptions())
  }
}
