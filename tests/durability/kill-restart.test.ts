/**
 * A server killed with SIGKILL in the middle of 1,000 API writes loses none
 * that it acknowledged, and its store opens again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'
import { writeThenKill } from '../support/writes-then-kill'

const TOKEN = 'durability-token-0123456789'
const TOTAL = 1000
const KILL_AFTER_ACKS = 400
const CONCURRENCY = 8

const listing = (i: number) => ({
  slug: `durable-${i}`, name: `Durable ${i}`, kind: 'collective', services: ['web-hosting'],
  location: [{ latitude: (i % 180) - 89.5, longitude: (i % 360) - 179.5 }], size: i + 1
})

describe('kill -9 during writes', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-kill-'))
  let server: ServerProcess | undefined
  afterAll(async () => {
    await stopServer(server, 'SIGKILL')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('every acknowledged write survives', async () => {
    const port = await freePort()
    const env = { DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN, PUBLIC_URL: `http://127.0.0.1:${port}` }
    server = startServer(env, port)
    await waitReady(server)
    const first = server

    const { acknowledged, killed } = await writeThenKill({
      url: first.url, token: TOKEN, total: TOTAL, killAfterAcks: KILL_AFTER_ACKS, concurrency: CONCURRENCY, listing,
      kill: () => first.child.kill('SIGKILL')
    })
    expect(killed).toBe(true)
    expect(await first.exited).toBeNull() // killed by signal, not a clean exit
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS)
    expect(acknowledged.length).toBeLessThan(TOTAL)

    server = startServer(env, port)
    await waitReady(server)
    const stored = new Map<string, number>()
    for (let page = 1; ; page++) {
      const res = await fetch(`${server.url}/api/listings?perPage=100&page=${page}`, { headers: { authorization: `Bearer ${TOKEN}` } })
      const body = (await res.json()) as { items: Array<{ slug: string; size: number }> }
      for (const item of body.items) stored.set(item.slug, item.size)
      if (body.items.length < 100) break
    }
    const lost = acknowledged.filter((i) => stored.get(`durable-${i}`) !== i + 1)
    expect(lost).toEqual([])
    // Nothing half-written: every stored listing is whole and readable as an actor.
    const sample = acknowledged[acknowledged.length - 1] as number
    const actor = await fetch(`${server.url}/orgs/durable-${sample}`, { headers: { accept: 'application/activity+json' } })
    expect(actor.status).toBe(200)
    expect(((await actor.json()) as { location: Array<{ latitude: number }> }).location[0]?.latitude).toBe((sample % 180) - 89.5)
  }, 120000)
})
