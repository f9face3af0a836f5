/**
 * Applications waiting for their address to be confirmed (when the instance
 * sends mail): a prepared application (its password already hashed) kept
 * under the hash of a random token that was mailed to the address. The link
 * is single-use and expires after CONFIRM_WITHIN_MS; only then does the
 * application join the moderation queue, so no one can list a co-op under a
 * stranger's address.
 */
import type { PreparedApplication } from './registration'

export const CONFIRM_WITHIN_MS = 48 * 3_600_000

export interface JoinConfirmations {
  init(): Promise<void>
  /** Keeps the application; answers the token to mail (never stored as such). */
  hold(application: PreparedApplication, now: number): Promise<string>
  /** The application the token stands for, removed in the same step; null for an unknown, used or expired token. */
  take(token: string, now: number): Promise<PreparedApplication | null>
}
