/**
 * Registration with a Murmurations index (issue 13, Build 3): each approved
 * local listing's profile (/murmurations/SLUG.json) is posted to the index
 * (`POST /v2/nodes-sync` with its `profile_url`) when it is approved or
 * changed, and removed (`DELETE /v2/nodes/{node_id}`) once it is withdrawn
 * or deleted, when the profile already answers 410 as the index checks
 * (a refusal because it still sees the profile is tried again, a bounded
 * number of times: a cache may be serving it).
 * The calls are jobs on the federation's stored delivery queue (leases,
 * backoff, at-least-once); a job looks at the listing when it runs, not
 * when it was queued, so jobs for one listing may run in any order and the
 * last one still leaves the index right. What the index answered is kept
 * per listing (node-status.ts).
 */
import type { Logger } from 'pino'
import type { DirectoryEvents } from '../../directory/events'
import { isPublished, type Listing } from '../../directory/listing'
import type { ListingStore } from '../../directory/listing-store'
import type { DeliveryQueue, Delivery } from '../../federation/delivery/queue'
import type { JobOutcome } from '../../federation/delivery/job-kinds'
import type { FetchPolicy } from '../../federation/net/safe-fetch'
import { indexRequest, indexError, errorTitles, failureText, type IndexAnswer } from './index-http'
import { nodeId } from './node-id'
import type { NodeStatusStore } from './node-status'

export const REGISTRATION_JOB = 'murmurations-node'

export interface RegistrationDeps {
  indexUrl: string
  publicUrl: string
  queue: Pick<DeliveryQueue, 'handle' | 'enqueueJob'>
  store: ListingStore
  nodes: NodeStatusStore
  policy: FetchPolicy
  logger: Logger
  now?: () => Date
}

interface JobPayload { listingId: string; slug: string; name: string }

/**
 * The index refuses a DELETE while it can still fetch the profile (400
 * "Profile Still Exists"). Served no-cache, the profile answers 410 at
 * once, but a cache that ignores that may serve the old 200 a while: so
 * the delete is tried again, at least a minute apart and with the queue's
 * backoff, up to this many tries (about 20 minutes), then the refusal is final.
 */
export const STILL_EXISTS_TRIES = 10
export const STILL_EXISTS_WAIT_MS = 60_000

const stillServed = (answer: IndexAnswer): boolean => answer.status === 400 && errorTitles(answer).includes('Profile Still Exists')

/** A listing's profile address here: what the index fetches and names the node by. */
export const profileUrlOf = (publicUrl: string, slug: string): string => `${publicUrl}/murmurations/${encodeURIComponent(slug)}.json`

const published = (l: Listing | undefined): boolean => l !== undefined && isPublished(l)

/** Registers with one index; made once per process, it is the queue's handler for its jobs from then on. */
export class IndexRegistration {
  private readonly now: () => Date

  constructor(private readonly deps: RegistrationDeps) {
    this.now = deps.now ?? (() => new Date())
    deps.queue.handle(REGISTRATION_JOB, (job) => this.run(job))
  }

  /** Queues a job whenever a local listing's public life changes. */
  subscribe(events: DirectoryEvents, isLocal: (l: Listing) => boolean): void {
    const queue = (l: Listing) => void this.enqueue(l).catch((e: unknown) => this.deps.logger.error({ err: e, id: l.id }, 'could not queue the Murmurations registration'))
    events.on('listing.created', ({ listing }) => isLocal(listing) && published(listing) && queue(listing))
    events.on('listing.updated', ({ listing, previous }) => isLocal(listing) && (published(listing) || published(previous)) && queue(listing))
    events.on('listing.deleted', ({ listing }) => isLocal(listing) && published(listing) && queue(listing))
  }

  enqueue(listing: Pick<Listing, 'id' | 'slug' | 'name'>): Promise<void> {
    const payload: JobPayload = { listingId: listing.id, slug: listing.slug, name: listing.name }
    return this.deps.queue.enqueueJob(REGISTRATION_JOB, this.deps.indexUrl, { ...payload })
  }

  /**
   * Once per index: when the index URL differs from the one every approved
   * listing was last sent to (a first start with it, or a new one), queues
   * them all; returns how many.
   */
  async registerAllOnce(listings: AsyncIterable<Listing>): Promise<number> {
    if ((await this.deps.nodes.registeredWith()) === this.deps.indexUrl) return 0
    let queued = 0
    for await (const listing of listings) {
      if (!published(listing)) continue
      await this.enqueue(listing)
      queued++
    }
    await this.deps.nodes.markRegisteredWith(this.deps.indexUrl, this.now())
    return queued
  }

  private async run(job: Delivery): Promise<JobOutcome> {
    const payload = JSON.parse(job.body) as JobPayload
    const listing = await this.deps.store.byId(payload.listingId)
    const profileUrl = profileUrlOf(this.deps.publicUrl, listing?.slug ?? payload.slug)
    const node = { listingId: payload.listingId, slug: listing?.slug ?? payload.slug, name: listing?.name ?? payload.name, profileUrl, nodeId: nodeId(profileUrl) }
    const posting = listing !== null && isPublished(listing)
    const answer = posting
      ? await indexRequest('POST', `${this.deps.indexUrl}/v2/nodes-sync`, this.deps.policy, { profile_url: profileUrl }, this.now)
      : await indexRequest('DELETE', `${this.deps.indexUrl}/v2/nodes/${node.nodeId}`, this.deps.policy, undefined, this.now)
    const at = this.now()
    if (!answer.ok) {
      await this.deps.nodes.record(node, { error: failureText(answer.error) }, at)
      return { status: answer.error.kind === 'refused' ? 0 : null, error: failureText(answer.error) }
    }
    const { status, json } = answer.value
    const data = json?.data && typeof json.data === 'object' ? (json.data as Record<string, unknown>) : {}
    if (status >= 200 && status < 300) {
      await this.deps.nodes.record(node, { status: posting ? (typeof data.status === 'string' ? data.status : 'received') : 'deleted' }, at)
      return { status }
    }
    // the index never held it: nothing to remove
    if (!posting && status === 404) {
      await this.deps.nodes.record(node, { status: 'deleted' }, at)
      return { status: 200 }
    }
    const error = indexError(answer.value)
    if (!posting && stillServed(answer.value) && job.attempts + 1 < STILL_EXISTS_TRIES) {
      // a cache in front of this instance may still serve the profile: not final, ask again a while later
      await this.deps.nodes.record(node, { error }, at)
      return { status: null, error, retryAfterMs: STILL_EXISTS_WAIT_MS }
    }
    // a profile the index refused (400/404 on nodes-sync) is what it calls validation_failed
    const refused = posting && (status === 400 || status === 404)
    await this.deps.nodes.record(node, { ...(refused ? { status: 'validation_failed' } : {}), error }, at)
    return { status, error, ...(answer.value.retryAfterMs !== undefined ? { retryAfterMs: answer.value.retryAfterMs } : {}) }
  }
}
