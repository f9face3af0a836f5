/**
 * The composition root: builds every part from the config, wires the domain
 * events, and returns the app plus a way to stop it all. No module-level
 * singletons: each call makes a whole, independent instance.
 */
import type { Express } from 'express'
import type { Logger } from 'pino'
import type { Config } from '../config/config'
import { openStore, type OpenStore } from './store'
import { DocumentListingStore } from '../storage/document-listing-store'
import { DirectoryEvents } from '../directory/events'
import { ListingService } from '../directory/listing-service'
import { ActorKeys } from '../federation/keys'
import { ApexBridge } from '../federation/apex-bridge'
import { createMetrics } from '../http/api/operations'
import { EditorAccountStore } from '../storage/editor-account-store'
import { Sessions } from '../http/site/session'
import { createApp } from '../app'
import { composeFederation, fetchPolicy, type Federation } from './federation'
import { SearchIndexer } from '../search/indexer'
import type { SearchIndex } from '../search/search-index'
import { openSearch, embeddedSnapshotPath } from './search'
import type { MailOutbox } from '../mail/outbox'
import { openMail, joinConfirm, mailSetting, accountMail } from './mail'
import { VERSION } from '../version'
import { logoChecker } from '../http/site/form/logo'
import { operatorNotices, type OperatorNotices } from './operator-notices'
import type { Listing } from '../directory/listing'
import { DocumentHeldChangeStore } from '../storage/held-change-store'
import { HeldChanges } from '../directory/held-changes'
import { composeMurmurations, type Murmurations } from './murmurations'

export interface Tejido {
  app: Express
  listings: ListingService
  events: DirectoryEvents
  bridge: ApexBridge
  federation: Federation
  search: SearchIndex
  /** Editors' changes held for review (REVIEW_CHANGES). */
  heldChanges: HeldChanges
  /** Outgoing mail, when SMTP_URL is set. */
  mail: MailOutbox | undefined
  /** Mail to OPERATOR_EMAIL when something waits (with SMTP_URL and OPERATOR_EMAIL). */
  notices: OperatorNotices | undefined
  store: OpenStore
  /** Registration with a Murmurations index and mirrors of one (MURMURATIONS_*). */
  murmurations: Murmurations
  /** Background work at start (apex's copies of listings written while it was stopped). */
  background: Promise<unknown>
  close(): Promise<void>
}

