/**
 * Listing-editor accounts: an email, a password hash (passwords.ts) and the
 * listing it may edit. This is the port and its rules; the collection-backed
 * implementation is storage/editor-account-store.ts.
 */

export interface EditorAccount {
  email: string
  passwordHash: string
  listingId: string
  created: Date
  /** Who applied with /join: a keyed hash of the client's address (IPv6 by /64), never the address itself. */
  applicant?: string
}

export const MIN_PASSWORD = 10
/** The longest email address SMTP allows (RFC 5321: a 254-character path). */
export const MAX_EMAIL = 254
/** Longer passwords are refused: scrypt should never be fed megabytes. */
export const MAX_PASSWORD = 1024

/** Emails are compared as typed, without surrounding space and case-folded. */
export const normaliseEmail = (email: string): string => email.trim().toLowerCase()

const NO_SPACE_OR_AT = /^[^\s@]+$/

/**
 * One `@`, something on each side, a dot inside the domain, no white space.
 * Length first, then only anchored single-class patterns: linear time
 * whatever the input (`/^[^\s@]+@[^\s@]+\.[^\s@]+$/` was quadratic on
 * `a@` + many dots + `@`: 30 s for 199,000 dots).
 */
export function looksLikeEmail(email: string): boolean {
  if (email.length > MAX_EMAIL) return false
  const at = email.indexOf('@')
  if (at < 1 || at !== email.lastIndexOf('@')) return false
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  return NO_SPACE_OR_AT.test(local) && NO_SPACE_OR_AT.test(domain) && domain.slice(1, -1).includes('.')
}

/**
 * The editor accounts of an instance. Emails are normalised (normaliseEmail)
 * by every method, and one email has at most one account.
 */
export interface EditorAccounts {
  /** Prepares the store (indexes, the instance's applicant key); await before any other call. */
  init(): Promise<void>
  /**
   * A client's address (already reduced to its /64 for IPv6) as a keyed hash:
   * enough to count one client's applications across restarts, useless for
   * finding the address again (a plain hash of an IPv4 address is reversed
   * by trying all 2^32).
   */
  applicantOf(clientKey: string): string
  /** The listings an applicant applied for (any moderation state). */
  listingsOf(applicant: string): Promise<string[]>
  /** The listing the account with this email may edit, or null when no account has the email. */
  listingOf(email: string): Promise<string | null>
  /** Deletes the email's account if it still belongs to `listingId` (so a racing new account is never removed). */
  release(email: string, listingId: string): Promise<void>
  /**
   * Creates the account; false when the email is taken (also under a race).
   * The password in clear, or already hashed (`hashPassword`) when it was
   * kept while the applicant confirmed the address.
   */
  create(email: string, password: string | { hash: string }, listingId: string, applicant?: string): Promise<boolean>
  /** Removes the accounts that edit a listing (when the listing is gone). */
  removeFor(listingId: string): Promise<void>
  /** The account when the password is right, else null (same work either way). */
  check(email: string, password: string): Promise<EditorAccount | null>
  /**
   * The account that edits a listing (the one made with it; the oldest, should
   * there be several), or null. Editor sessions name the listing, not the
   * account, so this is how a signed-in editor's account is found.
   */
  ofListing(listingId: string): Promise<EditorAccount | null>
  /** Sets a new password (hashed here); false when no account has the email. */
  setPassword(email: string, password: string): Promise<boolean>
  /**
   * Moves the account of `listingId` from one email to another: 'gone' when
   * no such account (it changed or went meanwhile), 'taken' when the new email
   * already has an account (one email, one account).
   */
  changeEmail(from: string, to: string, listingId: string): Promise<'changed' | 'taken' | 'gone'>
}
