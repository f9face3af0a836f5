/** JoinConfirmations on the document store: one document per waiting application, keyed by the SHA-256 of its token. */
import crypto from 'node:crypto'
import { CONFIRM_WITHIN_MS, type JoinConfirmations } from '../directory/join-confirmations'
import type { PreparedApplication } from '../directory/registration'
import type { DocumentCollection, DocumentDb } from './document-db'

interface Waiting {
  tokenHash: string
  application: PreparedApplication
  expiresAt: number
}

const hashOf = (token: string): string => crypto.createHash('sha256').update(token).digest('hex')

export class JoinConfirmationStore implements JoinConfirmations {
  private readonly waiting: DocumentCollection<Waiting>

  constructor(db: DocumentDb) {
    this.waiting = db.collection<Waiting>('join_confirmations')
  }

  async init(): Promise<void> {
    await this.waiting.createIndex({ tokenHash: 1 }, { name: 'tokenHash', unique: true })
  }

  async hold(application: PreparedApplication, now: number): Promise<string> {
    const token = crypto.randomBytes(32).toString('base64url')
    await this.waiting.deleteMany({ expiresAt: { $lte: now } }) // the expired go whenever a new one comes
    await this.waiting.insertOne({ tokenHash: hashOf(token), application, expiresAt: now + CONFIRM_WITHIN_MS })
    return token
  }

  async take(token: string, now: number): Promise<PreparedApplication | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null
    const { value } = await this.waiting.findOneAndDelete({ tokenHash: hashOf(token) }, { projection: { _id: 0 } })
    return value && value.expiresAt > now ? value.application : null
  }
}
