/**
 * Docker runs node as PID 1. A server killed with SIGKILL as PID 1 of its own
 * PID namespace starts again in a new one (where it is PID 1 again) on the
 * same DATA_DIR, and loses nothing it acknowledged; while it runs, a second
 * server under another hostname (another container on a shared volume) is
 * refused. Needs unshare(1) with PID/UTS namespaces (root); skipped otherwise.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'
import { writeThenKill } from '../support/writes-then-kill'

const TOKEN = 'namespace-token-0123456789'
const TOTAL = 300
const KILL_AFTER_ACKS = 80
const CONCURRENCY = 4
/** Each server is PID 1 of a fresh PID namespace; --kill-child takes it down if the launcher dies. */
const PID_NAMESPACE = ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child']
/** Another container: another hostname, and PID 1 of its own namespace too. */
const OTHER_CONTAINER = ['unshare', '--uts', '--pid', '--fork', '--mount-proc', '--kill-child', 'sh', '-c', 'hostname other-container && exec "$0" "$@"']
/** Another hostname only, so the server's pid is not 1 (a pid file would be taken over as another host's). */
const OTHER_HOST = ['unshare', '--uts', 'sh', '-c', 'hostname other-host && exec "$0" "$@"']

function unshareUnavailable(): string | null {
  const probe = spawnSync('unshare', ['--uts', '--pid', '--fork', '--mount-proc', 'sh', '-c', 'hostname probe'], { encoding: 'utf8' })
  if (probe.error) return `unshare could not run (${probe.error.message})`
  if (probe.status !== 0) return `unshare is not permitted here (${probe.stderr.trim() || `exit ${probe.status}`})`
  return null
}

const skipReason = unshareUnavailable()
// Jest hides console output of fully skipped suites; stderr is shown.
if (skipReason) process.stderr.write(`PID-namespace durability test SKIPPED: ${skipReason}.\n`)

const listing = (i: number) => ({
  slug: `pid-one-${i}`, name: `PID one ${i}`, kind: 'collective', services: ['web-hosting'],
  location: [{ latitude: 10, longitude: 20 }], size: i + 1
})

/** The host-side pid of the namespace's PID 1: the launcher's only child. */
function namespaceInit(server: ServerProcess): number {
  const launcher = server.child.pid as number
  const children = fs.readFileSync(`/proc/${launcher}/task/${launcher}/children`, 'utf8').trim().split(/\s+/).filter(Boolean)
  if (children.length !== 1) throw new Error(`expected one child of unshare, found [${children.join(', ')}]`)
  return Number(children[0])
}

const lockHolder = (dataDir: string) => JSON.parse(fs.readFileSync(path.join(dataDir, 'tejido.lock'), 'utf8')) as { pid: number; host: string }

async function storedSizes(url: string): Promise<Map<string, number>> {
  const stored = new Map<string, number>()
  for (let page = 1; page <= 20; page++) {
    const res = await fetch(`${url}/api/listings?perPage=100&page=${page}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    const body = (await res.json()) as { items: Array<{ slug: string; size: number }> }
    for (const item of body.items) stored.set(item.slug, item.size)
    if (body.items.length < 100) break
  }
  return stored
}

;(skipReason ? describe.skip : describe)('PID 1 in its own PID namespace (as in Docker)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-pidns-'))
  const servers: ServerProcess[] = []
  const start = (env: Record<string, string>, port: number, wrap: string[]) => {
    const server = startServer(env, port, wrap)
    servers.push(server)
    return server
  }
  afterAll(async () => {
    for (const server of servers) await stopServer(server, 'SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('a second server under another hostname is refused; after SIGKILL of PID 1 the store opens again with every acknowledged write', async () => {
    const port = await freePort()
    const env = { DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, PUBLIC_URL: `http://127.0.0.1:${port}` }
    const first = start(env, port, PID_NAMESPACE)
    await waitReady(first)
    expect(lockHolder(dataDir).pid).toBe(1) // the situation of a container: the holder is PID 1

    // Another server on the same volume while the first one runs.
    for (const wrap of [OTHER_CONTAINER, OTHER_HOST]) {
      const otherPort = await freePort()
      const second = start({ ...env, PUBLIC_URL: `http://127.0.0.1:${otherPort}` }, otherPort, wrap)
      const outcome = await waitReady(second, 20000).then(() => 'started', async () => second.exited)
      expect({ outcome, output: second.output() }).toMatchObject({ outcome: 75 })
      expect(second.output()).toContain(`The data directory ${dataDir} is in use by another Tejido process`)
      expect(second.output()).toContain('one process at a time')
    }
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200)

    // Writes, then kill -9 of PID 1 from outside (docker kill, or the OOM killer) in their midst.
    const { acknowledged, killed } = await writeThenKill({
      url: first.url, token: TOKEN, total: TOTAL, killAfterAcks: KILL_AFTER_ACKS, concurrency: CONCURRENCY, listing,
      kill: () => process.kill(namespaceInit(first), 'SIGKILL')
    })
    expect(killed).toBe(true)
    await first.exited
    expect(lockHolder(dataDir).pid).toBe(1) // what the dead PID 1 left behind

    // A new container: a new PID namespace, where the new server is PID 1 again.
    const restarted = start(env, port, PID_NAMESPACE)
    await waitReady(restarted)
    const stored = await storedSizes(restarted.url)
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
    expect(acknowledged.filter((i) => stored.get(`pid-one-${i}`) !== i + 1)).toEqual([])
  }, 120000)
})
