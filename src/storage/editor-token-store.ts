/** EditorTokens on the document store: one document per live link, keyed by the SHA-256 of its token (the token itself is only in the mail). */
import crypto from 'node:crypto'
import { normaliseEmail } from '../directory/editor-accounts'
import { TOKEN_LIFETIME_MS, type EditorTokenGrant, type EditorTokenPurpose, type EditorTokens } from '../directory/editor-tokens'
import type { DocumentCollection, DocumentDb } from './document-db'

interface StoredToken extends EditorTokenGrant {
  tokenHash: string
  expiresAt: number
}

const hashOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')
/** 32 random bytes in base64url: anything else was never issued, and is not hashed or looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

const grantOf = (stored: Omit<StoredToken, '_id'>): EditorTokenGrant => ({
  purpose: stored.purpose, email: stored.email, listingId: stored.listingId, ...(stored.newEmail ? { newEmail: stored.newEmail } : {})
})

export class EditorTokenStore implements EditorTokens {
  private readonly tokens: DocumentCollection<StoredToken>

  constructor(db: DocumentDb) {
    this.tokens = db.collection<StoredToken>('editor_tokens')
  }

  async init(): Promise<void> {
    await this.tokens.createIndex({ tokenHash: 1 }, { name: 'tokenHash', unique: true })
    await this.tokens.createIndex({ email: 1, purpose: 1 }, { name: 'email_purpose' })
  }

  async issue(grant: EditorTokenGrant, now: number): Promise<string> {
    const token = crypto.randomBytes(32).toString('base64url')
    await this.tokens.deleteMany({ expiresAt: { $lte: now } }) // the expired go whenever a new one comes
    const email = normaliseEmail(grant.email)
    const newEmail = grant.newEmail ? { newEmail: normaliseEmail(grant.newEmail) } : {}
    await this.tokens.insertOne({ ...grant, email, ...newEmail, tokenHash: hashOf(token), expiresAt: now + TOKEN_LIFETIME_MS[grant.purpose] })
    return token
  }

  async peek(token: string, purpose: EditorTokenPurpose, now: number): Promise<EditorTokenGrant | null> {
    if (!TOKEN_SHAPE.test(token)) return null
    const found = await this.tokens.findOne({ tokenHash: hashOf(token), purpose }, { projection: { _id: 0 } })
    return found && found.expiresAt > now ? grantOf(found) : null
  }

  async take(token: string, purpose: EditorTokenPurpose, now: number): Promise<EditorTokenGrant | null> {
    if (!TOKEN_SHAPE.test(token)) return null
    // One atomic step: of two requests with the same token, one gets it.
    const { value } = await this.tokens.findOneAndDelete({ tokenHash: hashOf(token), purpose }, { projection: { _id: 0 } })
    return value && value.expiresAt > now ? grantOf(value) : null
  }

  live(email: string, purpose: EditorTokenPurpose, now: number): Promise<number> {
    return this.tokens.countDocuments({ email: normaliseEmail(email), purpose, expiresAt: { $gt: now } })
  }

  async revokeFor(email: string): Promise<void> {
    await this.tokens.deleteMany({ email: normaliseEmail(email) })
  }

  async revokeForListing(listingId: string): Promise<void> {
    await this.tokens.deleteMany({ listingId })
  }
}
