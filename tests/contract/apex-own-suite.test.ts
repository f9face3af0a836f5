/**
 * activitypub-express's own Jasmine suite, unchanged, on the embedded engine.
 * Two of its specs verify signatures with the fork of http-signature that
 * apex pins (it reads `req.originalUrl`); with the published 1.4.0 they fail
 * whatever the store (docs/adr/0001-http-signature.md). Everything else must pass.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'

const KNOWN_HTTP_SIGNATURE_SPECS = [
  'federation requestObject signs requests with systemUser',
  'outbox post delivers messages to federation targets'
]

test("apex's own test suite passes on the embedded engine", () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-apex-suite-')), 'result.json')
  // Jest sets NODE_ENV=test; apex's specs expect it unset (Express's "development").
  const env = { ...process.env }
  delete env.NODE_ENV
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'apex-spec', 'run.ts'), out], {
    cwd: path.join(__dirname, '..', '..'),
    env,
    encoding: 'utf8',
    timeout: 120000
  })
  expect(run.status).toBe(0)
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { passed: number; failed: number; failures: Array<{ name: string; messages: string[] }> }
  expect(result.failures.map((f) => f.name).sort()).toEqual(KNOWN_HTTP_SIGNATURE_SPECS.sort())
  expect(result.passed).toBeGreaterThanOrEqual(200)
  fs.rmSync(path.dirname(out), { recursive: true, force: true })
}, 150000)
