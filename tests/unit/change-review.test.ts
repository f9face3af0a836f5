/**
 * Moderation of changes (issue 12, point 4) without HTTP: the REVIEW_CHANGES
 * policy, and the held-change rules — what waits and what goes live, a new
 * save replacing the proposal, withdrawing it, approving it onto a newer
 * version, rejecting it — with the held changes kept in the embedded store
 * (so the store's own behaviour is tested on the way).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import schema from '../../schemas/listing.schema.json'
import { ListingService, inputOf } from '../../src/directory/listing-service'
import { DirectoryEvents } from '../../src/directory/events'
import { Editing } from '../../src/directory/editing'
import { HeldChanges, withHeld } from '../../src/directory/held-changes'
import { DEFAULT_REVIEWED, REVIEWABLE, REVIEW_FIELDS, applyHeld, changedSinceHeld, mergePatchBetween, parseReviewPolicy, splitEdit, type HeldChange, type ReviewField } from '../../src/directory/change-review'
import { loadConfig, ConfigError } from '../../src/config/config'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { DocumentHeldChangeStore } from '../../src/storage/held-change-store'
import { MemoryListingStore } from '../support/memory-listing-store'

const ORIGIN = 'https://tejido.test'

describe('the REVIEW_CHANGES policy', () => {
  test('unset is name, website, email and kind; all, none and lists are read; unknown names are refused naming them', () => {
    expect(parseReviewPolicy(undefined)).toEqual({ ok: true, value: ['name', 'website', 'email', 'kind'] })
    expect(parseReviewPolicy(' ')).toEqual({ ok: true, value: DEFAULT_REVIEWED })
    expect(parseReviewPolicy('none')).toEqual({ ok: true, value: [] })
    expect(parseReviewPolicy('all')).toEqual({ ok: true, value: REVIEW_FIELDS })
    expect(parseReviewPolicy('website, icon,website')).toEqual({ ok: true, value: ['website', 'icon'] })
    const refused = parseReviewPolicy('name,webiste')
    expect(refused.ok ? '' : refused.error).toContain('"webiste"')
    expect(parseReviewPolicy('all,name').ok).toBe(false)
  })

  test('the config reads it once and stops the start on a bad value, naming the variable', () => {
    expect(loadConfig({}).reviewChanges).toEqual(DEFAULT_REVIEWED)
    expect(loadConfig({ REVIEW_CHANGES: 'none' }).reviewChanges).toEqual([])
    expect(() => loadConfig({ REVIEW_CHANGES: 'nmae' })).toThrow(ConfigError)
    expect(() => loadConfig({ REVIEW_CHANGES: 'nmae' })).toThrow(/REVIEW_CHANGES.*"nmae"/)
  })

  test('"all" covers every writable field of the schema (a new schema field cannot escape review)', () => {
    const covered = new Set(Object.values(REVIEWABLE).flatMap((paths) => paths.map((p) => p.join('.'))))
    const writable = Object.keys(schema.properties).filter((p) => p !== 'slug')
      .flatMap((p) => (p === 'contact' ? Object.keys(schema.properties.contact.properties).map((c) => `contact.${c}`) : [p]))
    expect(writable.filter((p) => !covered.has(p))).toEqual([])
  })
})

describe('the split of an edit', () => {
  const current = { slug: 's', name: 'Old', nameMap: { es: 'Viejo' }, kind: 'worker-coop', pricing: 'Free', contact: { website: 'https://old.example', phone: '+34 900 000 000' } }

  test('reviewed fields keep their current values in what goes live and wait with what they replace; the rest goes live', () => {
    const proposed = { ...current, name: 'New', nameMap: { es: 'Nuevo' }, pricing: 'Sliding scale', contact: { website: 'https://phish.example/login', phone: '+34 911 111 111' } }
    const split = splitEdit(current, proposed, DEFAULT_REVIEWED)
    expect(split.live).toEqual({ ...current, pricing: 'Sliding scale', contact: { website: 'https://old.example', phone: '+34 911 111 111' } })
    expect(split.fields).toEqual(['name', 'website'])
    expect(split.values).toEqual([
      { path: ['name'], before: 'Old', after: 'New' },
      { path: ['nameMap'], before: { es: 'Viejo' }, after: { es: 'Nuevo' } },
      { path: ['contact', 'website'], before: 'https://old.example', after: 'https://phish.example/login' }
    ])
    expect(applyHeld(split.live, split.values)).toEqual(proposed)
  })

  test('a website added where there was no contact waits, and no empty contact goes live; removing a value is held as absent', () => {
    const bare = { slug: 's', name: 'Old', kind: 'worker-coop' }
    const split = splitEdit(bare, { ...bare, contact: { website: 'https://new.example' } }, DEFAULT_REVIEWED)
    expect(split.live).toEqual(bare)
    expect(split.values).toEqual([{ path: ['contact', 'website'], before: null, after: 'https://new.example' }])
    const removed = splitEdit(current, { ...current, contact: { phone: '+34 900 000 000' } }, DEFAULT_REVIEWED)
    expect(removed.values).toEqual([{ path: ['contact', 'website'], before: 'https://old.example', after: null }])
    expect(applyHeld(current, removed.values)).toEqual({ ...current, contact: { phone: '+34 900 000 000' } })
  })

  test('with no reviewed field (REVIEW_CHANGES=none) or no reviewed change, everything goes live', () => {
    const proposed = { ...current, name: 'New' }
    expect(splitEdit(current, proposed, [])).toEqual({ live: proposed, fields: [], values: [] })
    expect(splitEdit(current, { ...current, pricing: 'x' }, DEFAULT_REVIEWED).values).toEqual([])
  })

  test('merge patches between documents, and what changed since a proposal', () => {
    expect(mergePatchBetween(current, { ...current, name: 'N', contact: { website: 'https://old.example' }, tags: ['a'] })).toEqual({ name: 'N', contact: { phone: null }, tags: ['a'] })
    const values = splitEdit(current, { ...current, name: 'New', pricing: 'x' }, DEFAULT_REVIEWED).values
    expect(changedSinceHeld(current, values)).toEqual([])
    expect(changedSinceHeld({ ...current, name: 'Renamed by the operator' }, values).map((v) => v.path)).toEqual([['name']])
  })
})

describe('held changes', () => {
  let dir: string
  let client: EmbeddedClient
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-held-'))
    client = await new EmbeddedClient(dir).connect()
  })
  afterEach(async () => {
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  async function setUp(reviewed: readonly ReviewField[] = DEFAULT_REVIEWED, moderation: 'approved' | 'pending' = 'approved') {
    const events = new DirectoryEvents((_e, error) => { throw error })
    const listings = new ListingService({ store: new MemoryListingStore(), events, origin: ORIGIN })
    const store = new DocumentHeldChangeStore(client.db())
    await store.init()
    let clock = Date.parse('2026-12-03T10:00:00Z')
    const heldChanges = new HeldChanges({ listings, store, events, reviewed, now: () => new Date((clock += 60000)) })
    const editing = new Editing({ listings, review: heldChanges })
    const made = await listings.create({ slug: 'mare', name: 'Maré', kind: 'worker-coop', pricing: 'Free', contact: { website: 'https://mare.example' } }, moderation)
    if (!made.ok) throw new Error('not created')
    const held: HeldChange[] = []
    events.on('listing.change-held', ({ change }) => held.push(change))
    const current = async () => {
      const got = await listings.get('mare')
      if (!got.ok) throw new Error('gone')
      return got.value
    }
    const edit = async (changes: Record<string, unknown>) => editing.submit(await current(), { version: (await current()).version, changes: () => changes })
    return { listings, heldChanges, store, editing, held, current, edit }
  }

  test('an editor\'s save of an approved listing: the reviewed part waits (announced once), the rest is live', async () => {
    const { edit, current, held, heldChanges } = await setUp()
    const saved = await edit({ name: 'Phish', contact: { website: 'https://phish.example/login' }, pricing: 'Sliding scale' })
    expect(saved.ok && saved.value.held?.fields).toEqual(['name', 'website'])
    expect(await current()).toMatchObject({ name: 'Maré', contact: { website: 'https://mare.example' }, pricing: 'Sliding scale', version: 2 })
    expect(held).toHaveLength(1)
    expect(await heldChanges.countWaiting()).toBe(1)
    const change = await heldChanges.of(`${ORIGIN}/orgs/mare`)
    expect(change).toMatchObject({ state: 'waiting', baseVersion: 2, slug: 'mare' })
    expect(withHeld(await current(), change)).toMatchObject({ name: 'Phish', contact: { website: 'https://phish.example/login' }, pricing: 'Sliding scale', version: 2 })

    // The same proposal saved again (the form shows it) is kept as it was: same time, no second announcement.
    const again = await edit({ name: 'Phish', contact: { website: 'https://phish.example/login' } })
    expect(again.ok && again.value.held?.heldAt).toEqual(change?.heldAt)
    expect(held).toHaveLength(1)
  })

  test('a new save replaces the proposal; one that puts the published values back withdraws it; the editor can withdraw it', async () => {
    const { edit, heldChanges, held } = await setUp()
    await edit({ name: 'First idea' })
    const second = await edit({ name: 'Second idea', kind: 'collective' })
    expect(second.ok && second.value.held?.fields).toEqual(['name', 'kind'])
    expect(held.map((c) => c.values.find((v) => v.path[0] === 'name')?.after)).toEqual(['First idea', 'Second idea'])
    expect(await heldChanges.waiting()).toHaveLength(1)
    const back = await edit({ pricing: 'Free again' })
    expect(back.ok && back.value.held).toBeNull()
    expect(await heldChanges.countWaiting()).toBe(0)
    await edit({ name: 'Third idea' })
    await heldChanges.withdraw(`${ORIGIN}/orgs/mare`)
    expect(await heldChanges.of(`${ORIGIN}/orgs/mare`)).toBeNull()
  })

  test('a pending listing, and REVIEW_CHANGES=none, are edited directly', async () => {
    for (const [reviewed, moderation] of [[DEFAULT_REVIEWED, 'pending'], [[], 'approved']] as const) {
      const { edit, current, heldChanges } = await setUp(reviewed, moderation)
      const saved = await edit({ name: 'Renamed' })
      expect(saved.ok && saved.value.held).toBeNull()
      expect((await current()).name).toBe('Renamed')
      expect(await heldChanges.countWaiting()).toBe(0)
      await client.db().collection('held_changes').deleteMany({})
    }
  })

  test('approval applies the proposal onto the current version, over a field changed since; only the change the operator saw', async () => {
    const { edit, current, heldChanges, listings } = await setUp()
    const saved = await edit({ name: 'Maré Digital', contact: { website: 'https://maredigital.example' } })
    const change = saved.ok ? saved.value.held : null
    if (!change) throw new Error('nothing held')
    await listings.update('mare', { contact: { website: 'https://operator.example' }, pricing: 'Set by the operator' })
    expect(changedSinceHeld(inputOf(await current()), change.values).map((v) => v.path.join('.'))).toEqual(['contact.website'])

    expect(await heldChanges.approve('mare', new Date(change.heldAt.getTime() + 1))).toMatchObject({ ok: false, error: { kind: 'conflict' } })
    const approved = await heldChanges.approve('mare', change.heldAt)
    expect(approved.ok).toBe(true)
    expect(await current()).toMatchObject({ name: 'Maré Digital', contact: { website: 'https://maredigital.example' }, pricing: 'Set by the operator', version: 3 })
    expect(await heldChanges.of(change.listingId)).toBeNull()
    expect(await heldChanges.approve('mare')).toMatchObject({ ok: false, error: { kind: 'not-found' } })
  })

  test('rejection leaves the listing as it is and keeps the change, declined, for its editor; it no longer waits', async () => {
    const { edit, current, heldChanges } = await setUp()
    await edit({ name: 'Phish' })
    const rejected = await heldChanges.reject('mare')
    expect(rejected.ok && rejected.value).toMatchObject({ state: 'declined', decidedAt: expect.any(Date) })
    expect((await current()).name).toBe('Maré')
    expect(await heldChanges.countWaiting()).toBe(0)
    expect(await heldChanges.of(`${ORIGIN}/orgs/mare`)).toMatchObject({ state: 'declined' })
    expect(withHeld(await current(), await heldChanges.of(`${ORIGIN}/orgs/mare`)).name).toBe('Maré')
    expect((await heldChanges.reject('mare')).ok).toBe(false)
  })

  test('the store: one per listing, decline and remove only the very change, waiting ones oldest first', async () => {
    const store = new DocumentHeldChangeStore(client.db())
    await store.init()
    const change = (slug: string, minute: number): HeldChange => ({ listingId: `${ORIGIN}/orgs/${slug}`, slug, fields: ['name'], values: [{ path: ['name'], before: 'A', after: null }], baseVersion: 1, heldAt: new Date(minute * 60000), state: 'waiting' })
    await store.put(change('b', 2))
    await store.put(change('a', 3))
    await store.put(change('b', 1)) // replaces b's
    expect((await store.waiting()).map((c) => [c.slug, c.heldAt.getTime()])).toEqual([['b', 60000], ['a', 180000]])
    expect(await store.get(`${ORIGIN}/orgs/b`)).toEqual(change('b', 1))
    expect(await store.decline(`${ORIGIN}/orgs/b`, new Date(120000), new Date())).toBeNull()
    expect(await store.remove(`${ORIGIN}/orgs/a`, new Date(0))).toBeNull()
    expect(await store.decline(`${ORIGIN}/orgs/b`, new Date(60000), new Date(5))).toMatchObject({ state: 'declined', decidedAt: new Date(5) })
    expect(await store.countWaiting()).toBe(1)
    expect(await store.remove(`${ORIGIN}/orgs/a`)).toEqual(change('a', 3))
    expect(await store.countWaiting()).toBe(0)
  })
})
