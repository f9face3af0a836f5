/**
 * Resolves an HTTP signature's keyId to a public key and its owner. Keys are
 * fetched safely (see safe-fetch), whatever their shape: a fragment of the
 * actor (`ACTOR#main-key`, Mastodon and apex), a key document with an
 * `owner`, or GoToSocial's `/main-key` path serving a stub actor. The owner
 * must share the key's origin. Keys are cached in the store.
 */
import type { DocumentDb, DocumentCollection } from '../../storage/document-db'
import { ok, err, type Result } from '../../directory/result'
import { fetchActivityJson, type FetchPolicy, type RequestSigner } from '../net/safe-fetch'
import { asArray, idOf, originOf as origin, type Json } from '../json-ld'

export interface PublicKeyInfo { keyId: string; owner: string; publicKeyPem: string }

export interface KeyResolver {
  resolve(keyId: string, options?: { refresh?: boolean }): Promise<Result<PublicKeyInfo, string>>
}


/** Finds the key `keyId` in a fetched document (key document or actor). */
export function keyFromDocument(document: Json, keyId: string): Result<PublicKeyInfo, string> {
  let info: PublicKeyInfo
  if (typeof document.publicKeyPem === 'string') {
    if (document.id !== keyId) return err('the key document has another id')
    const owner = idOf(document.owner)
    if (!owner) return err('the key document names no owner')
    info = { keyId, owner, publicKeyPem: document.publicKeyPem }
  } else {
    const entry = asArray(document.publicKey).find((k) => idOf(k) === keyId) as Json | undefined
    if (!entry || typeof entry.publicKeyPem !== 'string') return err(`no key ${keyId} in ${String(document.id)}`)
    const owner = idOf(entry.owner) ?? idOf(document)
    if (!owner || owner !== idOf(document)) return err('the key belongs to another actor than the document that carries it')
    info = { keyId, owner, publicKeyPem: entry.publicKeyPem }
  }
  if (origin(info.owner) === null || origin(info.owner) !== origin(keyId)) return err('the key and its owner are on different origins')
  return ok(info)
}

/** The fetched document speaks for the key URL: it is that URL, or carries that key (GoToSocial). */
function carriesKey(document: Json, url: string): boolean {
  return document.id === url || asArray(document.publicKey).some((k) => idOf(k) === url)
}

interface CachedKey extends PublicKeyInfo { fetched: Date }

export class RemoteKeyResolver implements KeyResolver {
  private readonly cache: DocumentCollection<CachedKey>

  constructor(db: DocumentDb, private readonly policy: FetchPolicy, private readonly sign?: RequestSigner) {
    this.cache = db.collection<CachedKey>('remoteKeys')
  }

  async init(): Promise<void> {
    await this.cache.createIndex({ keyId: 1 }, { unique: true, name: 'remote-key-id' })
  }

  async resolve(keyId: string, options: { refresh?: boolean } = {}): Promise<Result<PublicKeyInfo, string>> {
    if (origin(keyId) === null) return err('the keyId is not a URL')
    if (!options.refresh) {
      const cached = await this.cache.findOne({ keyId }, { projection: { _id: 0 } })
      if (cached) return ok({ keyId: cached.keyId, owner: cached.owner, publicKeyPem: cached.publicKeyPem })
    }
    const url = keyId.split('#')[0] as string
    const fetched = await fetchActivityJson(url, this.policy, this.sign, carriesKey)
    if (!fetched.ok) return err('reason' in fetched.error ? fetched.error.reason : `HTTP ${fetched.error.status} from ${url}`)
    const key = keyFromDocument(fetched.value.document, keyId)
    if (!key.ok) return key
    await this.cache.replaceOne({ keyId }, { ...key.value, fetched: new Date() }, { upsert: true })
    return key
  }
}
