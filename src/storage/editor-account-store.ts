/**
 * EditorAccounts over a DocumentDb: accounts in `editors` (unique by email),
 * and the instance's applicant key in `editor_secrets`.
 */
import crypto from 'node:crypto'
import { normaliseEmail, type EditorAccount, type EditorAccounts } from '../directory/editor-accounts'
import { hashPassword, verifyPassword } from '../directory/passwords'
import { insertUnlessTaken, isDuplicateKey, type DocumentCollection, type DocumentDb } from './document-db'

interface Secret { name: string; value: string }

export class EditorAccountStore implements EditorAccounts {
  private readonly accounts: DocumentCollection<EditorAccount>
  private readonly secrets: DocumentCollection<Secret>
  private applicantKey: Buffer | undefined

  constructor(db: DocumentDb) {
    this.accounts = db.collection<EditorAccount>('editors')
    this.secrets = db.collection<Secret>('editor_secrets')
  }

  async init(): Promise<void> {
    await this.accounts.createIndex({ email: 1 }, { unique: true, name: 'editor-email' })
    await this.accounts.createIndex({ applicant: 1 }, { name: 'editor-applicant' })
    await this.secrets.createIndex({ name: 1 }, { unique: true, name: 'secret-name' })
    // One random key per instance, kept in the store (every process and every restart agree on it).
    // When the key is taken, another process made it first: both use the stored one.
    await insertUnlessTaken(this.secrets, { name: 'applicant-key', value: crypto.randomBytes(32).toString('base64') })
    const secret = await this.secrets.findOne({ name: 'applicant-key' })
    if (!secret) throw new Error('the applicant key could not be stored')
    this.applicantKey = Buffer.from(secret.value, 'base64')
  }

  applicantOf(clientKey: string): string {
    if (!this.applicantKey) throw new Error('EditorAccounts.init() was not awaited')
    return crypto.createHmac('sha256', this.applicantKey).update(clientKey).digest('base64url')
  }

  async listingsOf(applicant: string): Promise<string[]> {
    const accounts = await this.accounts.find({ applicant }, { projection: { _id: 0, listingId: 1 } }).toArray()
    return accounts.map((a) => a.listingId)
  }

  async listingOf(email: string): Promise<string | null> {
    return (await this.accounts.findOne({ email: normaliseEmail(email) }, { projection: { _id: 0, listingId: 1 } }))?.listingId ?? null
  }

  async release(email: string, listingId: string): Promise<void> {
    await this.accounts.deleteOne({ email: normaliseEmail(email), listingId })
  }

  async create(email: string, password: string | { hash: string }, listingId: string, applicant?: string): Promise<boolean> {
    const passwordHash = typeof password === 'string' ? await hashPassword(password) : password.hash
    const account: EditorAccount = { email: normaliseEmail(email), passwordHash, listingId, created: new Date(), ...(applicant ? { applicant } : {}) }
    return insertUnlessTaken(this.accounts, account)
  }

  async removeFor(listingId: string): Promise<void> {
    await this.accounts.deleteMany({ listingId })
  }

  async check(email: string, password: string): Promise<EditorAccount | null> {
    const account = await this.accounts.findOne({ email: normaliseEmail(email) }, { projection: { _id: 0 } })
    const ok = await verifyPassword(password, account?.passwordHash)
    return ok && account ? account : null
  }

  async ofListing(listingId: string): Promise<EditorAccount | null> {
    const [first] = await this.accounts.find({ listingId }, { projection: { _id: 0 }, sort: { created: 1 } }).limit(1).toArray()
    return first ?? null
  }

  async setPassword(email: string, password: string): Promise<boolean> {
    const passwordHash = await hashPassword(password)
    const result = await this.accounts.updateOne({ email: normaliseEmail(email) }, { $set: { passwordHash } })
    return (result.matchedCount ?? 0) > 0
  }

  async changeEmail(from: string, to: string, listingId: string): Promise<'changed' | 'taken' | 'gone'> {
    try {
      // the unique index on email refuses a taken address, also under a race
      const result = await this.accounts.updateOne({ email: normaliseEmail(from), listingId }, { $set: { email: normaliseEmail(to) } })
      return (result.matchedCount ?? 0) > 0 ? 'changed' : 'gone'
    } catch (e) {
      if (isDuplicateKey(e)) return 'taken'
      throw e
    }
  }
}
