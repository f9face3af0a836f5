/**
 * A full disk does not crash the server: with DATA_DIR on a small tmpfs,
 * writes that cannot be committed get 507, reads still answer, the process
 * stays up, writes succeed again once space is freed, and every acknowledged
 * write is there after a restart. Needs mount(8) (root); skipped otherwise.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'

const TOKEN = 'disk-full-token-0123456789'
const MAX_WRITES = 4000
const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-full-'))

function mountUnavailable(): string | null {
  const probe = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=6m', 'tmpfs', mountPoint], { encoding: 'utf8' })
  if (probe.error) return `mount could not run (${probe.error.message})`
  if (probe.status !== 0) return `mounting a tmpfs is not permitted here (${probe.stderr.trim() || `exit ${probe.status}`})`
  return null
}

const skipReason = mountUnavailable()
// Jest hides console output of fully skipped suites; stderr is shown.
if (skipReason) process.stderr.write(`Disk-full durability test SKIPPED: ${skipReason}.\n`)

const listing = (i: number) => ({
  slug: `full-${i}`, name: `Full disk ${i}`, kind: 'collective', services: ['web-hosting'],
  summary: `A listing written to fill the disk, number ${i}. `.repeat(20),
  location: [{ latitude: 1, longitude: 2 }], size: i + 1
})

const post = (url: string, i: number) => fetch(`${url}/api/listings`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
  body: JSON.stringify(listing(i))
})

;(skipReason ? describe.skip : describe)('a full disk under DATA_DIR', () => {
  const dataDir = path.join(mountPoint, 'data')
  let server: ServerProcess | undefined
  afterAll(async () => {
    await stopServer(server, 'SIGKILL')
    spawnSync('umount', [mountPoint])
    fs.rmSync(mountPoint, { recursive: true, force: true })
  })

  test('writes get 507, reads and the process go on, and after freeing space writes succeed and nothing acknowledged is lost', async () => {
    const port = await freePort()
    const env = { DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, PUBLIC_URL: `http://127.0.0.1:${port}` }
    server = startServer(env, port)
    await waitReady(server)
    const running = server

    const acknowledged: number[] = []
    let refused: Response | undefined
    let i = 0
    for (; i < MAX_WRITES && !refused; i++) {
      const res = await post(running.url, i)
      if (res.status === 201) acknowledged.push(i)
      else if (res.status === 507) refused = res
      else throw new Error(`write ${i}: unexpected ${res.status}: ${await res.text()}`)
    }
    expect(refused?.status).toBe(507)
    expect(refused?.headers.get('content-type')).toContain('application/problem+json')
    expect(((await refused?.json()) as { detail: string }).detail).toContain('no room left')
    const failedAt = i - 1
    expect(acknowledged.length).toBeGreaterThan(10)

    // The refused write left nothing behind, and reads are served.
    expect((await fetch(`${running.url}/api/listings/full-${failedAt}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(404)
    const last = acknowledged[acknowledged.length - 1] as number
    const read = await fetch(`${running.url}/api/listings/full-${last}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    expect(read.status).toBe(200)
    expect((await fetch(`${running.url}/healthz`)).status).toBe(200)
    expect(running.child.exitCode).toBeNull()

    // Free space: writes go through again.
    expect(spawnSync('mount', ['-o', 'remount,size=64m', mountPoint]).status).toBe(0)
    for (const n of [failedAt, MAX_WRITES, MAX_WRITES + 1]) {
      const again = await post(running.url, n)
      expect({ status: again.status, body: await again.text() }).toMatchObject({ status: 201 })
      acknowledged.push(n)
    }
    expect(running.child.exitCode).toBeNull()
    expect(running.output()).not.toMatch(/unhandled/i)

    await stopServer(running)
    server = startServer(env, port)
    await waitReady(server)
    const missing: number[] = []
    for (const n of acknowledged) {
      const res = await fetch(`${server.url}/api/listings/full-${n}`, { headers: { authorization: `Bearer ${TOKEN}` } })
      if (res.status !== 200 || ((await res.json()) as { size: number }).size !== n + 1) missing.push(n)
    }
    expect(missing).toEqual([])
  }, 180000)
})
