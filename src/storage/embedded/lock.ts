/**
 * One process at a time owns an embedded DATA_DIR. A second server, or the
 * seed command while a server runs, is refused with a clear message instead
 * of sharing (and risking) the files. The lock records the owner's pid; a lock
 * left by a process that no longer runs (after kill -9) is taken over.
 */
import fs from 'node:fs'
import path from 'node:path'
import os from 'node:os'

export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(
      `The data directory ${dir} is in use by another Tejido process (pid ${pid}). ` +
      'The embedded store belongs to one process at a time: stop that process first ' +
      '(or run this command through its HTTP API), or point DATA_DIR elsewhere.'
    )
    this.name = 'DataDirLockedError'
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export interface DirLock { release(): void }

export function lockDataDir(dir: string): DirLock {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'tejido.lock')
  const mine = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() })
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, mine, { flag: 'wx' })
      return {
        release: () => {
          try {
            const owner = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: number }
            if (owner.pid === process.pid) fs.unlinkSync(file)
          } catch {
            // already gone: nothing to release
          }
        }
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
    }
    let owner: { pid?: number; host?: string } = {}
    try {
      owner = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof owner
    } catch {
      // unreadable or half-written lock: treat as stale
    }
    const pid = typeof owner.pid === 'number' ? owner.pid : -1
    if (pid > 0 && pid !== process.pid && (owner.host === undefined || owner.host === os.hostname()) && isAlive(pid)) {
      throw new DataDirLockedError(dir, pid)
    }
    if (pid === process.pid) throw new DataDirLockedError(dir, pid)
    fs.rmSync(file, { force: true })
  }
  throw new Error(`Could not lock the data directory ${dir}`)
}
