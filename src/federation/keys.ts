/**
 * Key pairs of local actors (the instance and each listing), kept apart from
 * listings so a private key can never leak through a listing read. RSA 2048,
 * as Mastodon uses. Generating one takes ~200 ms of CPU here, so keys are
 * minted once, on first need or in the background after a listing is
 * created, never inside an API write.
 */
import { generateKeyPair } from 'node:crypto'
import { promisify } from 'node:util'
import type { DocumentDb, DocumentCollection } from '../storage/document-db'

const generate = promisify(generateKeyPair)

export interface KeyPair { owner: string; publicKeyPem: string; privateKeyPem: string; created: Date }

export class ActorKeys {
  private readonly keys: DocumentCollection<KeyPair>
  private readonly inFlight = new Map<string, Promise<KeyPair>>()

  constructor(db: DocumentDb) {
    this.keys = db.collection<KeyPair>('actorKeys')
  }

  async init(): Promise<void> {
    await this.keys.createIndex({ owner: 1 }, { unique: true, name: 'key-owner' })
  }

  find(owner: string): Promise<KeyPair | null> {
    return this.keys.findOne({ owner }, { projection: { _id: 0 } })
  }

  /** The owner's key pair, minted and stored on first call (once, even when called concurrently). */
  async ensure(owner: string): Promise<KeyPair> {
    const existing = await this.find(owner)
    if (existing) return existing
    let pending = this.inFlight.get(owner)
    if (!pending) {
      pending = this.mint(owner).finally(() => this.inFlight.delete(owner))
      this.inFlight.set(owner, pending)
    }
    return pending
  }

  private async mint(owner: string): Promise<KeyPair> {
    const { publicKey, privateKey } = await generate('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' }
    })
    const pair: KeyPair = { owner, publicKeyPem: publicKey, privateKeyPem: privateKey, created: new Date() }
    // Another process may have minted first: the stored pair wins.
    await this.keys.updateOne({ owner }, { $setOnInsert: pair }, { upsert: true })
    return (await this.find(owner)) as KeyPair
  }

  async remove(owner: string): Promise<void> {
    await this.keys.deleteOne({ owner })
  }
}
