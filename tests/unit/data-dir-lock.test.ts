/**
 * The DATA_DIR lock is an OS lock held by a live process, not a pid file: what
 * a dead process left in the file never refuses (even when its recorded pid is
 * ours, as for pid 1 in Docker after kill -9), and a live holder always does.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { lockDataDir, DataDirLockedError } from '../../src/storage/embedded/lock'

const ROOT = path.resolve(__dirname, '..', '..')
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-lock-'))
const leaveLockFile = (dir: string, holder: object) => fs.writeFileSync(path.join(dir, 'tejido.lock'), JSON.stringify(holder))

/** A child process that takes the lock and keeps it; resolves once it holds it. */
async function holdInChild(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/hold-lock.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => { out += d.toString(); if (out.includes('held')) resolve() })
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()))
    child.once('exit', (code) => reject(new Error(`lock holder exited (${code}) before holding the lock:\n${out}`)))
  })
  return child
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGKILL')
  await exited
}

describe('lockDataDir', () => {
  const dirs: string[] = []
  const dir = () => { const d = tmp(); dirs.push(d); return d }
  afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))

  test('a lock file left by a dead process that recorded our own pid is not a refusal (pid 1 in Docker)', () => {
    const d = dir()
    leaveLockFile(d, { pid: process.pid, host: os.hostname(), since: '2020-01-01T00:00:00.000Z' })
    const lock = lockDataDir(d)
    lock.release()
  })

  test('a lock file recorded on another host with no live holder is taken, and then records us', () => {
    const d = dir()
    leaveLockFile(d, { pid: 4242, host: 'some-other-container' })
    const lock = lockDataDir(d)
    try {
      expect(JSON.parse(fs.readFileSync(path.join(d, 'tejido.lock'), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() })
    } finally {
      lock.release()
    }
  })

  test('a live holder in another process refuses, naming the dir, what to do and who holds it; its death frees the lock', async () => {
    const d = dir()
    const child = await holdInChild(d)
    try {
      let error: unknown
      try {
        lockDataDir(d).release()
      } catch (e) {
        error = e
      }
      expect(error).toBeInstanceOf(DataDirLockedError)
      const message = (error as Error).message
      expect(message).toContain(d)
      expect(message).toContain('one process at a time')
      expect(message).toContain('stop that process first')
      expect(message).toContain(`pid ${child.pid}`)
    } finally {
      await kill(child)
    }
    // Killed with SIGKILL: the kernel released its lock, and its pid file content does not matter.
    const lock = lockDataDir(d)
    lock.release()
  }, 30000)

  test('inside one process a second lock on the same dir is refused until the first is released', () => {
    const d = dir()
    const first = lockDataDir(d)
    expect(() => lockDataDir(d)).toThrow(DataDirLockedError)
    first.release()
    first.release() // idempotent
    lockDataDir(d).release()
  })
})
