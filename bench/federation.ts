/**
 * npm run bench:federation — on loopback, with real processes and real
 * signatures: backfill time for 10k listings, propagation latency from a
 * change on B to its mirror on A (p50/p95 over 200 changes), delivery
 * throughput to 10 followers, and apex's own delivery to the same followers
 * in the same run. Prints a table.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { spawnInstance, removeInstance, follow, waitMirrors, listing, TOKEN, type Instance } from '../tests/federation/harness'
import { fakePeer, type FakePeer } from '../tests/federation/fake-peer'
import { waitFor } from '../tests/support/wait'
import { freePort } from '../tests/support/process'
import { EmbeddedClient } from '../src/storage/embedded/client'
import { ActorKeys } from '../src/federation/keys'
import ActivitypubExpress from 'activitypub-express'
import ApexStore from 'activitypub-express/store'
import { createPrivateKey } from 'node:crypto'
import pino from 'pino'
import { DeliveryQueue } from '../src/federation/delivery/queue'
import { signRequestOffThread } from '../src/federation/signatures/http-signature'
import { parseAllowList } from '../src/federation/net/address-policy'
import type { FetchPolicy } from '../src/federation/net/safe-fetch'

const BACKFILL = Number(process.env.BENCH_BACKFILL ?? 10000)
const CHANGES = 200
const FOLLOWERS = 10
const ACTIVITIES = 100

const ROOT = path.resolve(__dirname, '..')
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number
const rows: Array<[string, string]> = []

function seed(dataDir: string, publicUrl: string, count: number): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'seed', '--count', String(count)], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PUBLIC_URL: publicUrl, LOG_LEVEL: 'warn' }, encoding: 'utf8'
  })
  if (run.status !== 0) throw new Error(run.stderr)
}

async function apexDelivery(followers: FakePeer[]): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-bench-apex-'))
  const client = await new EmbeddedClient(dir).connect()
  try {
    const db = client.db()
    const store = new ApexStore()
    store.db = db
    const port = await freePort()
    const apex = ActivitypubExpress({
      name: 'apex-bench', version: '1', baseUrl: `http://127.0.0.1:${port}`, actorParam: 'actor', objectParam: 'id',
      routes: { actor: '/u/:actor', object: '/o/:id', activity: '/s/:id', inbox: '/u/:actor/inbox', outbox: '/u/:actor/outbox', followers: '/u/:actor/followers', following: '/u/:actor/following', liked: '/u/:actor/liked', collections: '/u/:actor/c/:id', blocked: '/u/:actor/blocked', rejections: '/u/:actor/rejections', rejected: '/u/:actor/rejected', shares: '/s/:id/shares', likes: '/s/:id/likes' },
      store, logger: { info: () => undefined, warn: () => undefined, error: () => undefined }
    })
    await apex.store.setup()
    const keys = new ActorKeys(db)
    const key = await keys.ensure('bench')
    const actor = { id: `http://127.0.0.1:${port}/u/bench`, _meta: { privateKey: key.privateKeyPem } }
    const before = followers.map((f) => f.received.length)
    const start = process.hrtime.bigint()
    const queue = (apex as unknown as { queueForDelivery(a: object, act: object, to: string[]): Promise<void> })
    for (let i = 0; i < ACTIVITIES; i++) {
      await queue.queueForDelivery(actor, { id: `${actor.id}/s/${i}`, type: 'Create', actor: actor.id, object: { id: `${actor.id}/o/${i}`, type: 'Note' } }, followers.map((f) => `${f.url}/actor/inbox`))
    }
    await waitFor(() => followers.every((f, i) => f.received.length - (before[i] as number) >= ACTIVITIES), 'apex to deliver everything', 600000, 20)
    return (ACTIVITIES * followers.length) / (Number(process.hrtime.bigint() - start) / 1e9)
  } finally {
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Tejido's delivery queue alone, set up as apex's is above (same process, same store, activities already built). */
async function queueDelivery(followers: FakePeer[]): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-bench-queue-'))
  const client = await new EmbeddedClient(dir).connect()
  try {
    const db = client.db()
    const keys = new ActorKeys(db)
    const actorId = 'http://127.0.0.1:1/actor'
    const key = createPrivateKey((await keys.ensure(actorId)).privateKeyPem)
    const policy: FetchPolicy = { allow: parseAllowList(['127.0.0.1']), timeoutMs: 10000, maxBytes: 1 << 20, maxRedirects: 3, userAgent: 'tejido-bench' }
    const queue = new DeliveryQueue({ db, policy, signerFor: async () => (req) => signRequestOffThread(req, { keyId: `${actorId}#main-key`, privateKeyPem: key }), logger: pino({ level: 'silent' }) })
    await queue.init()
    queue.start()
    const before = followers.map((f) => f.received.length)
    const start = process.hrtime.bigint()
    for (let i = 0; i < ACTIVITIES; i++) {
      await queue.enqueue(actorId, { id: `${actorId}/s/${i}`, type: 'Create', actor: actorId, object: { id: `${actorId}/o/${i}`, type: 'Note' } }, followers.map((f) => `${f.url}/actor/inbox`))
    }
    await waitFor(() => followers.every((f, i) => f.received.length - (before[i] as number) >= ACTIVITIES), 'the queue to deliver everything', 600000, 10)
    const rate = (ACTIVITIES * followers.length) / (Number(process.hrtime.bigint() - start) / 1e9)
    await queue.stop()
    return rate
  } finally {
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const followers = await Promise.all(Array.from({ length: FOLLOWERS }, () => fakePeer()))
  const bPort = await freePort()
  const bUrl = `http://127.0.0.1:${bPort}`
  const bDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-bench-b-'))
  let a: Instance | undefined
  let b: Instance | undefined
  try {
    let t = Date.now()
    seed(bDir, bUrl, BACKFILL)
    rows.push([`seeding ${BACKFILL.toLocaleString()} listings on B (setup, not a target)`, `${((Date.now() - t) / 1000).toFixed(1)} s`])
    const autoApprove = followers.map((f) => new URL(f.url).host).join(',')
    b = await spawnInstance('B', { DATA_DIR: bDir, AUTO_APPROVE_PEERS: autoApprove, LOG_LEVEL: 'warn' }, bPort)
    a = await spawnInstance('A', { LOG_LEVEL: 'warn' })

    // 1. Backfill.
    t = Date.now()
    await follow(a, b)
    await waitMirrors(a, b.url, BACKFILL, 600000)
    const backfillSecs = (Date.now() - t) / 1000
    rows.push([`backfill of ${BACKFILL.toLocaleString()} listings, follow to last mirror (target ≤ 10 s)`, `${backfillSecs.toFixed(2)} s (${Math.round(BACKFILL / backfillSecs).toLocaleString()} listings/s)`])

    // 2. Propagation latency.
    const first = await b.api<{ items: Array<{ slug: string }> }>('GET', '/api/listings?perPage=1')
    const slug = first.body.items[0]?.slug as string
    const latencies: number[] = []
    for (let i = 0; i < CHANGES; i++) {
      const name = `Propagation ${i}`
      const start = process.hrtime.bigint()
      const res = await b.api('PATCH', `/api/listings/${slug}`, { name })
      if (res.status !== 200) throw new Error(`PATCH ${res.status}`)
      await waitFor(async () => {
        const got = await a?.api<{ items: Array<{ name: string }> }>('GET', `/api/listings?origin=${encodeURIComponent(bUrl)}&perPage=1`)
        return got?.body.items[0]?.name === name
      }, 'the change to reach A', 30000, 2)
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6)
    }
    rows.push([`propagation B → A, p50 / p95 over ${CHANGES} changes (target p95 ≤ 250 ms)`, `${percentile(latencies, 0.5).toFixed(1)} / ${percentile(latencies, 0.95).toFixed(1)} ms`])

    // 3. Delivery throughput to 10 followers.
    for (const f of followers) {
      const res = await f.send(`${bUrl}/actor/inbox`, { id: `${f.url}/follows/1`, type: 'Follow', actor: f.actorId, object: `${bUrl}/actor` })
      if (res.status !== 202) throw new Error(`follow ${res.status} ${res.text}`)
    }
    await waitFor(() => followers.every((f) => f.received.some((act) => act.type === 'Accept')), 'B to accept the 10 followers', 60000)
    const before = followers.map((f) => f.received.length)
    const start = process.hrtime.bigint()
    await Promise.all(Array.from({ length: ACTIVITIES }, (_, i) => b?.api('POST', '/api/listings', listing(`bench-${i}`))))
    await waitFor(() => followers.every((f, i) => f.received.length - (before[i] as number) >= ACTIVITIES), 'B to deliver to every follower', 600000, 10)
    const secs = Number(process.hrtime.bigint() - start) / 1e9
    rows.push([`Tejido end to end: ${ACTIVITIES} creates through B's API × ${FOLLOWERS} followers`, `${Math.round((ACTIVITIES * FOLLOWERS) / secs).toLocaleString()} deliveries/s`])

    // 4. The two queues alone, same followers, same process, same run: activities already built.
    const queueRate = await queueDelivery(followers)
    rows.push([`Tejido's queue alone: ${ACTIVITIES} activities × ${FOLLOWERS} followers (target ≥ 500/s)`, `${Math.round(queueRate).toLocaleString()} deliveries/s`])
    const apexRate = await apexDelivery(followers)
    rows.push([`apex's own delivery: ${ACTIVITIES} activities × ${FOLLOWERS} followers`, `${Math.round(apexRate).toLocaleString()} deliveries/s`])
  } catch (e) {
    console.error('A said:', a?.server.output().slice(-4000))
    console.error('B said:', b?.server.output().slice(-4000))
    throw e
  } finally {
    followers.forEach((f) => f.close())
    // a clean stop, so profiles asked for with TEST_NODE_ARGS=--cpu-prof get written
    if (a) await removeInstance(a, 'SIGTERM')
    if (b) await removeInstance(b, 'SIGTERM')
  }
  console.log(`\nFederation on loopback, ${os.cpus().length} cores, Node ${process.version} (token ${TOKEN.slice(0, 4)}…)\n`)
  const width = Math.max(...rows.map(([k]) => k.length))
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`)
}

main().then(() => process.exit(0), (e: unknown) => {
  console.error(e)
  process.exit(1)
})
