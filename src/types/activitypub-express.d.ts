// activitypub-express ships no type declarations. This declares the part of
// its surface Tejido uses; everything else stays unknown.
declare module 'activitypub-express' {
  import type { RequestHandler } from 'express'

  type Handlers = RequestHandler[]
  export interface ApexStore {
    db: import('../storage/apex-db').ApexDb
    setup(initialUser?: Record<string, unknown>): Promise<unknown>
    getObject(id: string, includeMeta?: boolean): Promise<Record<string, unknown> | null>
    saveObject(object: Record<string, unknown>): Promise<boolean>
    updateObject(object: Record<string, unknown>, actorId: string, fullReplace: boolean): Promise<unknown>
  }
  export interface ApexUtils {
    usernameToIRI(name: string): string
    nameToActorStreams(name: string): Record<string, string>
    iriToCollectionInfo(iri: string): { name: string; actor?: string; activity?: string; id?: string } | undefined
    [key: string]: unknown
  }
  export interface Apex extends RequestHandler {
    store: ApexStore
    utils: ApexUtils
    systemUser: Record<string, unknown> | undefined
    consts: { jsonldTypes: string[] }
    net: {
      inbox: { get: Handlers; post: Handlers }
      outbox: { get: Handlers; post: Handlers }
      followers: { get: Handlers }
      following: { get: Handlers }
      liked: { get: Handlers }
    }
    fromJSONLD(object: Record<string, unknown>): Promise<Record<string, unknown>>
  }
  export interface ApexSettings {
    name: string
    version: string
    baseUrl: string
    actorParam: string
    objectParam: string
    activityParam?: string
    routes: Record<string, string>
    store?: ApexStore
    logger?: { info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void }
    offlineMode?: boolean
    systemUser?: Record<string, unknown>
    openRegistrations?: boolean
    requestTimeout?: number
    itemsPerPage?: number
  }
  function ActivitypubExpress(settings: ApexSettings): Apex
  export default ActivitypubExpress
}

declare module 'activitypub-express/store' {
  import type { ApexStore } from 'activitypub-express'
  const ApexStoreClass: new () => ApexStore
  export default ApexStoreClass
}
