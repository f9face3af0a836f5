/**
 * Tejido's delivery queue, replacing apex's (one request at a time per
 * process, and a job deleted before it is sent, so a crash loses it).
 * Deliveries are stored, claimed with a lease and deleted only once the peer
 * accepted them (at-least-once; a crashed process's leases expire and another
 * picks them up), sent concurrently with a per-host limit so a dead or slow
 * peer never delays the others, and retried with exponential backoff.
 * Other outgoing work that wants the same guarantees (the Murmurations
 * index's registrations) rides the same queue as a job `kind` with a
 * handler of its own (job-kinds.ts); a handler may ask for a later retry
 * (an answer's Retry-After).
 */
import { randomUUID } from 'node:crypto'
import type { DocumentDb, DocumentCollection } from '../../storage/document-db'
import type { Logger } from 'pino'
import { postActivity, type FetchPolicy, type RequestSigner } from '../net/safe-fetch'
import { retryDelay, shouldRetry, isRetryable, MAX_RETRY_MS } from './backoff'
import type { JobHandler, JobOutcome } from './job-kinds'

export interface Delivery {
  id: string
  inbox: string
  host: string
  /** The local actor whose key signs the delivery. */
  signer: string
  body: string
  attempts: number
  created: Date
  nextAttempt: Date
  leaseUntil: Date
  lastError?: string
  /** Absent for a signed inbox post; otherwise the job kind whose handler runs it (`body` is its payload). */
  kind?: string
}

export interface HostStatus { queued: number; failing: number; lastError?: string; lastSuccess?: Date; unavailableSince?: Date; delivered: number; dropped: number }

/** What the queue needs: its database, the fetch policy, a signer per actor and a logger. */
export interface DeliveryQueueDeps {
  db: DocumentDb
  policy: FetchPolicy
  signerFor: (actorId: string) => Promise<RequestSigner>
  logger: Logger
  perHost?: number
  concurrency?: number
  leaseMs?: number
  now?: () => Date
}

const EPOCH = new Date(0)

export class DeliveryQueue {
  private readonly jobs: DocumentCollection<Delivery>
  private readonly perHost: number
  private readonly concurrency: number
  private readonly leaseMs: number
  private readonly now: () => Date
  private readonly active = new Map<string, number>()
  private readonly hosts = new Map<string, HostStatus>()
  private running = 0
  private timer: NodeJS.Timeout | null = null
  private stopped = true
  private pumping = false
  private pumpAgain = false
  /** Due deliveries read from the store but not started yet (a host was at its limit). */
  private ready: Delivery[] = []
  private refill = true
  private idleWaiters: Array<() => void> = []
  private delivered: string[] = []
  private forgetting: Promise<void> | null = null
  private readonly handlers = new Map<string, JobHandler>()

  constructor(private readonly deps: DeliveryQueueDeps) {
    this.jobs = deps.db.collection<Delivery>('deliveries')
    this.perHost = deps.perHost ?? 4
    this.concurrency = deps.concurrency ?? 64
    this.leaseMs = deps.leaseMs ?? 60000
    this.now = deps.now ?? (() => new Date())
  }

  async init(): Promise<void> {
    await this.jobs.createIndex({ id: 1 }, { unique: true, name: 'delivery-id' })
    await this.jobs.createIndex({ nextAttempt: 1 }, { name: 'delivery-due' })
    await this.jobs.createIndex({ host: 1 }, { name: 'delivery-host' })
  }

  start(): void {
    this.stopped = false
    this.wake()
  }

  /** Stops taking new work and waits for deliveries in flight. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    while (this.running > 0) await new Promise<void>((r) => this.idleWaiters.push(r))
  }

  /** Queues one activity for several inboxes (duplicates removed). */
  async enqueue(signer: string, activity: Record<string, unknown>, inboxes: string[]): Promise<number> {
    const body = JSON.stringify(activity)
    const now = this.now()
    const docs: Delivery[] = [...new Set(inboxes)].flatMap((inbox) => {
      try {
        return [{ id: randomUUID(), inbox, host: new URL(inbox).host, signer, body, attempts: 0, created: now, nextAttempt: now, leaseUntil: EPOCH }]
      } catch {
        this.deps.logger.warn({ inbox }, 'not queuing a delivery to an invalid inbox URL')
        return []
      }
    })
    if (docs.length) await this.jobs.insertMany(docs)
    this.wake(true)
    return docs.length
  }

