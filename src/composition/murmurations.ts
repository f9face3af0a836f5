/**
 * The Murmurations bridge's wiring (issue 13): with MURMURATIONS_INDEX_URL,
 * registration of local listings on the federation's delivery queue (and,
 * the first time the instance starts with that index, every approved
 * listing at once); with MURMURATIONS_IMPORT_URL, the index's profiles kept
 * as mirrors, walked at start and every MURMURATIONS_IMPORT_INTERVAL.
 */
import type { Logger } from 'pino'
import type { Config } from '../config/config'
import type { DocumentDb } from '../storage/document-db'
import type { ListingStore } from '../directory/listing-store'
import type { DirectoryEvents } from '../directory/events'
import type { Listing } from '../directory/listing'
import type { DeliveryQueue } from '../federation/delivery/queue'
import { IndexRegistration } from '../exchange/murmurations-index/registration'
import { NodeStatusStore, type NodeRecord } from '../exchange/murmurations-index/node-status'
import { fetchPolicy } from './federation'

export interface Murmurations {
  /** What the operator's page shows; undefined when no index is configured. */
  status: MurmurationsStatus | undefined
  /** Work started at compose (the first registration of every listing). */
  background: Promise<unknown>
  stop(): Promise<void>
}

/** The operator's view of the bridge. */
export interface MurmurationsStatus {
  indexUrl: string | undefined
  nodes(): Promise<NodeRecord[]>
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

export async function composeMurmurations(deps: MurmurationsDeps): Promise<Murmurations> {
  const { indexUrl } = deps.config.murmurations
  const logger = deps.logger.child({ component: 'murmurations' })
  if (!indexUrl) return { status: undefined, background: Promise.resolve(), stop: async () => undefined }
  const nodes = new NodeStatusStore(deps.db)
  await nodes.init()
  const registration = new IndexRegistration({ indexUrl, publicUrl: deps.config.publicUrl, queue: deps.queue, store: deps.store, nodes, policy: fetchPolicy(deps.config), logger })
  registration.subscribe(deps.events, deps.isLocal)
  const background = registration.registerAllOnce(deps.localListings()).then(
    (n) => n && logger.info({ queued: n, indexUrl }, 'every approved listing queued for the Murmurations index'),
    (e: unknown) => logger.error({ err: e }, 'could not queue the listings for the Murmurations index')
  )
  return { status: { indexUrl, nodes: () => nodes.all() }, background, stop: async () => { await background } }
}
