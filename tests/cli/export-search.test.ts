/**
 * `npm run export` with the search's filters (issue 13, Build 2): from the
 * store (the embedded engine built from it) and through the running server,
 * the file holds exactly the listings that search returns; a bad filter
 * exits 64 naming it.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'

const ROOT = path.resolve(__dirname, '..', '..')

function cli(command: string, env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), command, ...args], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60000
  })
}

const slugs = (jsonText: string): string[] => (JSON.parse(jsonText) as Array<{ slug: string }>).map((l) => l.slug).sort()

describe('export of a search', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-export-search-'))
  let server: ServerProcess | undefined
  afterAll(async () => {
    await stopServer(server, 'SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('from the store and through the server: exactly what the search returns', async () => {
    const port = await freePort()
    const env = { DATA_DIR: dataDir, PORT: String(port) }
    expect(cli('seed', env, ['--count', '60']).status).toBe(0)
    const direct = cli('export', env, ['--kind', 'worker-coop'])
    expect({ status: direct.status, stderr: direct.stderr }).toEqual({ status: 0, stderr: '' })
    const fromStore = slugs(direct.stdout)
    const all = slugs(cli('export', env).stdout)
    expect(fromStore.length).toBeGreaterThan(0)
    expect(fromStore.length).toBeLessThan(all.length)

    server = startServer({ DATA_DIR: dataDir }, port)
    await waitReady(server)
    const searched: string[] = []
    for (let page = 1; ; page++) {
      const res = await fetch(`http://127.0.0.1:${port}/api/search?kind=worker-coop&perPage=100&page=${page}`)
      const body = (await res.json()) as { hits: Array<{ slug: string }>; total: number }
      searched.push(...body.hits.map((h) => h.slug))
      if (searched.length >= body.total || !body.hits.length) break
    }
    expect(fromStore).toEqual(searched.sort())
    const through = cli('export', env, ['--kind', 'worker-coop', '--format', 'json'])
    expect(through.status).toBe(0)
    expect(slugs(through.stdout)).toEqual(fromStore)
  }, 120000)

  test('a bad filter exits 64 and names it', () => {
    const res = cli('export', { DATA_DIR: dataDir }, ['--near', 'nowhere'])
    expect(res.status).toBe(64)
    expect(res.stderr).toContain('--near must be lat,lng')
  })
})
