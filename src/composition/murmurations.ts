/**
 * The Murmurations bridge's wiring (issue 13): with MURMURATIONS_INDEX_URL,
 * registration of local listings on the federation's delivery queue (and,
 * the first time the instance starts with that index, every approved
 * listing at once); with MURMURATIONS_IMPORT_URL, the index's profiles kept
 * as mirrors, walked soon after start and every MURMURATIONS_IMPORT_INTERVAL.
 * The queue is already running when the handler is registered: a job left
 * from before a restart that comes up first is simply tried again a second later.
 */
import type { Logger } from 'pino'
import type { Config } from '../config/config'
import type { DocumentDb } from '../storage/document-db'
import type { ListingStore } from '../directory/listing-store'
import type { DirectoryEvents } from '../directory/events'
import type { Listing } from '../directory/listing'
import { MirrorService } from '../directory/mirror-service'
import type { DeliveryQueue } from '../federation/delivery/queue'
import { IndexRegistration } from '../exchange/murmurations-index/registration'
import { NodeStatusStore, type NodeRecord } from '../exchange/murmurations-index/node-status'
import { ImportStateStore, sourceKey, type ImportRunRecord } from '../exchange/murmurations-index/import-state'
import { IndexImportSchedule } from '../exchange/murmurations-index/import-schedule'
import { fetchPolicy } from './federation'

export interface Murmurations {
  /** What the operator's page shows. */
  status: MurmurationsStatus
  /** The index walk, when MURMURATIONS_IMPORT_URL is set (tests and the CLI run it at will). */
  importing: IndexImportSchedule | undefined
  /** Work started at compose (the first registration of every listing). */
  background: Promise<unknown>
  stop(): Promise<void>
}

/** The operator's view of the bridge. */
export interface MurmurationsStatus {
  indexUrl: string | undefined
  nodes(): Promise<NodeRecord[]>
  importing?: { url: string; intervalMs: number; last(): Promise<ImportRunRecord | null> }
}

export interface MurmurationsDeps {
  config: Config
  db: DocumentDb
  store: ListingStore
  events: DirectoryEvents
  queue: DeliveryQueue
  isLocal: (l: Listing) => boolean
  localListings: () => AsyncIterable<Listing>
  logger: Logger
}

async function registration(deps: MurmurationsDeps, logger: Logger): Promise<{ nodes: NodeStatusStore | undefined; background: Promise<unknown> }> {
  const { indexUrl } = deps.config.murmurations
  if (!indexUrl) return { nodes: undefined, background: Promise.resolve() }
  const nodes = new NodeStatusStore(deps.db)
  await nodes.init()
  const registering = new IndexRegistration({ indexUrl, publicUrl: deps.config.publicUrl, queue: deps.queue, store: deps.store, nodes, policy: fetchPolicy(deps.config), logger })
  registering.subscribe(deps.events, deps.isLocal)
  const background = registering.registerAllOnce(deps.localListings()).then(
    (n) => n && logger.info({ queued: n, indexUrl }, 'every approved listing queued for the Murmurations index'),
    (e: unknown) => logger.error({ err: e }, 'could not queue the listings for the Murmurations index')
  )
  return { nodes, background }
}

/** The index walk of MURMURATIONS_IMPORT_URL, its state kept in the store. */
export async function indexImport(config: Config, db: DocumentDb, store: ListingStore, events: DirectoryEvents, logger: Logger, url = config.murmurations.importUrl, tags = config.murmurations.importTags): Promise<{ schedule: IndexImportSchedule; state: ImportStateStore; source: string } | undefined> {
  if (!url) return undefined
  const state = new ImportStateStore(db)
  await state.init()
  const options = { indexUrl: url, schema: config.murmurations.importSchema, tags }
  const deps = { mirrors: new MirrorService(store, events), store, state, policy: fetchPolicy(config), localOrigin: config.publicUrl }
  return { schedule: new IndexImportSchedule(deps, options, config.murmurations.importIntervalMs, logger), state, source: sourceKey(url, options.schema, tags) }
}

export async function composeMurmurations(deps: MurmurationsDeps): Promise<Murmurations> {
  const logger = deps.logger.child({ component: 'murmurations' })
  const { nodes, background } = await registration(deps, logger)
  const walk = await indexImport(deps.config, deps.db, deps.store, deps.events, logger)
  walk?.schedule.start()
  const status: MurmurationsStatus = {
    indexUrl: deps.config.murmurations.indexUrl,
    nodes: () => nodes?.all() ?? Promise.resolve([]),
    ...(walk ? { importing: { url: walk.schedule.indexUrl, intervalMs: deps.config.murmurations.importIntervalMs, last: () => walk.state.get(walk.source) } } : {})
  }
  return {
    status, importing: walk?.schedule, background,
    stop: async () => {
      await walk?.schedule.stop()
      await background
    }
  }
}
