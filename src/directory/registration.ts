/**
 * Registration: a co-op lists itself. Its application — the listing as it
 * describes itself and the email and password of the account that will
 * edit it — is checked whole, every error returned at once. Within the caps
 * on applications waiting for review, it then becomes a pending listing
 * under a free slug, with its editor account. Nothing is written unless all
 * of it is valid, and an application that cannot complete leaves nothing.
 */
import type { EditorAccounts } from './editor-accounts'
import { looksLikeEmail, MIN_PASSWORD } from './editor-accounts'
import type { Listing, ListingInput } from './listing'
import type { ListingService } from './listing-service'
import type { ListingStore } from './listing-store'
import { ok, err, type DirectoryFailure, type FieldError, type Result } from './result'
import { validateListing, withRule } from './validate'
import { hashPassword } from './passwords'

/** What someone applying sends. */
export interface Application {
  /** The listing as the applicant describes it; its slug is chosen here, from its name. */
  listing: Record<string, unknown>
  /** The editor account's email and password. */
  email: string
  password: string
}

/** How many applications may wait for review (MAX_PENDING_LISTINGS, MAX_PENDING_PER_CLIENT). */
export interface PendingLimits {
  maxPendingListings: number
  maxPendingPerClient: number
}

/**
 * An application checked and within the caps, ready to become a pending
 * listing (`complete`): the listing under its slug and the account, the
 * password already hashed, so it can wait for the address to be confirmed
 * without the password being kept.
 */
export interface PreparedApplication {
  listing: Record<string, unknown>
  email: string
  passwordHash: string
  applicant: string
}

/** An application that went through: a pending listing, or — its email already has an account — nothing, told the same way. */
export type RegistrationOutcome =
  | { kind: 'registered'; listing: Listing }
  /** An account holds the email (`held`: before, `taken`: meanwhile); nothing of the application was kept. */
  | { kind: 'discarded'; reason: 'email-held' | 'email-taken' }

/** Why an application was not taken. */
export type RegistrationFailure =
  | { kind: 'invalid'; errors: FieldError[] }
  /** The instance's queue of applications is full. */
  | { kind: 'queue-full' }
  /** This applicant already has `count` applications waiting. */
  | { kind: 'client-cap'; count: number }
  /** Every numbered slug of the name is taken. */
  | { kind: 'no-free-slug' }
  /** The listing service refused the listing for another reason. */
  | { kind: 'not-created'; cause: DirectoryFailure }

/** What registration works with: the listings, the store for the caps, the editor accounts, and the caps. */
export interface RegistrationDeps {
  listings: Pick<ListingService, 'create' | 'delete'>
  store: Pick<ListingStore, 'byId' | 'count'>
  accounts: Pick<EditorAccounts, 'listingsOf' | 'listingOf' | 'release' | 'create' | 'check'>
  /** This instance's origin: its pending listings are the ones counted. */
  origin: string
  limits: PendingLimits
}

/** How many numbered slugs ("name-2" … "name-50") are tried before giving up. */
const SLUG_TRIES = 50
/** Slugs are cut to this length, so a number still fits within the schema's 64 characters. */
const SLUG_BASE = 56

// Runs of '-' are single by the time they are trimmed: `-+$` would be quadratic on a long run.
/** The slug a name gives: lower-case ASCII letters and digits, other runs as one '-'; "co-op" when nothing is left. */
export const slugify = (name: string): string =>
  name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, SLUG_BASE).replace(/-$/, '') || 'co-op'

/** The rule broken by an application without a summary in its main language. */
export const MAIN_SUMMARY = 'mainSummary'

/** An application's main language: its defaultLanguage, or the schema's default, English. */
const mainLanguage = (listing: Record<string, unknown>): string =>
  typeof listing.defaultLanguage === 'string' && listing.defaultLanguage !== '' ? listing.defaultLanguage : 'en'

/**
 * Whether the listing says what it does in its main language: a summary in
 * that language (the plain `summary` is the main language's by the schema).
 * Other languages are optional: a co-op writing in Portuguese is never
 * asked for an English summary first.
 */
function hasSummaryIn(listing: Record<string, unknown>, lang: string): boolean {
  const map = listing.summaryMap
  const inMap = map && typeof map === 'object' ? (map as Record<string, unknown>)[lang] : undefined
  return (typeof inMap === 'string' && inMap.trim() !== '') || (typeof listing.summary === 'string' && listing.summary.trim() !== '')
}

export class Registration {
  constructor(private readonly deps: RegistrationDeps) {}

