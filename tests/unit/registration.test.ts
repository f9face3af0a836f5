/**
 * Registration (directory/registration.ts) without HTTP: an application
 * becomes a pending listing under a free slug with its editor account, or
 * nothing at all — invalid input, a full queue, or an email whose account
 * appears meanwhile leave no listing and no account behind.
 */
import { verifyPassword } from '../../src/directory/passwords'
import { ListingService } from '../../src/directory/listing-service'
import { DirectoryEvents } from '../../src/directory/events'
import { Registration, slugify, type Application, type RegistrationDeps } from '../../src/directory/registration'
import { ruleOf } from '../../src/directory/validate'
import type { EditorAccounts } from '../../src/directory/editor-accounts'
import { MemoryListingStore } from '../support/memory-listing-store'

const ORIGIN = 'https://tejido.test'

/** Editor accounts in memory; `takenMeanwhile` makes the next create find its email taken, as a racing application would. */
class MemoryAccounts implements Pick<EditorAccounts, 'listingsOf' | 'listingOf' | 'release' | 'create' | 'check'> {
  readonly byEmail = new Map<string, { password: string | { hash: string }; listingId: string; applicant?: string }>()
  readonly checked: string[] = []
  takenMeanwhile = false

  async listingsOf(applicant: string): Promise<string[]> {
    return [...this.byEmail.values()].filter((a) => a.applicant === applicant).map((a) => a.listingId)
  }
  async listingOf(email: string): Promise<string | null> {
    return this.byEmail.get(email.toLowerCase())?.listingId ?? null
  }
  async release(email: string, listingId: string): Promise<void> {
    if (this.byEmail.get(email.toLowerCase())?.listingId === listingId) this.byEmail.delete(email.toLowerCase())
  }
  async create(email: string, password: string | { hash: string }, listingId: string, applicant?: string): Promise<boolean> {
    if (this.takenMeanwhile || this.byEmail.has(email.toLowerCase())) return false
    this.byEmail.set(email.toLowerCase(), { password, listingId, ...(applicant ? { applicant } : {}) })
    return true
  }
  async check(email: string, password: string): ReturnType<EditorAccounts['check']> {
    this.checked.push(email)
    const account = this.byEmail.get(email.toLowerCase())
    return account && account.password === password ? { email, passwordHash: 'x', listingId: account.listingId, created: new Date(0) } : null
  }
}

function setUp(limits: RegistrationDeps['limits'] = { maxPendingListings: 1000, maxPendingPerClient: 1000 }) {
  const store = new MemoryListingStore()
  const listings = new ListingService({ store, events: new DirectoryEvents(() => undefined), origin: ORIGIN })
  const accounts = new MemoryAccounts()
  const registration = new Registration({ listings, store, accounts, origin: ORIGIN, limits })
  return { store, listings, accounts, registration }
}

const application = (overrides: Partial<Application> & { listing?: Record<string, unknown> } = {}): Application => ({
  email: 'editora@prueba.example',
  password: 'una-contraseña-larga',
  ...overrides,
  listing: { name: 'Cooperativa de Prueba', kind: 'worker-coop', defaultLanguage: 'es', summaryMap: { es: '<p>Alojamiento.</p>' }, ...overrides.listing }
})

test('an application becomes a pending listing under its name\'s slug, with its account', async () => {
  const { store, accounts, registration } = setUp()
  const result = await registration.register(application(), 'applicant-1')
  expect(result).toMatchObject({ ok: true, value: { kind: 'registered', listing: { slug: 'cooperativa-de-prueba', moderation: 'pending', id: `${ORIGIN}/orgs/cooperativa-de-prueba` } } })
  expect(store.listings.size).toBe(1)
  const account = accounts.byEmail.get('editora@prueba.example') as { password: { hash: string } } | undefined
  expect(account).toEqual({ password: { hash: expect.stringMatching(/^scrypt\$/) }, listingId: `${ORIGIN}/orgs/cooperativa-de-prueba`, applicant: 'applicant-1' })
  // the account gets the password's hash, never the password
  expect(await verifyPassword('una-contraseña-larga', account?.password.hash)).toBe(true)
})

test('slug collisions: the name with a number, past taken slugs and a deleted listing\'s, until none is left', async () => {
  const { listings, registration } = setUp()
  const slugs: string[] = []
  for (let i = 1; i <= 3; i++) {
    const result = await registration.register(application({ email: `e${i}@prueba.example` }), `a${i}`)
    if (result.ok && result.value.kind === 'registered') slugs.push(result.value.listing.slug)
  }
  expect(slugs).toEqual(['cooperativa-de-prueba', 'cooperativa-de-prueba-2', 'cooperativa-de-prueba-3'])

  // A published listing that was deleted leaves a tombstone: its slug is never reused.
  expect((await listings.create({ slug: 'cooperativa-de-prueba-4', name: 'X', kind: 'other' })).ok).toBe(true)
  expect((await listings.delete('cooperativa-de-prueba-4')).ok).toBe(true)
  const next = await registration.register(application({ email: 'e4@prueba.example' }), 'a4')
  expect(next).toMatchObject({ ok: true, value: { listing: { slug: 'cooperativa-de-prueba-5' } } })

  const long = 'n'.repeat(70)
  expect(slugify(long)).toHaveLength(56)
  for (let n = 1; n <= 50; n++) expect((await listings.create({ slug: n === 1 ? slugify(long) : `${slugify(long)}-${n}`, name: long, kind: 'other' })).ok).toBe(true)
  expect(await registration.register(application({ email: 'e5@prueba.example', listing: { name: long } }), 'a5')).toEqual({ ok: false, error: { kind: 'no-free-slug' } })
})

