/**
 * Builds the federation layer: safe fetching, signing, the delivery queue,
 * peers, mirrors, sync, the hardened instance inbox and outbound
 * publishing. Called by the composition root; no module-level state.
 */
import { createPrivateKey } from 'node:crypto'
import type { DocumentDb } from '../storage/document-db'
import type { Logger } from 'pino'
import type { RequestHandler, Router } from 'express'
import type { Config } from '../config/config'
import type { ListingStore } from '../directory/listing-store'
import type { DirectoryEvents } from '../directory/events'
import type { Listing } from '../directory/listing'
import type { ActorKeys } from '../federation/keys'
import { parseAllowList } from '../federation/net/address-policy'
import type { FetchPolicy, RequestSigner } from '../federation/net/safe-fetch'
import { signRequestOffThread } from '../federation/signatures/http-signature'
import { RemoteKeyResolver } from '../federation/signatures/key-resolver'
import { ReplayGuard } from '../federation/inbox/replay-guard'
import { RateLimiter } from '../federation/inbox/rate-limiter'
import { inboxGuard } from '../federation/inbox/guard'
import { instanceInbox } from '../federation/inbox/instance-inbox'
import { DeliveryQueue } from '../federation/delivery/queue'
import { PeerStore } from '../federation/peers/peer-store'
import { Peering } from '../federation/peers/peering'
import { PeerSync } from '../federation/peers/sync'
import { ActivityFactory } from '../federation/activities'
import { startOutbound } from '../federation/outbound'
import { ListingFollowers } from '../federation/listing-followers'
import { listingInbox } from '../federation/inbox/listing-inbox'
import { MirrorService } from '../directory/mirror-service'
import { peersApi } from '../http/api/peers'
import { inboxRoute } from '../http/activitypub/inboxes'
import { VERSION } from '../version'

export interface Federation {
  inbox: RequestHandler[]
  listingInbox: RequestHandler[]
  listingFollowers: ListingFollowers
  peersRouter: Router
  queue: DeliveryQueue
  sync: PeerSync
  peers: PeerStore
  peering: Peering
  stop(): Promise<void>
}

/** What the federation layer is built from; `db` holds its own collections (peers, queue, keys...). */
export interface FederationDeps {
  config: Config
  db: DocumentDb
  listingStore: ListingStore
  events: DirectoryEvents
  keys: ActorKeys
  instanceActorId: string
  /** Whether a listing is this instance's own (the others are mirrors). */
  isLocal: (listing: Listing) => boolean
  logger: Logger
}

/** How outgoing fetches are guarded (allow list, time limit): federation's, and the forms' logo check. */
export const fetchPolicy = (config: Config): FetchPolicy => ({
  allow: parseAllowList(config.allowPrivateAddresses),
  timeoutMs: 10000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  userAgent: `Tejido/${VERSION} (+${config.publicUrl})`
})

/** Signers cached per actor, with the private key parsed once. */
function cachedSigners(keys: ActorKeys): (actorId: string) => Promise<RequestSigner> {
  const signers = new Map<string, Promise<RequestSigner>>()
  return (actorId) => {
    let signer = signers.get(actorId)
    if (!signer) {
      signer = keys.ensure(actorId).then((key) => {
        const privateKey = createPrivateKey(key.privateKeyPem)
        return (req) => signRequestOffThread(req, { keyId: `${actorId}#main-key`, privateKeyPem: privateKey })
      })
      signer.catch(() => signers.delete(actorId))
      signers.set(actorId, signer)
    }
    return signer
  }
}

export async function composeFederation(deps: FederationDeps): Promise<Federation> {
  const { config, db, logger } = deps
  const policy = fetchPolicy(config)
  const signerFor = cachedSigners(deps.keys)
  const signedFetch = () => signerFor(deps.instanceActorId)
  const keyResolver = new RemoteKeyResolver(db, policy, await signedFetch())
  const replay = new ReplayGuard(db)
  const peers = new PeerStore(db)
  const queue = new DeliveryQueue({ db, policy, signerFor, logger: logger.child({ component: 'delivery' }) })
  const listingFollowers = new ListingFollowers(db)
  await Promise.all([keyResolver.init(), replay.init(), peers.init(), queue.init(), listingFollowers.init()])

  const mirrors = new MirrorService(deps.listingStore, deps.events)
  const activities = new ActivityFactory(config.publicUrl)
  const sync = new PeerSync({ peers, mirrors, listings: deps.listingStore, policy, signedFetch, intervalMs: config.repairIntervalMs, logger: logger.child({ component: 'sync' }) })
  const peering = new Peering({
    peers, queue, mirrors, activities, instanceActorId: deps.instanceActorId, policy, signedFetch,
    autoApprove: config.autoApprovePeers,
    onAccepted: (peer) => void sync.sync(peer, { full: true }),
    logger: logger.child({ component: 'peering' })
  })
  startOutbound({ events: deps.events, queue, peers, keys: deps.keys, listingFollowers, activities, instanceActorId: deps.instanceActorId, isLocal: deps.isLocal, logger })

  // Generous per host (deliveries and backfills come in bursts), still a wall against floods.
  const guard = { keys: keyResolver, replay, limiter: new RateLimiter(6000, 2000) }
  const inbox = inboxRoute(inboxGuard(guard, instanceInbox({ instanceActorId: deps.instanceActorId, peering, peers, mirrors, listings: deps.listingStore })))
  const forListings = inboxRoute(inboxGuard(guard, listingInbox({
    origin: config.publicUrl, listings: deps.listingStore, followers: listingFollowers, queue, activities, policy, signedFetch
  })))
  queue.start()
  sync.start()
  const pruneTimer = setInterval(() => void replay.prune().catch(() => undefined), 3600 * 1000)
  pruneTimer.unref()
  return {
    inbox,
    listingInbox: forListings,
    listingFollowers,
    peersRouter: peersApi({ peering, peers, sync, queue }),
    queue,
    sync,
    peers,
    peering,
    stop: async () => {
      clearInterval(pruneTimer)
      await sync.stop()
      await queue.stop()
    }
  }
}
