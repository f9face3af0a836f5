/**
 * OPERATOR_EMAIL: the operator is mailed when something starts waiting for
 * them — an application (or a reviewed peer's listing) entering the
 * moderation queue, a follow request, a change of an approved listing held
 * for review. What arrives within one batch window goes in one message, so
 * a burst of 50 applications is one mail, not 50. Mail goes through the
 * stored outbox like every other message; the clock is injectable, so tests
 * drive the window without waiting.
 */
import type { Logger } from 'pino'
import type { Config } from '../config/config'
import type { MailOutbox } from '../mail/outbox'
import { composeMail } from '../mail/layout'
import type { DirectoryEvents } from '../directory/events'
import type { Listing } from '../directory/listing'
import type { Peer } from '../federation/peers/peer-store'
import { ui as uiFor, type Ui, type UiLanguage } from '../http/site/i18n/translate'
import type { MessageKey } from '../http/site/i18n/messages'

/** Something that now waits for the operator. */
export type Waiter =
  | { kind: 'listing'; name: string; from?: string }
  | { kind: 'followRequest'; host: string }
  | { kind: 'heldChange'; name: string }

/** Where follow requests left for the operator are heard of (Peering). */
export interface FollowRequests { onFollowRequest(listener: (peer: Peer) => void): () => void }

/** The timers the batch window runs on (setTimeout by default; tests pass their own). */
export interface NoticeTimers {
  set(run: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface OperatorNoticesDeps {
  outbox: Pick<MailOutbox, 'enqueue'>
  /** OPERATOR_EMAIL */
  to: string
  publicUrl: string
  instanceName: string
  /** The language of the message (the instance's UI default, else English). */
  lang?: UiLanguage
  /** How long after the first waiting thing the message goes, gathering what comes meanwhile. */
  windowMs?: number
  timers?: NoticeTimers
  logger: Pick<Logger, 'error'>
}

export const NOTICE_WINDOW_MS = 2 * 60 * 1000
/** Names listed in a message per kind; the rest are counted. */
const NAMED = 20

const realTimers: NoticeTimers = {
  set: (run, ms) => setTimeout(run, ms).unref(),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout)
}

export class OperatorNotices {
  private batch: Waiter[] = []
  /** The batch's waiters as keys, so one repeated in a window is told once. */
  private readonly noted = new Set<string>()
  private timer: unknown = null
  private readonly timers: NoticeTimers
  private readonly ui: Ui

  constructor(private readonly deps: OperatorNoticesDeps) {
    this.timers = deps.timers ?? realTimers
    this.ui = uiFor(deps.lang ?? 'en')
  }

  /** Notes that something waits; the batch's message goes when its window closes. */
  note(waiter: Waiter): void {
    // the same thing twice in one window (a peer repeating its Follow) is one line, not two
    const key = JSON.stringify(waiter)
    if (this.noted.has(key)) return
    this.noted.add(key)
    this.batch.push(waiter)
    this.timer ??= this.timers.set(() => void this.flush(), this.deps.windowMs ?? NOTICE_WINDOW_MS)
  }

  /** A change of an approved listing held for review (for the event that holds it, when there is one). */
  heldChange(listing: Pick<Listing, 'name'>): void {
    this.note({ kind: 'heldChange', name: listing.name })
  }

  /** Listens to what puts things in the operator's way: pending listings created, follow requests, editors' changes held for review. */
  subscribe(events: DirectoryEvents, peering: FollowRequests, localOrigin: string): () => void {
    const offListings = events.on('listing.created', ({ listing }) => {
      if (listing.moderation !== 'pending') return
      this.note({ kind: 'listing', name: listing.name, ...(listing.origin === localOrigin ? {} : { from: new URL(listing.origin).host }) })
    })
    const offRequests = peering.onFollowRequest((peer) => this.note({ kind: 'followRequest', host: new URL(peer.origin).host }))
    const offHeld = events.on('listing.change-held', ({ listing }) => this.heldChange(listing))
    return () => {
      offListings()
      offRequests()
      offHeld()
    }
  }

  /** Sends what the batch holds now, as one message (nothing when it is empty). */
  async flush(): Promise<void> {
    if (this.timer !== null) this.timers.clear(this.timer)
    this.timer = null
    const batch = this.batch
    this.batch = []
    this.noted.clear()
    if (!batch.length) return
    try {
      await this.deps.outbox.enqueue(this.message(batch))
    } catch (e) {
      this.deps.logger.error({ err: e, waiting: batch.length }, 'operator notice not queued')
    }
  }

  /** At shutdown: what is gathered goes into the stored outbox now, rather than being lost. */
  stop(): Promise<void> {
    return this.flush()
  }

  private message(batch: Waiter[]) {
    const { ui, deps } = this
    const of = <K extends Waiter['kind']>(kind: K) => batch.filter((w): w is Extract<Waiter, { kind: K }> => w.kind === kind)
    const listings = of('listing').map((w) => (w.from ? ui.t('opMail.fromPeer', { name: w.name, host: w.from }) : w.name))
    const requests = of('followRequest').map((w) => w.host)
    const changes = of('heldChange').map((w) => w.name)
    const line = (key: MessageKey, names: string[]) => (names.length ? [ui.t(key, { count: names.length, names: named(ui, names) })] : [])
    const queue = `${deps.publicUrl}/operators/queue`
    const peers = `${deps.publicUrl}/operators/peers`
    const queued = listings.length + changes.length
    return composeMail({
      to: deps.to, lang: ui.lang,
      subject: ui.t('opMail.subject', { instance: deps.instanceName, count: batch.length }),
      paragraphs: [
        ui.t('opMail.intro', { instance: deps.instanceName }),
        ...line('opMail.listings', listings), ...line('opMail.changes', changes), ...line('opMail.requests', requests),
        ...(queued && requests.length ? [ui.t('opMail.peersLink', { url: peers })] : [])
      ],
      action: queued ? { label: ui.t('opMail.openQueue'), url: queue } : { label: ui.t('opMail.openPeers'), url: peers },
      footer: ui.t('opMail.footer', { instance: deps.instanceName, url: `${deps.publicUrl}/operators/settings` })
    })
  }
}

/** With OPERATOR_EMAIL (and so mail), the notices; else none. */
export function operatorNotices(
  config: Pick<Config, 'operatorEmail' | 'publicUrl' | 'instanceName'>, outbox: MailOutbox | undefined,
  sources: { events: DirectoryEvents; peering: FollowRequests }, logger: Pick<Logger, 'error'>
): OperatorNotices | undefined {
  if (!config.operatorEmail || !outbox) return undefined
  const notices = new OperatorNotices({ outbox, to: config.operatorEmail, publicUrl: config.publicUrl, instanceName: config.instanceName, logger })
  notices.subscribe(sources.events, sources.peering, config.publicUrl)
  return notices
}

/** "A, B, C" — or the first NAMED and "and 30 more". */
function named(ui: Ui, names: string[]): string {
  const shown = names.slice(0, NAMED).join(', ')
  return names.length > NAMED ? `${shown} ${ui.t('opMail.more', { count: names.length - NAMED })}` : shown
}
