/**
 * The operator pages' pure parts (issue 12, point 5): times said as people
 * say them, in four languages; what waits, counted; the listings query's
 * pages and matching; the notices' batch window on an injected clock; and
 * OPERATOR_EMAIL's configuration rules.
 */
import { relativeTime, exactTime, timeAgo } from '../../src/http/site/operators/relative-time'
import { countWaiting, inQueue } from '../../src/http/site/operators/waiting'
import { folded, matches, pageRange, pageWindow, parseFilter } from '../../src/http/site/operators/listing-finder'
import { OperatorNotices, type NoticeTimers } from '../../src/composition/operator-notices'
import { DirectoryEvents } from '../../src/directory/events'
import { loadConfig, ConfigError } from '../../src/config/config'
import type { OutgoingMail } from '../../src/mail/outbox'
import type { Peer } from '../../src/federation/peers/peer-store'
import type { Listing } from '../../src/directory/listing'

const NOW = new Date('2026-12-03T12:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const MIN = 60000

describe('relative times', () => {
  test.each([
    ['en', 5 * MIN, '5 minutes ago'],
    ['es', 5 * MIN, 'hace 5 minutos'],
    ['fr', 5 * MIN, 'il y a 5 minutes'],
    ['pt', 5 * MIN, 'há 5 minutos'],
    ['en', 0, 'now'],
    ['en', 30 * 1000, '30 seconds ago'],
    ['en', 3 * 60 * MIN, '3 hours ago'],
    ['en', 24 * 60 * MIN, 'yesterday'],
    ['es', 24 * 60 * MIN, 'ayer'],
    ['en', 10 * 24 * 60 * MIN, '10 days ago'],
    ['en', 65 * 24 * 60 * MIN, '2 months ago'],
    ['en', 800 * 24 * 60 * MIN, '2 years ago'],
    ['en', -2 * 60 * MIN, 'in 2 hours']
  ] as const)('%s, %d ms ago: %s', (lang, ms, said) => {
    expect(relativeTime(lang, ago(ms), NOW)).toBe(said)
  })

  test('the exact time is in UTC and in the reader’s language, on hover and in the markup', () => {
    expect(exactTime('en', NOW)).toBe('December 3, 2026 at 12:00:00 PM UTC')
    expect(exactTime('es', NOW)).toContain('3 de diciembre de 2026')
    expect(timeAgo('fr', ago(5 * MIN), NOW).value).toBe(`<time datetime="2026-12-03T11:55:00.000Z" title="${exactTime('fr', ago(5 * MIN))}">il y a 5 minutes</time>`)
  })
})

describe('what waits', () => {
  const peer = (inbound: Peer['inbound']['state'], blocked = false) => ({ inbound: { state: inbound }, blocked }) as Peer
  const listings = (pending: number) => ({ list: async () => ({ items: [], total: pending, page: 1, perPage: 1 }) })

  test('pending listings, held changes (when counted) and unanswered follow requests of unblocked peers', async () => {
    const peers = { all: async () => [peer('pending'), peer('pending', true), peer('approved'), peer('pending'), peer('none')] }
    expect(await countWaiting({ listings: listings(3), peers })).toEqual({ listings: 3, heldChanges: 0, followRequests: 2 })
    const withHeld = await countWaiting({ listings: listings(3), peers, heldChanges: async () => 4 })
    expect(withHeld).toEqual({ listings: 3, heldChanges: 4, followRequests: 2 })
    expect(inQueue(withHeld)).toBe(7)
  })
})

describe('the listings query', () => {
  test('pages: the range shown and the page links, with gaps', () => {
    expect(pageRange({ total: 346, page: 3, perPage: 50 })).toEqual({ from: 101, to: 150, pages: 7 })
    expect(pageRange({ total: 346, page: 7, perPage: 50 })).toEqual({ from: 301, to: 346, pages: 7 })
    expect(pageRange({ total: 0, page: 1, perPage: 50 })).toEqual({ from: 0, to: 0, pages: 1 })
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(1, 7)).toEqual([1, 2, 3, null, 7])
    expect(pageWindow(5, 12)).toEqual([1, null, 3, 4, 5, 6, 7, null, 12])
    expect(pageWindow(12, 12)).toEqual([1, null, 10, 11, 12])
  })

  test('words match names in any language and slugs, without accents or case', () => {
    const l = { name: 'Red Tejida', slug: 'red-tejida', nameMap: { fr: 'Réseau Tissé' } } as Pick<Listing, 'name' | 'slug' | 'nameMap'>
    expect(matches(l, folded('RESEAU'))).toBe(true)
    expect(matches(l, folded('d-tej'))).toBe(true)
    expect(matches(l, folded('Tissée'))).toBe(false)
    expect(matches(l, '')).toBe(true)
  })

  test('the query string: unknown values fall back, numbers are bounded', () => {
    expect(parseFilter({ q: '  café ', scope: 'mirrored', state: 'pending', page: '3' })).toEqual({ q: 'café', scope: 'mirrored', moderation: 'pending', page: 3 })
    expect(parseFilter({ scope: 'everything', state: 'deleted', page: '-2' })).toEqual({ q: '', scope: 'all', page: 1 })
    expect(parseFilter({ page: '0' }).page).toBe(1)
    expect(parseFilter({ q: 'x'.repeat(500) }).q).toHaveLength(100)
    expect(parseFilter({ q: ['a', 'b'] as never }).q).toBe('')
  })
})