  /** Runs jobs of `kind` with `handler` (register before start; jobs of a kind with no handler wait and retry). */
  handle(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler)
  }

  /** Queues one job of a registered kind for `target` (the URL whose host it counts against). */
  async enqueueJob(kind: string, target: string, payload: Record<string, unknown>): Promise<void> {
    const now = this.now()
    await this.jobs.insertOne({ id: randomUUID(), kind, inbox: target, host: new URL(target).host, signer: '', body: JSON.stringify(payload), attempts: 0, created: now, nextAttempt: now, leaseUntil: EPOCH })
    this.wake(true)
  }

  /** Looks for due work now; `refill` reads the store again (new or rescheduled deliveries). */
  wake(refill = false): void {
    if (refill) this.refill = true
    if (this.stopped) return
    if (this.pumping) {
      this.pumpAgain = true
      return
    }
    void this.pump()
  }

  private async pump(): Promise<void> {
    this.pumping = true
    try {
      do {
        this.pumpAgain = false
        const now = this.now()
        if (this.refill || this.ready.length === 0) {
          this.refill = false
          this.ready = await this.jobs.find({ nextAttempt: { $lte: now }, leaseUntil: { $lte: now } }, { projection: { _id: 0 } })
            .sort({ nextAttempt: 1 }).limit(this.concurrency * 8).toArray()
        }
        // Reserve slots synchronously, then claim all of them at once (one disk commit).
        const waiting: Delivery[] = []
        const starting: Delivery[] = []
        for (const job of this.ready) {
          if (this.stopped || this.running >= this.concurrency || (this.active.get(job.host) ?? 0) >= this.perHost) {
            waiting.push(job)
            continue
          }
          this.reserve(job.host, 1)
          starting.push(job)
        }
        this.ready = waiting
        const leaseUntil = new Date(now.getTime() + this.leaseMs)
        await Promise.all(starting.map(async (job) => {
          const claimed = await this.jobs.updateOne({ id: job.id, leaseUntil: job.leaseUntil }, { $set: { leaseUntil } })
          if (claimed.modifiedCount !== 1) return this.release(job.host) // another process took it
          void this.send(job).finally(() => {
            this.release(job.host)
            this.wake()
          })
        }))
      } while (this.pumpAgain && !this.stopped)
      if (this.ready.length === 0) await this.scheduleNext()
    } catch (e) {
      this.deps.logger.error({ err: e }, 'delivery queue pump failed')
      this.schedule(5000)
    } finally {
      this.pumping = false
    }
  }

  private reserve(host: string, n: number): void {
    this.running += n
    this.active.set(host, (this.active.get(host) ?? 0) + n)
  }

  private release(host: string): void {
    this.reserve(host, -1)
    if (this.running === 0) this.idleWaiters.splice(0).forEach((r) => r())
  }

  private async scheduleNext(): Promise<void> {
    const next = await this.jobs.findOne({}, { sort: { nextAttempt: 1 }, projection: { nextAttempt: 1, leaseUntil: 1 } })
    if (!next) return
    const at = Math.max(next.nextAttempt.getTime(), next.leaseUntil.getTime())
    this.schedule(Math.max(0, at - this.now().getTime()))
  }

  private schedule(ms: number): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    // Capped so deliveries queued by other processes are noticed.
    this.timer = setTimeout(() => this.wake(true), Math.min(ms + 5, 30000))
    this.timer.unref()
  }

  private status(host: string): HostStatus {
    let s = this.hosts.get(host)
    if (!s) this.hosts.set(host, (s = { queued: 0, failing: 0, delivered: 0, dropped: 0 }))
    return s
  }

  /** Posts a signed activity to its inbox. */
  private async post(job: Delivery): Promise<JobOutcome> {
    const sign = await this.deps.signerFor(job.signer)
    const result = await postActivity(job.inbox, job.body, this.deps.policy, sign)
    if (result.ok) return { status: result.value }
    const error = 'reason' in result.error ? result.error.reason : `HTTP ${result.error.status}`
    return { status: result.error.kind === 'refused' ? 0 : null, error } // a refused address is final
  }

  private run(job: Delivery): Promise<JobOutcome> {
    if (!job.kind) return this.post(job)
    const handler = this.handlers.get(job.kind)
    return handler ? handler(job) : Promise.resolve({ status: null, error: `no handler for ${job.kind} jobs in this process` })
  }

  private async send(job: Delivery): Promise<void> {
    const host = this.status(job.host)
    let outcome: JobOutcome
    try {
      outcome = await this.run(job)
    } catch (e) {
      outcome = { status: null, error: (e as Error).message }
    }
    const { status: statusCode } = outcome
    let error = outcome.error
    const now = this.now()
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      host.delivered++
      host.lastSuccess = now
      delete host.unavailableSince
      await this.forget(job.id)
      return
    }
    error ??= `HTTP ${statusCode}`
    host.lastError = error
    if (!isRetryable(statusCode === 0 ? 400 : statusCode) || !shouldRetry(job.created, now)) {
      host.dropped++
      if (isRetryable(statusCode)) host.unavailableSince ??= now
      await this.jobs.deleteOne({ id: job.id })
      this.deps.logger.warn({ inbox: job.inbox, error, attempts: job.attempts + 1 }, 'delivery given up')
      return
    }
    const attempts = job.attempts + 1
    // a Retry-After is honoured up to the backoff's own longest wait, so a wild one cannot park a job for good
    const delay = Math.max(retryDelay(attempts), Math.min(outcome.retryAfterMs ?? 0, MAX_RETRY_MS))
    await this.jobs.updateOne({ id: job.id }, { $set: { attempts, lastError: error, leaseUntil: EPOCH, nextAttempt: new Date(now.getTime() + delay) } })
  }

  /**
   * Deletes a delivered job; deliveries finishing in the same turn of the
   * event loop share one delete (one disk commit, not one each). A crash
   * before it lands means a second delivery, never a lost one.
   */
  private forget(id: string): Promise<void> {
    this.delivered.push(id)
    this.forgetting ??= new Promise<void>((resolve, reject) => setImmediate(() => {
      const ids = this.delivered.splice(0)
      this.forgetting = null
      this.jobs.deleteMany({ id: { $in: ids } }).then(() => resolve(), reject)
    }))
    return this.forgetting
  }

  /** Queue and failure figures per host, for peer status and metrics. */
  async statusByHost(): Promise<Record<string, HostStatus>> {
    const out: Record<string, HostStatus> = {}
    for (const [host, s] of this.hosts) out[host] = { ...s, queued: 0, failing: 0 }
    const pending = await this.jobs.find({}, { projection: { host: 1, attempts: 1, lastError: 1 } }).toArray()
    for (const job of pending) {
      const s = (out[job.host] ??= { queued: 0, failing: 0, delivered: 0, dropped: 0 })
      s.queued++
      if (job.attempts > 0) {
        s.failing++
        s.lastError ??= job.lastError
      }
    }
    return out
  }

  /** Deliveries waiting, for tests and metrics. */
  pending(): Promise<number> {
    return this.jobs.countDocuments({})
  }
}