// eslint-disable-next-line max-lines-per-function -- the one place every part is built and wired; splitting it hides the order they depend on
export async function compose(config: Config, logger: Logger): Promise<Tejido> {
  const store = await openStore(config)
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const events = new DirectoryEvents((event, error) => logger.error({ err: error, event }, 'event subscriber failed'))
    const listings = new ListingService({ store: listingStore, events, origin: config.publicUrl })
    const search = await openSearch(config)
    const indexer = new SearchIndexer(search, listingStore, logger)
    // An index that lives in memory (the embedded one): with the embedded
    // store it is saved in DATA_DIR at shutdown and loaded (then caught up)
    // at start, else rebuilt. Meilisearch keeps its own: rebuilt only when
    // empty (and by `npm run reindex`).
    const snapshotFile = embeddedSnapshotPath(config)
    const loaded = snapshotFile ? await indexer.load(snapshotFile) : null
    if (loaded) logger.info({ ...loaded, engine: 'embedded' }, 'search index loaded from its snapshot')
    else if (!config.meiliUrl || (await search.count()) === 0) logger.info({ indexed: await indexer.rebuild(), engine: config.meiliUrl ? 'meilisearch' : 'embedded' }, 'search index built')
    indexer.subscribe(events)
    const mail = await openMail(config, store.db, logger)
    const [confirm, editorMail] = await Promise.all([joinConfirm(mail.outbox, store.db, config.instanceName), accountMail(mail.outbox, store.db, config.instanceName)])
    const keys = new ActorKeys(store.db)
    await keys.init()
    const bridge = new ApexBridge({ publicUrl: config.publicUrl, host: config.host, db: store.db, keys, logger, version: VERSION })
    await bridge.start()
    const isLocal = (l: Listing) => l.origin === config.publicUrl
    bridge.subscribe(events, isLocal)
    const instance = { id: bridge.instanceActorId, host: config.host, name: config.instanceName, publicUrl: config.publicUrl }
    const federation = await composeFederation({ config, db: store.db, listingStore, events, keys, instanceActorId: bridge.instanceActorId, isLocal, logger })
    const murmurations = await composeMurmurations({ config, db: store.db, store: listingStore, events, queue: federation.queue, isLocal, localListings: () => allLocal(listings), logger })
    const notices = operatorNotices(config, mail.outbox, { events, peering: federation.peering }, logger)
    const accounts = new EditorAccountStore(store.db)
    const secure = config.publicUrl.startsWith('https:')
    const sessions = new Sessions(store.db, { secure, adminToken: config.adminToken })
    const [heldChanges] = await Promise.all([composeHeldChanges(store.db, listings, events, config, isLocal), accounts.init(), sessions.init()])
    // A listing's editors go with it, so its address can apply again.
    events.on('listing.deleted', ({ listing }) => isLocal(listing) && accounts.removeFor(listing.id))
    const app = createApp({
      listings, listingStore, search, keys, bridge, instance, adminToken: config.adminToken, logger, metrics: createMetrics(), version: VERSION,
      ready: () => listingStore.ping(),
      federation, editorMail,
      web: { tileUrl: config.tileUrl, tileAttribution: config.tileAttribution },
      http: { secure, trustProxy: config.trustProxy, metricsToken: config.metricsToken },
      accounts, sessions,
      settings: { autoApprove: config.autoApprovePeers, repairIntervalMs: config.repairIntervalMs, tileUrl: config.tileUrl, reviewChanges: config.reviewChanges, ...mailSetting(config), ...(notices ? { operatorEmail: config.operatorEmail } : {}) },
      pendingLimits: { maxPendingListings: config.maxPendingListings, maxPendingPerClient: config.maxPendingPerClient },
      ...(confirm ? { confirm } : {}), heldChanges,
      logoCheck: logoChecker(fetchPolicy(config)),
      murmurations: murmurations.status
    })
    const background = bridge.reconcile(allLocal(listings)).then(
      (n) => n && logger.info({ repaired: n }, 'apex actors reconciled'),
      (e: unknown) => logger.error({ err: e }, 'apex reconcile failed')
    )
    return {
      app, listings, events, bridge, federation, search, heldChanges, mail: mail.outbox, notices, store, background, murmurations,
      close: async () => {
        await notices?.stop()
        await murmurations.stop()
        await mail.close()
        await federation.stop()
        await bridge.stop()
        await background
        if (snapshotFile) await indexer.save(snapshotFile).catch((e: unknown) => logger.warn({ err: e }, 'search index snapshot not saved; the next start rebuilds it'))
        await store.close()
      }
    }
  } catch (e) {
    await store.close()
    throw e
  }
}

/** Editors' changes held for review (REVIEW_CHANGES); a listing deleted takes its held change with it. */
async function composeHeldChanges(db: OpenStore['db'], listings: ListingService, events: DirectoryEvents, config: Config, isLocal: (l: Listing) => boolean): Promise<HeldChanges> {
  const store = new DocumentHeldChangeStore(db)
  await store.init()
  const heldChanges = new HeldChanges({ listings, store, events, reviewed: config.reviewChanges })
  events.on('listing.deleted', ({ listing }) => isLocal(listing) && heldChanges.forget(listing.id))
  return heldChanges
}

async function* allLocal(listings: ListingService): AsyncIterable<Listing> {
  for (let page = 1; ; page++) {
    const { items } = await listings.list({ origin: listings.origin, page, perPage: 100 })
    yield* items
    if (items.length < 100) return
  }
}
