/**
 * Backfill and repair: walks a followed peer's /directory and mirrors what
 * it finds — everything when a follow is accepted (then mirrors it no longer
 * lists are swept), and what changed since the last walk on a schedule, so
 * missed deliveries heal and a peer that was down converges. Items are
 * trusted only because they were fetched from their own origin.
 */
import type { Logger } from 'pino'
import type { MirrorService } from '../../directory/mirror-service'
import { mirrorActor } from '../mirror-mapping'
import type { ListingStore } from '../../directory/listing-store'
import { fetchActivityJson, type FetchPolicy, type RequestSigner } from '../net/safe-fetch'
import type { PeerStore, Peer } from './peer-store'

export interface SyncReport { pages: number; applied: number; removed: number; errors: number }

export interface PeerSyncDeps {
  peers: PeerStore
  mirrors: MirrorService
  listings: ListingStore
  policy: FetchPolicy
  signedFetch: () => Promise<RequestSigner>
  intervalMs: number
  logger: Logger
}

/** Changes a peer made just before our last walk started may carry its slightly different clock. */
const CLOCK_MARGIN_MS = 5 * 60 * 1000
const MAX_PAGES = 100000

type Json = Record<string, unknown>

export class PeerSync {
  private readonly running = new Map<string, Promise<SyncReport>>()
  private timer: NodeJS.Timeout | null = null
  private first: NodeJS.Timeout | null = null

  constructor(private readonly deps: PeerSyncDeps) {}

  /** Repairs soon after start (a restarted instance catches up at once), then every interval. */
  start(): void {
    this.timer = setInterval(() => void this.repairAll(), this.deps.intervalMs)
    this.timer.unref()
    this.first = setTimeout(() => void this.repairAll(), Math.min(5000, this.deps.intervalMs))
    this.first.unref()
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    if (this.first) clearTimeout(this.first)
    this.timer = null
    await Promise.allSettled([...this.running.values()])
  }

  /** Walks every followed peer (changes since the last walk). */
  async repairAll(): Promise<void> {
    for (const peer of await this.deps.peers.all()) {
      if (peer.outbound.state === 'accepted' && !peer.blocked) await this.sync(peer, { full: !peer.sync.lastFullSync }).catch(() => undefined)
    }
  }

  /** One walk per peer at a time; a second caller shares the walk in progress. */
  sync(peer: Peer, options: { full: boolean }): Promise<SyncReport> {
    const current = this.running.get(peer.id)
    if (current) return current
    const walk = this.walk(peer, options).finally(() => this.running.delete(peer.id))
    this.running.set(peer.id, walk)
    return walk
  }

  private async fetchPage(url: string, origin: string): Promise<Json> {
    if (new URL(url).origin !== origin) throw new Error(`${url} is not on ${origin}`)
    const fetched = await fetchActivityJson(url, this.deps.policy, await this.deps.signedFetch())
    if (!fetched.ok) throw new Error('reason' in fetched.error ? fetched.error.reason : `HTTP ${fetched.error.status} from ${url}`)
    return fetched.value.document
  }

  private async walk(peer: Peer, { full }: { full: boolean }): Promise<SyncReport> {
    const started = new Date()
    const report: SyncReport = { pages: 0, applied: 0, removed: 0, errors: 0 }
    const since = !full && peer.sync.lastSyncStarted ? new Date(peer.sync.lastSyncStarted.getTime() - CLOCK_MARGIN_MS) : undefined
    const seen = new Set<string>()
    try {
      const base = `${peer.origin}/directory`
      const collection = await this.fetchPage(since ? `${base}?since=${encodeURIComponent(since.toISOString())}` : base, peer.origin)
      // The next page is fetched while this one is applied; a page's items are
      // applied together, so their writes share disk commits.
      const fetchNext = (url: unknown): Promise<Json> | null => {
        if (typeof url !== 'string' || report.pages >= MAX_PAGES) return null
        const page = this.fetchPage(url, peer.origin)
        page.catch(() => undefined) // awaited below; this only keeps an early failure from going unhandled
        return page
      }
      let pending = fetchNext(collection.first)
      while (pending) {
        const page = await pending
        report.pages++
        pending = fetchNext(page.next)
        const items = Array.isArray(page.orderedItems) ? (page.orderedItems as Json[]) : []
        await Promise.all(items.map((item) => this.applyItem(peer, item, seen, report)))
      }
      if (full) report.removed += await this.deps.mirrors.sweep(peer.origin, seen)
      const mirrored = await this.deps.listings.count({ origin: peer.origin })
      await this.deps.peers.update(peer.id, {
        'sync.mirrored': mirrored, 'sync.lastSync': new Date(), 'sync.lastSyncStarted': started, 'sync.lastError': null,
        ...(full ? { 'sync.lastFullSync': new Date() } : {})
      })
    } catch (e) {
      report.errors++
      await this.deps.peers.update(peer.id, { 'sync.lastError': (e as Error).message })
      this.deps.logger.warn({ peer: peer.origin, err: (e as Error).message }, 'directory walk failed')
    }
    return report
  }

  private async applyItem(peer: Peer, item: Json, seen: Set<string>, report: SyncReport): Promise<void> {
    const id = typeof item.id === 'string' ? item.id : ''
    if (!id.startsWith(`${peer.origin}/`)) {
      report.errors++
      return
    }
    seen.add(id)
    if (item.type === 'Tombstone') {
      const existing = await this.deps.listings.byId(id)
      if (existing && existing.origin === peer.origin && (await this.deps.mirrors.remove(id))) report.removed++
      return
    }
    const applied = await mirrorActor(this.deps.mirrors, item, { origin: peer.origin, via: 'backfill', moderation: peer.policy === 'publish' ? 'approved' : 'pending' })
    if (applied.ok) report.applied++
    else report.errors++
  }
}
