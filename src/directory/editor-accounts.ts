/**
 * Listing-editor accounts: an email, a scrypt password hash and the listing
 * it may edit. Hashes are `scrypt$N$r$p$salt$hash` (base64), so the cost can
 * rise later without breaking old ones; checks are constant-time.
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'
import type { Db, Collection } from 'mongodb'

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>
const COST = { N: 16384, r: 8, p: 1 }
const KEY_LENGTH = 32
export const MIN_PASSWORD = 10

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16)
  const hash = await scrypt(password, salt, KEY_LENGTH, { ...COST, maxmem: 64 * 1024 * 1024 })
  return ['scrypt', COST.N, COST.r, COST.p, salt.toString('base64'), hash.toString('base64')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64')
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p), maxmem: 64 * 1024 * 1024 })
  return crypto.timingSafeEqual(actual, expected)
}

export interface EditorAccount {
  email: string
  passwordHash: string
  listingId: string
  created: Date
  /** Who applied with /join: a keyed hash of the client's address (IPv6 by /64), never the address itself. */
  applicant?: string
}

interface Secret { name: string; value: string }

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()
/** The longest email address SMTP allows (RFC 5321: a 254-character path). */
export const MAX_EMAIL = 254
/** Longer passwords are refused: scrypt should never be fed megabytes. */
export const MAX_PASSWORD = 1024

const NO_SPACE_OR_AT = /^[^\s@]+$/

/**
 * One `@`, something on each side, a dot inside the domain, no white space.
 * Length first, then only anchored single-class patterns: linear time
 * whatever the input (`/^[^\s@]+@[^\s@]+\.[^\s@]+$/` was quadratic on
 * `a@` + many dots + `@`: 30 s for 199,000 dots).
 */
export function looksLikeEmail(email: string): boolean {
  if (email.length > MAX_EMAIL) return false
  const at = email.indexOf('@')
  if (at < 1 || at !== email.lastIndexOf('@')) return false
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  return NO_SPACE_OR_AT.test(local) && NO_SPACE_OR_AT.test(domain) && domain.slice(1, -1).includes('.')
}

export class EditorAccounts {
  private readonly accounts: Collection<EditorAccount>
  private readonly secrets: Collection<Secret>
  private applicantKey: Buffer | undefined

  constructor(db: Db) {
    this.accounts = db.collection<EditorAccount>('editors')
    this.secrets = db.collection<Secret>('editor_secrets')
  }

  async init(): Promise<void> {
    await this.accounts.createIndex({ email: 1 }, { unique: true, name: 'editor-email' })
    await this.accounts.createIndex({ applicant: 1 }, { name: 'editor-applicant' })
    await this.secrets.createIndex({ name: 1 }, { unique: true, name: 'secret-name' })
    // One random key per instance, kept in the store (every process and every restart agree on it).
    try {
      await this.secrets.insertOne({ name: 'applicant-key', value: crypto.randomBytes(32).toString('base64') })
    } catch (e) {
      if ((e as { code?: number }).code !== 11000) throw e // another process made it first
    }
    const secret = await this.secrets.findOne({ name: 'applicant-key' })
    if (!secret) throw new Error('the applicant key could not be stored')
    this.applicantKey = Buffer.from(secret.value, 'base64')
  }

  /**
   * A client's address (already reduced to its /64 for IPv6) as a keyed hash:
   * enough to count one client's applications across restarts, useless for
   * finding the address again (a plain hash of an IPv4 address is reversed
   * by trying all 2^32).
   */
  applicantOf(clientKey: string): string {
    if (!this.applicantKey) throw new Error('EditorAccounts.init() was not awaited')
    return crypto.createHmac('sha256', this.applicantKey).update(clientKey).digest('base64url')
  }

  /** The listings an applicant applied for (any moderation state). */
  async listingsOf(applicant: string): Promise<string[]> {
    const accounts = await this.accounts.find({ applicant }, { projection: { _id: 0, listingId: 1 } }).toArray()
    return accounts.map((a) => a.listingId)
  }

  /** The listing the account with this email may edit, or null when no account has the email. */
  async listingOf(email: string): Promise<string | null> {
    return (await this.accounts.findOne({ email: normaliseEmail(email) }, { projection: { _id: 0, listingId: 1 } }))?.listingId ?? null
  }

  /** Deletes the email's account if it still belongs to `listingId` (so a racing new account is never removed). */
  async release(email: string, listingId: string): Promise<void> {
    await this.accounts.deleteOne({ email: normaliseEmail(email), listingId })
  }

  /** Creates the account; false when the email is taken (also under a race). */
  async create(email: string, password: string, listingId: string, applicant?: string): Promise<boolean> {
    const account: EditorAccount = { email: normaliseEmail(email), passwordHash: await hashPassword(password), listingId, created: new Date(), ...(applicant ? { applicant } : {}) }
    try {
      await this.accounts.insertOne(account)
      return true
    } catch (e) {
      if ((e as { code?: number }).code === 11000) return false
      throw e
    }
  }

  /** Removes the accounts that edit a listing (when the listing is gone). */
  async removeFor(listingId: string): Promise<void> {
    await this.accounts.deleteMany({ listingId })
  }

  /** The account when the password is right, else null (same work either way). */
  async check(email: string, password: string): Promise<EditorAccount | null> {
    const account = await this.accounts.findOne({ email: normaliseEmail(email) }, { projection: { _id: 0 } })
    const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH)
    return ok && account ? account : null
  }
}

// A hash to check against when there is no account, so timing does not tell which emails exist.
const DUMMY_HASH = `scrypt$16384$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`
