/**
 * Single-use, expiring links mailed to an editor: a forgotten password's
 * reset (to the account's address, valid an hour) and the confirmation of a
 * new address (to that new address, valid a day). This is the port and its
 * rules; storage/editor-token-store.ts keeps only the SHA-256 of each token,
 * so a copy of the store opens no account.
 */

export type EditorTokenPurpose = 'password-reset' | 'email-change'

/** How long a link works, by purpose. */
export const TOKEN_LIFETIME_MS: Readonly<Record<EditorTokenPurpose, number>> = Object.freeze({
  'password-reset': 3_600_000,
  'email-change': 24 * 3_600_000
})

/** At most this many reset links live for one account: the rate limit is per client, this is per address (no mail flood). */
export const MAX_LIVE_RESETS = 3

/** What a token stands for: whose account (its address when the link was made) and, for a change, the new address. */
export interface EditorTokenGrant {
  purpose: EditorTokenPurpose
  email: string
  listingId: string
  newEmail?: string
}

/** The links of editor accounts. `now` is milliseconds since the epoch: the caller's clock, so tests move it. */
export interface EditorTokens {
  init(): Promise<void>
  /** Keeps the grant and answers the token to mail (never stored as such). */
  issue(grant: EditorTokenGrant, now: number): Promise<string>
  /** The grant while the token is live, without using it (the page a link opens); null for unknown, used or expired. */
  peek(token: string, purpose: EditorTokenPurpose, now: number): Promise<EditorTokenGrant | null>
  /** The grant, the token burnt in the same step; null for unknown, used or expired. */
  take(token: string, purpose: EditorTokenPurpose, now: number): Promise<EditorTokenGrant | null>
  /** How many live tokens of this purpose an account has. */
  live(email: string, purpose: EditorTokenPurpose, now: number): Promise<number>
  /** Burns every token of an account (a new password, a new address): old links stop working. */
  revokeFor(email: string): Promise<void>
  /** Burns every token of a listing's accounts (the listing is deleted). */
  revokeForListing(listingId: string): Promise<void>
}