  /** Every error of the application at once (schema, the summary in its main language, account); writes nothing. */
  check(application: Application): Result<ListingInput, FieldError[]> {
    const errors: FieldError[] = []
    const checked = validateListing(this.withSlug(application.listing))
    if (!checked.ok) errors.push(...checked.error)
    const main = mainLanguage(application.listing)
    if (!hasSummaryIn(application.listing, main)) {
      errors.push(withRule({ field: `summaryMap.${main}`, message: `is required: the summary in the listing's main language (${main})` }, { keyword: MAIN_SUMMARY, params: { language: main } }))
    }
    if (!looksLikeEmail(application.email)) {
      errors.push(withRule({ field: 'account.email', message: 'must match format "email"' }, { keyword: 'format', params: { format: 'email' } }))
    }
    if (application.password.length < MIN_PASSWORD) {
      errors.push(withRule({ field: 'account.password', message: `must NOT have fewer than ${MIN_PASSWORD} characters` }, { keyword: 'minLength', params: { limit: MIN_PASSWORD } }))
    }
    return errors.length || !checked.ok ? err(errors) : ok(checked.value)
  }

  /**
   * Takes the application of `applicant` (EditorAccounts.applicantOf of the
   * client): a pending listing and its account, unless the caps refuse it.
   * An email that already has an account gets the same answer as a new one
   * and changes nothing, so the answer never tells who has an account.
   */
  async register(application: Application, applicant: string): Promise<Result<RegistrationOutcome, RegistrationFailure>> {
    const prepared = await this.prepare(application, applicant)
    if (!prepared.ok || prepared.value.kind === 'discarded') return prepared as Result<RegistrationOutcome, RegistrationFailure>
    return this.complete(prepared.value.application)
  }

  /**
   * Checks an application and the caps, and hashes its password: what
   * `complete` then turns into a pending listing, at once or once the
   * address is confirmed. An email that has an account is discarded here,
   * after the same scrypt work, so the answer and its timing tell nothing.
   */
  async prepare(application: Application, applicant: string): Promise<Result<{ kind: 'prepared'; application: PreparedApplication } | { kind: 'discarded'; reason: 'email-held' }, RegistrationFailure>> {
    const checked = this.check(application)
    if (!checked.ok) return err({ kind: 'invalid', errors: checked.error })
    const refusal = await this.queueRefusal(applicant)
    if (refusal) return err(refusal)
    const { email, password } = application
    if (await this.emailIsHeld(email)) {
      await this.deps.accounts.check(email, password) // the account is left as it was
      return ok({ kind: 'discarded', reason: 'email-held' })
    }
    return ok({ kind: 'prepared', application: { listing: this.withSlug(application.listing), email, passwordHash: await hashPassword(password), applicant } })
  }

  /** A prepared application as a pending listing and its account; the caps are checked again (the queue may have filled meanwhile). */
  async complete(prepared: PreparedApplication): Promise<Result<RegistrationOutcome, RegistrationFailure>> {
    const refusal = await this.queueRefusal(prepared.applicant)
    if (refusal) return err(refusal)
    if (await this.emailIsHeld(prepared.email)) return ok({ kind: 'discarded', reason: 'email-held' })
    const created = await this.createPending(prepared.listing)
    if (!created.ok) return created
    if (!(await this.deps.accounts.create(prepared.email, { hash: prepared.passwordHash }, created.value.id, prepared.applicant))) {
      await this.deps.listings.delete(created.value.slug) // the email was taken meanwhile: leave nothing half-written
      return ok({ kind: 'discarded', reason: 'email-taken' })
    }
    return ok({ kind: 'registered', listing: created.value })
  }

  /** The listing under the slug of its name (whatever slug it came with). */
  private withSlug(listing: Record<string, unknown>): Record<string, unknown> {
    const { slug: _given, ...rest } = listing
    return { slug: slugify(typeof rest.name === 'string' ? rest.name : ''), ...rest }
  }

  /** Why one more application from this applicant may not join the queue, or null when it may. */
  private async queueRefusal(applicant: string): Promise<RegistrationFailure | null> {
    const { store, accounts, limits, origin } = this.deps
    const total = await store.count({ origin, moderation: 'pending' })
    if (total >= limits.maxPendingListings) return { kind: 'queue-full' }
    let pending = 0
    for (const id of await accounts.listingsOf(applicant)) if ((await store.byId(id))?.moderation === 'pending') pending++
    return pending >= limits.maxPendingPerClient ? { kind: 'client-cap', count: pending } : null
  }

  /**
   * True when an account has this email and its listing still exists. An
   * account whose listing was deleted holds nothing: it is released, so the
   * owner of the address can apply again instead of being turned away forever.
   */
  private async emailIsHeld(email: string): Promise<boolean> {
    const listingId = await this.deps.accounts.listingOf(email)
    if (!listingId) return false
    if (await this.deps.store.byId(listingId)) return true
    await this.deps.accounts.release(email, listingId)
    return false
  }

  /** A pending listing under a free slug: the name's, else the name's with a number. */
  private async createPending(listing: Record<string, unknown>): Promise<Result<Listing, RegistrationFailure>> {
    const base = String(listing.slug)
    for (let n = 1; n <= SLUG_TRIES; n++) {
      const slug = n === 1 ? base : `${base.slice(0, SLUG_BASE)}-${n}`
      const result = await this.deps.listings.create({ ...listing, slug }, 'pending')
      if (result.ok) return result
      if (result.error.kind !== 'conflict') return err({ kind: 'not-created', cause: result.error })
    }
    return err({ kind: 'no-free-slug' })
  }
}
