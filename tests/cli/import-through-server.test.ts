/**
 * `npm run import` goes through the running server whenever one answers at
 * PUBLIC_URL and ADMIN_TOKEN is set (issue 13, review item 12), not only
 * when it holds the embedded store, so the listings federate and are
 * indexed like any; writing into the store directly, it says what that
 * leaves out.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo, Server } from 'node:net'
import request from 'supertest'
import { waitFor } from '../support/wait'
import { loadConfig } from '../../src/config/config'
import { DIRECT_NOTICE, importFile, importOptions, type ImportCommand } from '../../src/cli/import'
import { ADMIN_TOKEN, composeInstance, type TestInstance } from '../support/instance'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-import-server-'))
const file = path.join(dir, 'rows.jsonl')
fs.writeFileSync(file, ['uno', 'dos'].map((slug) => JSON.stringify({ slug, name: `Co-op ${slug}`, kind: 'collective' })).join('\n'))
let inst: TestInstance
let server: Server
beforeAll(async () => {
  inst = await composeInstance()
  server = inst.tejido.app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
})
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve))
  await inst.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

const url = (s: Server): string => `http://127.0.0.1:${(s.address() as AddressInfo).port}`

/** Runs the command with this environment; its outcome and the notices it gave. */
async function run(env: Record<string, string>, args: string[] = [file]) {
  const notices: string[] = []
  const outcome = await importFile(loadConfig({ LOG_LEVEL: 'silent', ...env }), importOptions(args) as ImportCommand, { progress: () => undefined, clock: Date.now, notice: (l) => notices.push(l) })
  return { outcome, notices }
}

test('a server answers at PUBLIC_URL with ADMIN_TOKEN set: the rows go through it (its events, its search), not into DATA_DIR', async () => {
  const own = path.join(dir, 'unused-data')
  const { outcome, notices } = await run({ DATA_DIR: own, PUBLIC_URL: url(server), ADMIN_TOKEN })
  expect(outcome).toEqual({ code: 0, text: 'Created 2, updated 0; 0 unchanged, 0 skipped, 0 refused.' })
  expect(notices).toEqual([])
  expect((await inst.tejido.listings.get('uno')).ok).toBe(true)
  expect(fs.existsSync(own) ? fs.readdirSync(own) : []).toEqual([]) // the command opened no store of its own
  const indexed = async () => JSON.stringify((await request(inst.tejido.app).get('/api/search').query({ q: 'Co-op dos' }).expect(200)).body).includes('"dos"')
  expect(await waitFor(indexed, 'the server to index the imported listing')).toBe(true) // the server heard of it
})

test('a server answers but refuses the token: the command says what it answered', async () => {
  const { outcome } = await run({ DATA_DIR: path.join(dir, 'unused-2'), PUBLIC_URL: url(server), ADMIN_TOKEN: 'not-the-token-0123456789' })
  expect(outcome.code).toBe(1)
  expect(outcome.text).toContain(`A Tejido server answers at ${url(server)}`)
  expect(outcome.text).toContain('401')
})

test('no server answers: into the store directly, saying plainly what that leaves out; a dry run says nothing of it', async () => {
  const closed = inst.tejido.app.listen(0, '127.0.0.1')
  await new Promise((resolve) => closed.once('listening', resolve))
  const nobody = url(closed)
  await new Promise((resolve) => closed.close(resolve)) // nothing listens there now
  const env = { DATA_DIR: path.join(dir, 'direct'), PUBLIC_URL: nobody, ADMIN_TOKEN }
  const dry = await run(env, [file, '--dry-run'])
  expect(dry.notices).toEqual([])
  const { outcome, notices } = await run(env)
  expect(outcome.text).toBe('Created 2, updated 0; 0 unchanged, 0 skipped, 0 refused.')
  expect(notices).toEqual([DIRECT_NOTICE])
  expect(DIRECT_NOTICE).toMatch(/restarted/)
})
