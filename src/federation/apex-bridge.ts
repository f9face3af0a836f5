/**
 * activitypub-express wired into Tejido. apex serves the actors' collections
 * (outbox, followers, following) from its store; Tejido keeps apex's copy of
 * each local actor in step with the directory through domain events. apex's
 * delivery loop is off (offlineMode) and its inbox and signature check are
 * never used: Tejido's own verification, inbox handlers and delivery queue
 * stand in front of it.
 */
import ActivitypubExpress, { type Apex } from 'activitypub-express'
import ApexStore from 'activitypub-express/store'
import type { ApexDb } from '../storage/apex-db'
import type { Logger } from 'pino'
import type { Listing } from '../directory/listing'
import type { DirectoryEvents } from '../directory/events'
import type { ActorKeys } from './keys'
import { APEX_ROUTES, INSTANCE_ACTOR_NAME, actorIri, actorStreams, collectionInfoParser } from './apex-routes'
import { AS_CONTEXT, SECURITY_CONTEXT } from './context'
import { SerialQueue } from '../support/serial-queue'

/** What the bridge is built from: the instance's URL and host, apex's database, the actor keys. */
export interface ApexBridgeDeps {
  publicUrl: string
  host: string
  /** The database apex's store runs on: a DocumentDb with the wider surface apex calls. */
  db: ApexDb
  keys: ActorKeys
  logger: Logger
  version: string
}

export class ApexBridge {
  readonly apex: Apex
  readonly instanceActorId: string
  private readonly queue = new SerialQueue()
  private stopped = false

  constructor(private readonly deps: ApexBridgeDeps) {
    const store = new ApexStore()
    store.db = deps.db
    const log = deps.logger.child({ component: 'apex' })
    this.apex = ActivitypubExpress({
      name: 'Tejido',
      version: deps.version,
      baseUrl: deps.publicUrl,
      actorParam: 'actor',
      objectParam: 'id',
      routes: APEX_ROUTES,
      store,
      offlineMode: true,
      logger: { info: (...a) => log.debug(a.join(' ')), warn: (...a) => log.warn(a.join(' ')), error: (...a) => log.error(a.join(' ')) }
    })
    this.apex.utils.usernameToIRI = (name) => actorIri(deps.publicUrl, name)
    this.apex.utils.nameToActorStreams = (name) => actorStreams(deps.publicUrl, name)
    this.apex.utils.iriToCollectionInfo = collectionInfoParser(deps.publicUrl)
    this.instanceActorId = actorIri(deps.publicUrl, INSTANCE_ACTOR_NAME)
  }

  /** Sets up apex's store and its copy of the instance actor. */
  async start(): Promise<void> {
    await this.apex.store.setup()
    const key = await this.deps.keys.ensure(this.instanceActorId)
    this.apex.systemUser = await this.upsert(INSTANCE_ACTOR_NAME, 'Application', this.deps.host, key)
  }

  private async upsert(name: string, type: string, preferredUsername: string, key?: { publicKeyPem: string; privateKeyPem: string }) {
    const id = actorIri(this.deps.publicUrl, name)
    const compact = await this.apex.fromJSONLD({
      '@context': [AS_CONTEXT, SECURITY_CONTEXT],
      id,
      type,
      preferredUsername,
      ...actorStreams(this.deps.publicUrl, name),
      ...(key ? { publicKey: { id: `${id}#main-key`, owner: id, publicKeyPem: key.publicKeyPem } } : {})
    })
    const actor: Record<string, unknown> = { ...compact, ...(key ? { _meta: { privateKey: key.privateKeyPem } } : {}) }
    delete actor['@context']
    const existing = await this.apex.store.getObject(id, true)
    if (!existing) await this.apex.store.saveObject(actor)
    else await this.apex.store.updateObject(actor, id, true)
    return actor
  }

  /**
   * Makes apex know a local listing's actor, for the collections it serves.
   * Its key is not minted here (about 200 ms of CPU each): Tejido signs for
   * listings itself and mints a key on first need.
   */
  async syncListing(listing: Listing): Promise<void> {
    await this.upsert(listing.slug, 'Organization', listing.slug)
  }

  async removeListing(listing: Listing): Promise<void> {
    const existing = await this.apex.store.getObject(listing.id, true)
    if (!existing) return
    await this.apex.store.updateObject({ id: listing.id, type: 'Tombstone', formerType: 'Organization', deleted: new Date().toISOString() }, listing.id, true)
  }

  /** Keeps apex's actors in step with local listings. */
  subscribe(events: DirectoryEvents, isLocal: (l: Listing) => boolean): void {
    const log = this.deps.logger.child({ component: 'apex-bridge' })
    // One at a time: minting a key costs ~200 ms of CPU, and a burst of
    // creations must not starve the requests being served.
    const sync = (listing: Listing) => this.queue.run(() => (this.stopped ? Promise.resolve() : this.syncListing(listing)))
      .catch((e: unknown) => log.error({ err: e, id: listing.id }, 'could not sync actor to apex'))
    events.on('listing.created', ({ listing }) => isLocal(listing) && sync(listing))
    events.on('listing.updated', ({ listing }) => isLocal(listing) && sync(listing))
    events.on('listing.deleted', ({ listing }) => isLocal(listing) && this.queue.run(() => this.removeListing(listing)))
  }

  /** Resolves once every queued actor sync has finished (tests). */
  idle(): Promise<void> {
    return this.queue.idle()
  }

  /**
   * Skips queued work and resolves when the task in progress is done. What is
   * skipped is healed by `reconcile` at the next start.
   */
  async stop(): Promise<void> {
    this.stopped = true
    await this.queue.idle()
  }

  /** Heals a crash between a listing write and its apex copy. */
  async reconcile(listings: AsyncIterable<Listing>): Promise<number> {
    let repaired = 0
    for await (const listing of listings) {
      if (this.stopped) break
      if (!(await this.apex.store.getObject(listing.id))) {
        await this.queue.run(() => this.syncListing(listing))
        repaired++
      }
    }
    return repaired
  }
}
