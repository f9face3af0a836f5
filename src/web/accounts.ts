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

export interface EditorAccount { email: string; passwordHash: string; listingId: string; created: Date }

export const normaliseEmail = (email: string): string => email.trim().toLowerCase()
export const looksLikeEmail = (email: string): boolean => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 254

export class EditorAccounts {
  private readonly accounts: Collection<EditorAccount>

  constructor(db: Db) {
    this.accounts = db.collection<EditorAccount>('editors')
  }

  async init(): Promise<void> {
    await this.accounts.createIndex({ email: 1 }, { unique: true, name: 'editor-email' })
  }

  async exists(email: string): Promise<boolean> {
    return (await this.accounts.countDocuments({ email: normaliseEmail(email) })) > 0
  }

  /** Creates the account; false when the email is taken (also under a race). */
  async create(email: string, password: string, listingId: string): Promise<boolean> {
    const account: EditorAccount = { email: normaliseEmail(email), passwordHash: await hashPassword(password), listingId, created: new Date() }
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