describe('operator notices', () => {
  /** Timers the test fires by hand: the window closes when the test says so. */
  function manualTimers() {
    const pending = new Map<number, () => void>()
    let next = 0
    const timers: NoticeTimers = {
      set: (run, ms) => {
        expect(ms).toBe(120000)
        pending.set(++next, run)
        return next
      },
      clear: (handle) => void pending.delete(handle as number)
    }
    return { timers, pending, fire: () => [...pending.values()].forEach((run) => run()) }
  }
  const setup = () => {
    const sent: OutgoingMail[] = []
    const clock = manualTimers()
    const notices = new OperatorNotices({
      outbox: { enqueue: async (m: OutgoingMail) => { sent.push(m); return String(sent.length) } },
      to: 'operator@tejido.test', publicUrl: 'https://tejido.test', instanceName: 'Tejido Test', timers: clock.timers, logger: { error: () => undefined }
    })
    return { sent, clock, notices }
  }
  const settle = () => new Promise<void>((r) => setImmediate(r))
  const pendingListing = (name: string, origin = 'https://tejido.test') => ({ name, origin, moderation: 'pending' }) as Listing

  test('a burst of 50 applications is one message, sent when the window closes', async () => {
    const { sent, clock, notices } = setup()
    const events = new DirectoryEvents(() => undefined)
    let requestListener: ((p: Peer) => void) | undefined
    notices.subscribe(events, { onFollowRequest: (l) => { requestListener = l; return () => undefined } }, 'https://tejido.test')
    for (let i = 1; i <= 50; i++) events.emit('listing.created', { listing: pendingListing(`Coop ${i}`) })
    events.emit('listing.created', { listing: { ...pendingListing('Published'), moderation: 'approved' } })
    events.emit('listing.created', { listing: pendingListing('Lejana', 'https://peer.example') })
    requestListener?.({ origin: 'https://friend.example' } as Peer)
    requestListener?.({ origin: 'https://friend.example' } as Peer) // a Follow repeated in the window: told once
    notices.heldChange({ name: 'Red Tejida' })
    expect(clock.pending.size).toBe(1) // one window for the whole burst
    await settle()
    expect(sent).toHaveLength(0)
    clock.fire()
    await settle()
    expect(sent).toHaveLength(1)
    const mail = sent[0] as OutgoingMail
    expect(mail.to).toBe('operator@tejido.test')
    expect(mail.subject).toBe('Tejido Test: 53 waiting for you')
    expect(mail.text).toContain('In the moderation queue (51): Coop 1, Coop 2,')
    expect(mail.text).toContain('and 31 more')
    expect(mail.text).not.toContain('Published')
    expect(mail.text).toContain('Changes held for review (1): Red Tejida.')
    expect(mail.text).toContain('Follow requests (1): friend.example.')
    expect(mail.text).toContain('Open the moderation queue: https://tejido.test/operators/queue')
    expect(mail.text).toContain('https://tejido.test/operators/peers')
    expect(mail.html).toContain('<a href="https://tejido.test/operators/queue">')

    // the next thing that waits opens a new window
    notices.heldChange({ name: 'Later' })
    expect(clock.pending.size).toBe(1)
  })

  test('only follow requests: the message leads to the peers page; nothing waiting, nothing sent', async () => {
    const { sent, clock, notices } = setup()
    await notices.flush()
    expect(sent).toHaveLength(0)
    notices.note({ kind: 'followRequest', host: 'friend.example' })
    clock.fire()
    await settle()
    expect(sent[0]?.text).toContain('Open the peers page: https://tejido.test/operators/peers')
    expect(sent[0]?.text).not.toContain('moderation queue')
  })

  test('stopping sends what was gathered at once, and clears its timer', async () => {
    const { sent, clock, notices } = setup()
    notices.note({ kind: 'listing', name: 'Última' })
    await notices.stop()
    expect(sent).toHaveLength(1)
    expect(clock.pending.size).toBe(0)
  })
})

describe('OPERATOR_EMAIL', () => {
  const base = { PUBLIC_URL: 'https://tejido.test', DATA_DIR: '/tmp/x' }
  const mail = { SMTP_URL: 'smtp://u:p@mail.example:587', MAIL_FROM: 'Tejido <directorio@tejido.test>' }

  test('optional, and an address when set with mail', () => {
    expect(loadConfig(base).operatorEmail).toBeUndefined()
    expect(loadConfig({ ...base, ...mail, OPERATOR_EMAIL: 'ops@tejido.test' }).operatorEmail).toBe('ops@tejido.test')
  })

  test.each([
    [{ OPERATOR_EMAIL: 'ops@tejido.test' }, /SMTP_URL is not/],
    [{ ...mail, OPERATOR_EMAIL: 'not an address' }, /not an email address/]
  ])('a clear error naming the variable: %p', (env, message) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError)
    expect(() => loadConfig({ ...base, ...env })).toThrow(/OPERATOR_EMAIL/)
    expect(() => loadConfig({ ...base, ...env })).toThrow(message)
  })
})
