/**
 * Several Tejido instances, each its own process on a loopback port with its
 * own embedded store (apex keeps delivery state per process), plus helpers to
 * peer them and wait for conditions — never for time.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'
import { waitFor } from '../support/wait'

export const TOKEN = 'federation-test-token-0123456789'

export interface Instance {
  name: string
  url: string
  dataDir: string
  port: number
  server: ServerProcess
  env: Record<string, string>
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
}

/** Spawns an instance as its own process on a loopback port; `env` may fix its DATA_DIR, and `port` its port (else free ones). */
export async function spawnInstance(name: string, env: Record<string, string> = {}, port?: number): Promise<Instance> {
  port ??= await freePort()
  const url = `http://127.0.0.1:${port}`
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), `tejido-fed-${name}-`))
  const fullEnv = { PUBLIC_URL: url, DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, ALLOW_PRIVATE_ADDRESSES: '127.0.0.1', INSTANCE_NAME: `Instance ${name}`, ...env }
  const server = startServer(fullEnv, port)
  await waitReady(server)
  const instance: Instance = {
    name, url, dataDir, port, server, env: fullEnv,
    api: async (method, p, body) => {
      const res = await fetch(`${url}${p}`, {
        method,
        headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      const text = await res.text()
      return { status: res.status, body: (text ? JSON.parse(text) : undefined) as never }
    }
  }
  return instance
}

/** Stops an instance's process (SIGTERM, or SIGKILL to simulate a crash). */
export function stopInstance(inst: Instance, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  return stopServer(inst.server, signal)
}

/** Starts the same instance again, on its port and data. */
export async function restartInstance(inst: Instance): Promise<void> {
  inst.server = startServer(inst.env, inst.port)
  await waitReady(inst.server)
}

export async function removeInstance(inst: Instance, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  await stopInstance(inst, signal)
  fs.rmSync(inst.dataDir, { recursive: true, force: true })
}

interface PeerJson { id: string; origin: string; outbound: { state: string }; inbound: { state: string }; sync: { mirrored: number; lastFullSync?: string }; deliveries: { queued: number } }

export async function peerOf(inst: Instance, origin: string): Promise<PeerJson | undefined> {
  const res = await inst.api<{ items?: PeerJson[] }>('GET', '/api/peers')
  if (!res.body.items) throw new Error(`GET /api/peers on ${inst.name} answered ${res.status}: ${JSON.stringify(res.body)}\n${inst.server.output().slice(-3000)}`)
  return res.body.items.find((p) => p.origin === origin)
}

/** `follower` follows `followed`, and `followed` approves. Resolves once accepted. */
export async function follow(follower: Instance, followed: Instance): Promise<void> {
  const res = await follower.api('POST', '/api/peers', { url: followed.url })
  if (res.status !== 201) throw new Error(`follow failed: ${res.status} ${JSON.stringify(res.body)}`)
  const request = await waitFor(async () => {
    const p = await peerOf(followed, follower.url)
    return p?.inbound.state === 'pending' && p
  }, `${followed.name} to receive ${follower.name}'s follow`)
  const approved = await followed.api('POST', `/api/peers/${request.id}/approve`)
  if (approved.status !== 200) throw new Error(`approve failed: ${approved.status}`)
  await waitFor(async () => (await peerOf(follower, followed.url))?.outbound.state === 'accepted', `${follower.name}'s follow of ${followed.name} to be accepted`)
}

export async function mirrorCount(inst: Instance, origin: string): Promise<number> {
  const res = await inst.api<{ total: number }>('GET', `/api/listings?origin=${encodeURIComponent(origin)}&perPage=1`)
  return res.body.total
}

export async function waitMirrors(inst: Instance, origin: string, count: number, timeoutMs = 60000): Promise<void> {
  await waitFor(async () => (await mirrorCount(inst, origin)) === count, `${inst.name} to mirror ${count} listings of ${origin}`, timeoutMs, 100)
}

/** Resolves when the instance has no deliveries waiting. */
export async function drained(inst: Instance, timeoutMs = 60000): Promise<void> {
  await waitFor(async () => {
    const { body } = await inst.api<{ items: PeerJson[] }>('GET', '/api/peers')
    return body.items.every((p) => p.deliveries.queued === 0)
  }, `${inst.name}'s delivery queue to drain`, timeoutMs, 100)
}

export const listing = (slug: string, extra: Record<string, unknown> = {}) => ({
  slug, name: `Co-op ${slug}`, kind: 'worker-coop', services: ['web-hosting'], languages: ['es'],
  location: [{ name: 'Office', latitude: 17.06, longitude: -96.72 }], ...extra
})
