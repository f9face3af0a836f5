/**
 * Outgoing mail, kept in the store until the SMTP server has taken it, so a
 * restart or an SMTP outage loses no message. A message is written first
 * (pending), claimed (sending) by one sender at a time, and marked sent as
 * soon as the server accepts it; a refusal or an outage puts it back with a
 * growing delay (30 s doubling to an hour, 48 tries, about two days), then
 * it is failed and logged. A message found "sending" at start was being sent
 * when the process stopped: it is sent again, with the same Message-ID, so
 * the one window where a message can arrive twice (the server took it, the
 * process died before writing "sent") is one a receiver can deduplicate.
 * The clock is the caller's: tests move it instead of waiting.
 */
import { randomUUID } from 'node:crypto'
import type { Logger } from 'pino'
import type { DocumentCollection, DocumentDb } from '../storage/document-db'

/** A message as the features write it: one recipient, text and HTML in the reader's language. */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
}

/** What the outbox hands the SMTP side: the message and its stable Message-ID. */
export interface MailSender {
  send(mail: OutgoingMail & { messageId: string }): Promise<void>
}

type State = 'pending' | 'sending' | 'sent' | 'failed'

interface OutboxEntry extends OutgoingMail {
  id: string
  messageId: string
  state: State
  attempts: number
  createdAt: number
  /** When a pending message may be tried (ms since the epoch). */
  dueAt: number
  claimedAt?: number
  sentAt?: number
  lastError?: string
}

export interface OutboxOptions {
  /** The host in Message-IDs (the instance's). */
  host: string
  logger: Logger
  now?: () => number
  /** Deliver by itself on timers (the app); tests leave it off and call deliverDue. */
  timers?: boolean
}

const FIRST_RETRY_MS = 30_000
const LAST_RETRY_MS = 3_600_000
const MAX_ATTEMPTS = 48
const KEEP_SENT_MS = 7 * 24 * 3_600_000

/** The delay before try `attempts + 1`: 30 s, doubling, at most an hour. */
export const retryDelay = (attempts: number): number => Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempts - 1, 20))

export class MailOutbox {
  private readonly entries: DocumentCollection<OutboxEntry>
  private readonly now: () => number
  private timer: NodeJS.Timeout | null = null
  private running: Promise<number> | null = null
  private stopped = false
  private again = false

  constructor(db: DocumentDb, private readonly sender: MailSender, private readonly options: OutboxOptions) {
    this.entries = db.collection<OutboxEntry>('mail_outbox')
    this.now = options.now ?? Date.now
  }

  /** Indexes, and messages a stopped process was sending made pending again. */
  async init(): Promise<void> {
    await this.entries.createIndex({ id: 1 }, { name: 'id', unique: true })
    await this.entries.createIndex({ state: 1, dueAt: 1 }, { name: 'state_due' })
    for (const e of await this.entries.find({ state: 'sending' }).toArray()) {
      await this.entries.updateOne({ id: e.id, state: 'sending' }, { $set: { state: 'pending', dueAt: this.now() } })
    }
  }

  /** Stores a message to send; resolves once it is stored (not sent). */
  async enqueue(mail: OutgoingMail): Promise<string> {
    const id = randomUUID()
    const at = this.now()
    await this.entries.insertOne({ ...mail, id, messageId: `<${id}@${this.options.host}>`, state: 'pending', attempts: 0, createdAt: at, dueAt: at })
    this.schedule(0)
    return id
  }

  /** Sends every message due now, one at a time; answers how many the server took. */
  deliverDue(): Promise<number> {
    if (this.running) {
      // a message stored while this run ends would wait for the next one: run once more after it
      this.again = true
      return this.running
    }
    this.running = this.deliverAll().finally(() => {
      this.running = null
      if (this.again && !this.stopped) {
        this.again = false
        this.schedule(0)
      }
    })
    return this.running
  }

  /** How many messages are in each state (operator pages, tests). */
  async counts(): Promise<Record<State, number>> {
    const out: Record<State, number> = { pending: 0, sending: 0, sent: 0, failed: 0 }
    for (const state of Object.keys(out) as State[]) out[state] = await this.entries.countDocuments({ state })
    return out
  }

  /** Stops the timers and waits for the message being sent, if any. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    await this.running
  }

  private async deliverAll(): Promise<number> {
    let sent = 0
    for (let entry = await this.claim(); entry && !this.stopped; entry = await this.claim()) {
      if (await this.deliver(entry)) sent++
    }
    await this.entries.deleteMany({ state: 'sent', sentAt: { $lt: this.now() - KEEP_SENT_MS } })
    await this.scheduleNext()
    return sent
  }

  /** The oldest due pending message, marked as being sent (atomically: one sender has it). */
  private async claim(): Promise<OutboxEntry | null> {
    const due = await this.entries.find({ state: 'pending', dueAt: { $lte: this.now() } }, { sort: { dueAt: 1 } }).limit(1).toArray()
    const first = due[0]
    if (!first) return null
    const { value } = await this.entries.findOneAndUpdate({ id: first.id, state: 'pending' }, { $set: { state: 'sending', claimedAt: this.now() } }, { returnDocument: 'after', projection: { _id: 0 } })
    return (value as OutboxEntry | null) ?? this.claim()
  }

  private async deliver(entry: OutboxEntry): Promise<boolean> {
    try {
      await this.sender.send({ to: entry.to, subject: entry.subject, text: entry.text, html: entry.html, messageId: entry.messageId })
      await this.entries.updateOne({ id: entry.id }, { $set: { state: 'sent', sentAt: this.now(), attempts: entry.attempts + 1 } })
      return true
    } catch (e) {
      const attempts = entry.attempts + 1
      const failed = attempts >= MAX_ATTEMPTS
      const lastError = (e as Error).message.slice(0, 500)
      await this.entries.updateOne({ id: entry.id }, { $set: { state: failed ? 'failed' : 'pending', attempts, dueAt: this.now() + retryDelay(attempts), lastError } })
      this.options.logger[failed ? 'error' : 'warn']({ mail: entry.id, attempts, err: lastError }, failed ? 'mail given up after every retry' : 'mail not sent; will retry')
      return false
    }
  }

  /** Wakes up when the next pending message is due. */
  private async scheduleNext(): Promise<void> {
    const [next] = await this.entries.find({ state: 'pending' }, { sort: { dueAt: 1 } }).limit(1).toArray()
    if (next) this.schedule(Math.max(0, next.dueAt - this.now()))
  }

  private schedule(inMs: number): void {
    if (!this.options.timers || this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = setTimeout(() => {
      this.timer = null
      void this.deliverDue().catch((e: unknown) => this.options.logger.error({ err: e }, 'mail outbox failed'))
    }, Math.min(inMs, LAST_RETRY_MS))
    this.timer.unref()
  }
}
