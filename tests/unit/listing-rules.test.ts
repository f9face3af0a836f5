/** The domain's rules about a listing's state: published, ever published, stale. */
import { isPublished, wasEverPublished, isStale, PUBLISHED, STALE_AFTER_MS } from '../../src/directory/listing'

const LOCAL = 'https://here.test'
const PEER = 'https://peer.test'
const NOW = Date.UTC(2026, 11, 2, 12)

describe('isPublished', () => {
  test.each([['approved', true], ['pending', false], ['rejected', false]] as const)('%s → %s', (moderation, published) => {
    expect(isPublished({ moderation })).toBe(published)
  })
  test('PUBLISHED is the one state isPublished accepts', () => {
    expect(isPublished({ moderation: PUBLISHED })).toBe(true)
  })
})

describe('wasEverPublished', () => {
  test.each([['approved', true], ['pending', false], ['rejected', true]] as const)('%s → %s', (moderation, ever) => {
    expect(wasEverPublished({ moderation })).toBe(ever)
  })
})

describe('isStale', () => {
  test('a mirror last verified just within the window is fresh, just past it stale', () => {
    expect(isStale({ origin: PEER, lastVerified: NOW - STALE_AFTER_MS }, LOCAL, NOW)).toBe(false)
    expect(isStale({ origin: PEER, lastVerified: NOW - STALE_AFTER_MS - 1 }, LOCAL, NOW)).toBe(true)
  })
  test('a Date and the same instant in milliseconds give the same answer', () => {
    const old = NOW - 3 * 24 * 3600 * 1000
    expect(isStale({ origin: PEER, lastVerified: new Date(old) }, LOCAL, NOW)).toBe(true)
    expect(isStale({ origin: PEER, lastVerified: old }, LOCAL, NOW)).toBe(true)
  })
  test('a local listing is never stale: this instance is its authority', () => {
    expect(isStale({ origin: LOCAL, lastVerified: 0 }, LOCAL, NOW)).toBe(false)
  })
  test('the window is two days', () => {
    expect(STALE_AFTER_MS).toBe(2 * 24 * 3600 * 1000)
  })
})
