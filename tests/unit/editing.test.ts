/**
 * Editing (directory/editing.ts) without HTTP: only a listing of this
 * instance is an editor's own; a save lands only on the version it was
 * loaded at, and — with the form's merge patch — changes only what the
 * person changed, keeping everything the form does not show. A preview
 * is worked out and checked the same way and written nowhere.
 */
import { ListingService } from '../../src/directory/listing-service'
import { DirectoryEvents } from '../../src/directory/events'
import { Editing } from '../../src/directory/editing'
import type { Listing } from '../../src/directory/listing'
import { formPatch, formValues } from '../../src/http/site/form/listing-form'
import { MemoryListingStore } from '../support/memory-listing-store'

const ORIGIN = 'https://tejido.test'
const ID = `${ORIGIN}/orgs/rich`

async function setUp(moderation: 'approved' | 'pending' = 'approved') {
  const store = new MemoryListingStore()
  const events = new DirectoryEvents(() => undefined)
  const listings = new ListingService({ store, events, origin: ORIGIN })
  const created = await listings.create({
    slug: 'rich', name: 'Rich', kind: 'worker-coop', defaultLanguage: 'de', tags: ['solidarity'], pricing: 'Sliding scale',
    nameMap: { de: 'Reich', ja: '豊か' }, summaryMap: { en: '<p>We host <em>co-ops</em>.</p>' },
    location: [{ name: 'Office', address: 'Calle 1', country: 'MX', latitude: 17, longitude: -96 }, { latitude: 1, longitude: 2 }],
    contact: { website: 'https://rich.example', phone: '+52 1 234 5678' }
  }, moderation)
  if (!created.ok) throw new Error('the listing was not created')
  return { store, events, listings, editing: new Editing({ listings }), listing: created.value }
}

/** The form as loaded from `listing`, with some fields changed, as a browser sends it. */
const form = (listing: Listing, changes: Record<string, string> = {}): Record<string, unknown> => ({ ...formValues(listing), ...changes })

describe('own', () => {
  test('the account\'s listing when it is this instance\'s and exists; nothing otherwise', async () => {
    const { editing, listing } = await setUp()
    expect(await editing.own(ID)).toEqual(listing)
    for (const id of [null, undefined, '', `${ORIGIN}/orgs/missing`, 'https://other.example/orgs/rich', 'https://tejido.test.evil/orgs/rich', `${ORIGIN}/rich`, `${ORIGIN}/orgs/rich/x`]) {
      expect(await editing.own(id)).toBeNull()
    }
  })
})

describe('save', () => {
  test('with the form\'s merge: only the changed field changes; the rest of the listing, its moderation state included, stays', async () => {
    const { editing, listing } = await setUp('pending')
    const saved = await editing.save(listing, { version: listing.version, changes: (loaded) => formPatch(loaded, form(loaded, { name: 'Renamed' })) })
    expect(saved.ok).toBe(true)
    const after = saved.ok ? saved.value : listing
    expect(after).toEqual({ ...listing, name: 'Renamed', version: listing.version + 1, updated: after.updated, provenance: after.provenance })
    expect(after.moderation).toBe('pending')
  })

  test('an unchanged form writes nothing: no new version', async () => {
    const { editing, listing, store } = await setUp()
    const saved = await editing.save(listing, { version: listing.version, changes: (loaded) => formPatch(loaded, form(loaded)) })
    expect(saved).toEqual({ ok: true, value: listing })
    expect(store.listings.get(ID)?.version).toBe(listing.version)
  })

  test('a stale version (or none) is refused with what is stored now, and nothing is written', async () => {
    const { editing, listings, listing, store } = await setUp()
    const changes = () => ({ name: 'Mine' })
    for (const version of [listing.version + 1, Number.NaN, 0.5]) expect(await editing.save(listing, { version, changes })).toEqual({ ok: false, error: { kind: 'stale', current: listing } })

    // Someone saves after this editor loaded the listing: the write is conditional on the loaded version.
    const theirs = await listings.update('rich', { pricing: 'Free' })
    const saved = await editing.save(listing, { version: listing.version, changes })
    expect(saved).toEqual({ ok: false, error: { kind: 'stale', current: theirs.ok ? theirs.value : null } })
    expect(store.listings.get(ID)).toMatchObject({ name: 'Rich', pricing: 'Free' })
  })

  test('invalid changes are refused with the schema\'s errors, nothing written', async () => {
    const { editing, listing, store } = await setUp()
    const saved = await editing.save(listing, { version: listing.version, changes: (loaded) => formPatch(loaded, form(loaded, { 'location.0.latitude': 'north' })) })
    expect(saved.ok ? [] : saved.error.kind === 'invalid' ? saved.error.errors.map((e) => e.field) : saved.error.kind).toEqual(['location.0.latitude'])
    expect(store.listings.get(ID)).toEqual(listing)
  })
})

describe('preview', () => {
  test('the listing as a save would make it, checked the same way, and nothing written: no version, no event', async () => {
    const { editing, listing, store, events } = await setUp()
    const raised: string[] = []
    for (const name of ['listing.created', 'listing.updated', 'listing.deleted'] as const) events.on(name, () => raised.push(name))
    const shown = editing.preview(listing, { version: listing.version, changes: (loaded) => formPatch(loaded, form(loaded, { name: 'Renamed', 'summaryMap.en': 'Now <b>plain</b>.' })) })
    expect(shown).toEqual({ ok: true, value: { ...listing, name: 'Renamed', summaryMap: { en: '<p>Now &lt;b&gt;plain&lt;/b&gt;.</p>' } } })
    expect(store.listings.get(ID)).toEqual(listing)
    expect(raised).toEqual([])
  })

  test('refuses what a save would refuse: a stale version, an invalid value', async () => {
    const { editing, listing, store } = await setUp()
    const stale = editing.preview(listing, { version: listing.version - 1, changes: () => ({ name: 'Late' }) })
    expect(stale).toEqual({ ok: false, error: { kind: 'stale', current: listing } })
    const invalid = editing.preview(listing, { version: listing.version, changes: () => ({ name: '' }) })
    expect(invalid.ok ? 'written' : invalid.error.kind).toBe('invalid')
    expect(store.listings.get(ID)).toEqual(listing)
  })
})
