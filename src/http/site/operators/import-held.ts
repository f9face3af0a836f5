/**
 * The files the import page has checked and waits to import, so that
 * "Import it" imports the same bytes without a second upload. Kept in this
 * process's memory, never on disk: a file is at most MAX_HELD_BYTES, at
 * most MAX_HELD files wait at once (about 64 MB in all), each for HELD_MS;
 * each is bound to the operator session that sent it (the CSRF token of
 * that browser and session), taken once, and replaced by the next file that
 * session checks (so checking a file again and again holds one). Several app processes behind a
 * load balancer would need sticky sessions for the confirm to find its
 * file; when it does not, the page says so and the operator chooses the
 * file again — nothing is half-imported either way.
 */
import crypto from 'node:crypto'
import { sameSecret } from '../../auth'
import type { ImportFormat } from '../../../exchange/import-readers'
import type { FileEncoding } from '../../../exchange/decode'
import type { ModerationState } from '../../../directory/listing'

export const MAX_HELD_BYTES = 16 * 1024 * 1024
export const MAX_HELD = 4
export const HELD_MS = 30 * 60 * 1000

/** What the operator chose for a file, and the file. */
export interface HeldImport {
  fileName: string
  bytes: Buffer
  format: ImportFormat
  encoding: FileEncoding
  onConflict: 'update' | 'skip'
  moderation: ModerationState
}

interface Entry { held: HeldImport; owner: string; expires: number }

export class HeldImports {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly now: () => number = Date.now) {}

  private sweep(): void {
    const now = this.now()
    for (const [id, entry] of this.entries) if (entry.expires <= now) this.entries.delete(id)
  }

  /** Keeps a checked file for its owner, in place of any it held before (one per session); undefined when MAX_HELD other files already wait. */
  hold(held: HeldImport, owner: string): string | undefined {
    this.sweep()
    for (const [id, entry] of this.entries) if (sameSecret(owner, entry.owner)) this.entries.delete(id)
    if (this.entries.size >= MAX_HELD) return undefined
    const id = crypto.randomBytes(18).toString('base64url')
    this.entries.set(id, { held, owner, expires: this.now() + HELD_MS })
    return id
  }

  /** The file held under `id` for `owner`, removed so it is imported once; undefined if none (another owner's, expired, or taken). */
  take(id: string, owner: string): HeldImport | undefined {
    this.sweep()
    const entry = this.entries.get(id)
    if (!entry || !sameSecret(owner, entry.owner)) return undefined
    this.entries.delete(id)
    return entry.held
  }

  /** How many files wait (for tests and the page). */
  get size(): number {
    this.sweep()
    return this.entries.size
  }
}
