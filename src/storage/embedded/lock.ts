/**
 * One process at a time owns an embedded DATA_DIR. A second server, or the
 * seed command while a server runs, is refused with a clear message instead
 * of sharing (and risking) the files.
 *
 * The lock is an advisory flock(2) on `tejido.lock`, held through an open file
 * descriptor for as long as the store is open. The kernel releases it when the
 * process dies in any way (kill -9, OOM kill), so a stale lock cannot exist, and
 * it is respected whatever the holder's pid or hostname (another container
 * sharing the volume, another PID namespace where both are pid 1). The pid and
 * host written into the file are only shown in the message; they never decide.
 */
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'
import { flockSync } from 'fs-ext'

/** What the holder wrote into the lock file: for people, not for the decision. */
export interface LockHolder { pid?: number; host?: string; since?: string }

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly holder: LockHolder) {
    super(
      `The data directory ${dir} is in use by another Tejido process${describe(holder)}. ` +
      'The embedded store belongs to one process at a time: stop that process first, ' +
      'or point DATA_DIR elsewhere.'
    )
    this.name = 'DataDirLockedError'
  }
}

function describe(holder: LockHolder): string {
  const parts = [
    holder.pid !== undefined ? `pid ${holder.pid}` : '',
    holder.host ? `on host ${holder.host}` : '',
    holder.since ? `since ${holder.since}` : ''
  ].filter(Boolean)
  return parts.length ? ` (it recorded ${parts.join(' ')})` : ''
}

function readHolder(file: string): LockHolder {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>
    return {
      pid: typeof raw.pid === 'number' ? raw.pid : undefined,
      host: typeof raw.host === 'string' ? raw.host : undefined,
      since: typeof raw.since === 'string' ? raw.since : undefined
    }
  } catch {
    return {} // empty or being rewritten: the lock itself is what counts
  }
}

export interface DirLock { release(): void }

/** Takes the DATA_DIR lock or throws DataDirLockedError; hold the result until the store closes. */
export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'tejido.lock')
  // Never unlinked: removing a locked file would let a later process lock a new
  // inode at the same path while another still holds the old one.
  const fd = fs.openSync(file, fs.constants.O_RDWR | fs.constants.O_CREAT, 0o644)
  try {
    flockSync(fd, 'exnb')
  } catch (err) {
    fs.closeSync(fd)
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EAGAIN' || code === 'EWOULDBLOCK') throw new DataDirLockedError(dir, readHolder(file))
    throw new Error(`Could not lock the data directory ${dir} (${code ?? String(err)}); its file system must support flock`, { cause: err })
  }
  const mine: LockHolder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() }
  try {
    fs.ftruncateSync(fd, 0)
    fs.writeSync(fd, JSON.stringify(mine), 0)
  } catch {
    // Only information for a refused process (the disk may be full): the lock is held.
  }
  let held = true
  return {
    release: () => {
      if (!held) return
      held = false
      // Closing the descriptor drops the flock; unlock first anyway in case
      // the descriptor was duplicated.
      try {
        flockSync(fd, 'un')
      } finally {
        fs.closeSync(fd)
      }
    }
  }
}
