/**
 * The newcomer's path, as processes: seed the demo data (twice: idempotent),
 * start the server, fetch a listing as ActivityPub, WebFinger and HTML; while
 * the server owns DATA_DIR, the seed goes through it (POST /api/demo) with
 * ADMIN_TOKEN, and says what to set without it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'
import { demoListings } from '../../src/directory/demo/demo-data'

const ROOT = path.resolve(__dirname, '..', '..')

function seed(env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'seed', ...args], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60000
  })
}

describe('seed, then serve', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-seed-'))
  let server: ServerProcess | undefined
  afterAll(async () => {
    await stopServer(server, 'SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('demo listings are served as actors, found by WebFinger and shown as HTML', async () => {
    const port = await freePort()
    const env = { DATA_DIR: dataDir, PORT: String(port) }
    const first = seed(env)
    expect({ status: first.status, stderr: first.stderr }).toMatchObject({ status: 0 }) // stderr shown if it fails
    expect(first.stdout).toMatch(/Seeded 320 demo listings/)
    const again = seed(env)
    expect(again.status).toBe(0)
    expect(again.stdout).toMatch(/Seeded 0 demo listings .*\(320 were already there\)/)

    server = startServer({ DATA_DIR: dataDir }, port)
    await waitReady(server)
    const refused = seed(env) // the server was started without ADMIN_TOKEN: the seed says what to set
    expect(refused.status).toBe(75)
    expect(refused.stderr).toContain(`A Tejido server holds the data directory ${dataDir}`)
    expect(refused.stderr).toContain("ADMIN_TOKEN=<the server's token> npm run seed")

    const slug = (demoListings(1)[0] as { slug: string }).slug
    const base = `http://localhost:${port}`
    const actorRes = await fetch(`${server.url}/orgs/${slug}`, { headers: { accept: 'application/activity+json' } })
    expect(actorRes.status).toBe(200)
    const actor = (await actorRes.json()) as Record<string, unknown> & { location: Array<Record<string, unknown>>; publicKey: { publicKeyPem: string } }
    expect(actor).toMatchObject({ id: `${base}/orgs/${slug}`, type: 'Organization', inbox: `${base}/orgs/${slug}/inbox`, outbox: `${base}/orgs/${slug}/outbox`, followers: `${base}/orgs/${slug}/followers` })
    expect(actor.publicKey.publicKeyPem).toContain('BEGIN PUBLIC KEY')
    expect(actor.location[0]).toMatchObject({ type: 'Place', latitude: expect.any(Number), longitude: expect.any(Number) })

    const wf = await fetch(`${server.url}/.well-known/webfinger?resource=acct:${slug}@localhost:${port}`)
    expect(((await wf.json()) as { links: Array<{ href: string }> }).links[0]?.href).toBe(`${base}/orgs/${slug}`)

    const page = await fetch(`${server.url}/orgs/${slug}`, { headers: { accept: 'text/html' } })
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain('Example listing: this organisation is fictional.')

    const nodeinfo = (await (await fetch(`${server.url}/nodeinfo/2.1`)).json()) as { usage: { users: { total: number } } }
    expect(nodeinfo.usage.users.total).toBe(320)
  }, 120000)

  test('the seed takes the same configuration as serve; a store made under another PUBLIC_URL is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-origin-cli-'))
    let moved: ServerProcess | undefined
    try {
      const port = await freePort()
      expect(seed({ DATA_DIR: dir, PORT: String(port) }).status).toBe(0)
      const same = startServer({ DATA_DIR: dir }, port)
      try {
        await waitReady(same)
        const slug = (demoListings(1)[0] as { slug: string }).slug
        const actor = await fetch(`${same.url}/orgs/${slug}`, { headers: { accept: 'application/activity+json' } })
        expect(actor.status).toBe(200) // seeded under PORT=x, served under PORT=x: local
        expect(((await actor.json()) as { id: string }).id).toBe(`http://localhost:${port}/orgs/${slug}`)
      } finally {
        await stopServer(same, 'SIGTERM')
      }

      const other = await freePort()
      moved = startServer({ DATA_DIR: dir }, other)
      const started = await waitReady(moved, 60000).then(() => true, () => false)
      expect(started).toBe(false)
      expect(await moved.exited).toBe(78)
      expect(moved.output()).toContain(`This store belongs to the instance http://localhost:${port}, but PUBLIC_URL (or PORT) now says http://localhost:${other}.`)
      expect(moved.output()).toContain(`Start with PUBLIC_URL=http://localhost:${port}`)
      const reseed = seed({ DATA_DIR: dir, PORT: String(other) })
      expect(reseed.status).toBe(78)
      expect(reseed.stderr).toContain(`This store belongs to the instance http://localhost:${port}`)
    } finally {
      await stopServer(moved, 'SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120000)

  test('while a server runs, the seed loads the demo data through it with ADMIN_TOKEN', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-seed-live-'))
    const token = 'seed-through-the-server-token'
    const port = await freePort()
    const live = startServer({ DATA_DIR: dir, ADMIN_TOKEN: token }, port)
    try {
      await waitReady(live)
      const env = { DATA_DIR: dir, PORT: String(port) }
      const wrong = seed({ ...env, ADMIN_TOKEN: 'not-the-servers-token' }, ['--count', '5'])
      expect(wrong.status).toBe(77)
      expect(wrong.stderr).toContain('It refused ADMIN_TOKEN')
      const done = seed({ ...env, ADMIN_TOKEN: token }, ['--count', '5'])
      expect({ status: done.status, stderr: done.stderr }).toMatchObject({ status: 0 })
      expect(done.stdout).toContain(`Seeded 5 demo listings through the server at http://localhost:${port} (0 were already there).`)
      const search = (await (await fetch(`${live.url}/api/search?perPage=1`)).json()) as { total: number }
      expect(search.total).toBe(5) // indexed by the running server: searchable at once
      const again = seed({ ...env, ADMIN_TOKEN: token }, ['--count', '5'])
      expect(again.stdout).toContain('Seeded 0 demo listings through the server')
      const tooMany = seed({ ...env, ADMIN_TOKEN: token }, ['--count', '5000'])
      expect(tooMany.status).toBe(64)
      expect(tooMany.stderr).toContain('--count can be at most 1000')
    } finally {
      await stopServer(live, 'SIGTERM')
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 120000)
})