test('an email taken meanwhile: the listing is removed again, and the answer is the same as for a new one', async () => {
  const { store, accounts, registration } = setUp()
  accounts.takenMeanwhile = true
  expect(await registration.register(application(), 'applicant-1')).toEqual({ ok: true, value: { kind: 'discarded', reason: 'email-taken' } })
  expect(store.listings.size).toBe(0)
  expect(store.tombstones.size).toBe(0) // never published: no trace, the slug is free again
  expect(accounts.byEmail.size).toBe(0)
})

test('an email that has an account: nothing is written, the account stays as it was, the same password work is done', async () => {
  const { store, accounts, registration } = setUp()
  expect((await registration.register(application(), 'first')).ok).toBe(true)
  const before = [...accounts.byEmail].map(([email, account]) => [email, { ...account }])
  const again = await registration.register(application({ email: 'EDITORA@prueba.example', password: 'another-long-password', listing: { name: 'Otra' } }), 'second')
  expect(again).toEqual({ ok: true, value: { kind: 'discarded', reason: 'email-held' } })
  expect([...store.listings.values()].map((l) => l.name)).toEqual(['Cooperativa de Prueba'])
  expect([...accounts.byEmail]).toEqual(before)
  expect(accounts.checked).toEqual(['EDITORA@prueba.example'])
})

test('an account whose listing is gone holds nothing: it is released and the application goes through', async () => {
  const { store, accounts, registration } = setUp()
  accounts.byEmail.set('editora@prueba.example', { password: 'old', listingId: `${ORIGIN}/orgs/gone` })
  expect(await registration.register(application(), 'applicant-1')).toMatchObject({ ok: true, value: { kind: 'registered' } })
  expect(accounts.byEmail.get('editora@prueba.example')?.listingId).toBe(`${ORIGIN}/orgs/cooperativa-de-prueba`)
  expect(store.listings.size).toBe(1)
})

test('invalid input: every error at once, each naming the rule it broke, and nothing written', async () => {
  const { store, accounts, registration } = setUp()
  const bad = application({ email: 'not-an-email', password: 'short', listing: { name: '', kind: 'bank', summaryMap: undefined, location: [{ latitude: 123, longitude: '' }] } })
  const checked = registration.check(bad)
  expect(checked.ok).toBe(false)
  const errors = checked.ok ? [] : checked.error
  expect(errors.map((e) => [e.field, ruleOf(e)?.keyword])).toEqual(expect.arrayContaining([
    ['name', 'minLength'], ['kind', 'enum'], ['location.0.latitude', 'maximum'], ['location.0.longitude', 'type'],
    ['summaryMap.es', 'mainSummary'], ['account.email', 'format'], ['account.password', 'minLength']
  ]))
  expect(await registration.register(bad, 'applicant-1')).toEqual({ ok: false, error: { kind: 'invalid', errors } })
  expect(store.listings.size).toBe(0)
  expect(accounts.byEmail.size).toBe(0)
})

test('the caps: a full queue, or an applicant with enough applications waiting, is refused before anything is written', async () => {
  const full = setUp({ maxPendingListings: 1, maxPendingPerClient: 5 })
  expect((await full.registration.register(application(), 'a')).ok).toBe(true)
  expect(await full.registration.register(application({ email: 'b@prueba.example' }), 'b')).toEqual({ ok: false, error: { kind: 'queue-full' } })

  const capped = setUp({ maxPendingListings: 10, maxPendingPerClient: 2 })
  for (const email of ['1@prueba.example', '2@prueba.example']) expect((await capped.registration.register(application({ email }), 'same')).ok).toBe(true)
  expect(await capped.registration.register(application({ email: '3@prueba.example' }), 'same')).toEqual({ ok: false, error: { kind: 'client-cap', count: 2 } })
  expect((await capped.registration.register(application({ email: '4@prueba.example' }), 'other')).ok).toBe(true)
  expect(capped.store.listings.size).toBe(3)
})

test('only the summary in the main language is required: Portuguese asks for the Portuguese one, never English', () => {
  const { registration } = setUp()
  const inPortuguese = (summaryMap: Record<string, string> | undefined) => registration.check(application({ listing: { defaultLanguage: 'pt', summaryMap } }))
  const fields = (r: ReturnType<typeof inPortuguese>) => (r.ok ? [] : r.error.map((e) => e.field))
  expect(fields(inPortuguese(undefined))).toEqual(['summaryMap.pt'])
  expect(fields(inPortuguese({ en: '<p>Web hosting.</p>' }))).toEqual(['summaryMap.pt']) // another language does not stand in for it
  expect(inPortuguese({ pt: '<p>Hospedagem.</p>' }).ok).toBe(true) // and no other language is asked for
  expect(fields(registration.check(application({ listing: { defaultLanguage: undefined, summaryMap: { es: '<p>x</p>' } } })))).toEqual(['summaryMap.en']) // the schema's default
})
