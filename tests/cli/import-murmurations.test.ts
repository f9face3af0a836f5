/**
 * `npm run import -- --from-murmurations URL` as a process (issue 13): one
 * walk of a local index into the store, the report at the end; run again,
 * it goes on from where it got to (the profile unchanged, not refetched);
 * bad arguments exit 64 saying what is wrong.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { spawn } from 'node:child_process'
import { startFakeIndex, type FakeIndex } from '../support/murmurations-index'

const ROOT = path.resolve(__dirname, '..', '..')

/** The CLI as a child process, not blocking this one (the index answers from here). */
function cli(env: Record<string, string>, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'import', ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('close', (status) => done({ status, stdout, stderr }))
  })
}

let index: FakeIndex
let site: http.Server
let siteUrl: string
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-murm-cli-'))

beforeAll(async () => {
  index = await startFakeIndex()
  site = http.createServer((req, res) => {
    res.writeHead(req.url === '/profile.json' ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ linked_schemas: ['organizations_schema-v1.0.0'], name: 'Cooperativa Línea', primary_url: 'https://linea.example', tags: ['Web hosting'] }))
  })
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r))
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  await fetch(`${index.url}/v2/nodes-sync`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile_url: `${siteUrl}/profile.json` }) })
})
afterAll(async () => {
  await index.close()
  site.closeAllConnections()
  site.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('mirrors the index into the store, then goes on from where it got to', async () => {
  const env = { DATA_DIR: dataDir, ALLOW_PRIVATE_ADDRESSES: '127.0.0.1' }
  const first = await cli(env, ['--from-murmurations', index.url, '--tags', 'Web hosting'])
  expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' })
  expect(first.stdout).toBe(`From ${index.url}: 1 mirrored, 0 refreshed, 0 unchanged, 0 removed; 0 refused, 0 already held.\n`)
  expect(index.calls).toContain('GET /v2/nodes?schema=organizations_schema-v1.0.0&page_size=500&page=1&tags=Web+hosting')
  const again = await cli(env, ['--from-murmurations', index.url, '--tags', 'Web hosting'])
  expect(again.stdout).toBe(`From ${index.url}: 0 mirrored, 0 refreshed, 1 unchanged, 0 removed; 0 refused, 0 already held.\n`)
  expect(index.calls[index.calls.length - 1]).toMatch(/&last_updated=1700000000&tags=Web\+hosting$/)
}, 60000)

test('bad arguments exit 64 saying what is wrong', async () => {
  const env = { DATA_DIR: dataDir }
  const none = await cli(env, ['--from-murmurations'])
  expect(none.status).toBe(64)
  expect(none.stderr).toContain('--from-murmurations needs the index\'s address')
  const schema = await cli(env, ['--from-murmurations', index.url, '--schema', 'people_schema-v0.1.0'])
  expect(schema.status).toBe(64)
  expect(schema.stderr).toContain('--schema: only organizations_schema-v1.0.0 profiles can become listings, not "people_schema-v0.1.0"')
}, 60000)
