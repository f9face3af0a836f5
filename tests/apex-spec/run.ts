/**
 * Runs activitypub-express's own Jasmine suite (node_modules/activitypub-express/spec)
 * with its MongoClient replaced by the embedded engine. apex's store and every
 * spec run unchanged; only `require('mongodb').MongoClient` inside the specs'
 * helpers is swapped. Writes {passed, failed, failures} as JSON to the file named
 * by its first argument.
 * Run by tests/contract/apex-own-suite.test.ts.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Module from 'node:module'
import crypto from 'node:crypto'
import { promisify } from 'node:util'
import { EmbeddedClient } from '../../src/storage/embedded/client'

const apexDir = path.dirname(require.resolve('activitypub-express/package.json'))
// apex's nodeinfo spec expects the version npm would set when running its own suite.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a JSON file outside src
process.env.npm_package_version = (require('activitypub-express/package.json') as { version: string }).version
const specDir = path.join(apexDir, 'spec')
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-apex-spec-'))
let clients = 0

/** MongoClient's constructor signature, backed by the embedded engine (a store per client, as each suite opens its own). */
class EmbeddedMongoClient extends EmbeddedClient {
  constructor(_url: string) {
    super(path.join(dataRoot, String(++clients)))
  }
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- the very module object the loader hook hands out
const realMongo = require('mongodb') as Record<string, unknown>
const swapped = { ...realMongo, MongoClient: EmbeddedMongoClient }
type Loader = (request: string, parent: { filename?: string } | undefined, isMain: boolean) => unknown
const mod = Module as unknown as { _load: Loader }
const load = mod._load
mod._load = function (request, parent, isMain) {
  if (request === 'mongodb' && parent?.filename?.startsWith(specDir)) return swapped
  return load.call(this, request, parent, isMain)
}

// apex mints a 4096-bit RSA key for its test actor before every spec (about a
// second each here); the key size is not what this suite tests, so use 2048.
const generateKeyPair = crypto.generateKeyPair
type KeyPairOptions = { modulusLength?: number }
const smaller = (options: KeyPairOptions) => ({ ...options, modulusLength: Math.min(options.modulusLength ?? 2048, 2048) })
const patched = ((type: 'rsa', options: KeyPairOptions, callback: (...a: unknown[]) => void) =>
  generateKeyPair(type, smaller(options) as crypto.RSAKeyPairOptions<'pem', 'pem'>, callback)) as unknown as typeof crypto.generateKeyPair
Object.defineProperty(patched, promisify.custom, {
  value: (type: 'rsa', options: KeyPairOptions) => promisify(generateKeyPair)(type, smaller(options) as crypto.RSAKeyPairOptions<'pem', 'pem'>)
})
crypto.generateKeyPair = patched

interface SpecResult { fullName: string; status: string; failedExpectations: Array<{ message: string }> }

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Jasmine = require('jasmine') as new (o: { projectBaseDir: string }) => {
    loadConfig(c: object): void
    exitOnCompletion: boolean
    addReporter(r: object): void
    execute(): Promise<{ overallStatus: string }>
  }
  const runner = new Jasmine({ projectBaseDir: apexDir })
  runner.loadConfig({
    spec_dir: 'spec',
    spec_files: ['**/*[sS]pec.js'],
    helpers: ['helpers/jasmine.js', 'helpers/nocks.js', 'helpers/test-utils.js'],
    random: false
  })
  runner.exitOnCompletion = false
  const results: SpecResult[] = []
  runner.addReporter({
    specDone: (r: SpecResult) => results.push(r),
    // A failing beforeAll is reported on its suite.
    suiteDone: (r: SpecResult) => r.status === 'failed' && results.push(r)
  })
  const quiet = console.log
  console.log = () => undefined // apex logs freely; keep the one JSON line readable
  try {
    await runner.execute()
  } finally {
    console.log = quiet
  }
  const failed = results.filter((r) => r.status === 'failed')
  fs.writeFileSync(process.argv[2] as string, JSON.stringify({
    passed: results.filter((r) => r.status === 'passed').length,
    failed: failed.length,
    failures: failed.map((r) => ({ name: r.fullName, messages: r.failedExpectations.map((e) => e.message.slice(0, 2000)) }))
  }))
  fs.rmSync(dataRoot, { recursive: true, force: true })
  process.exit(0)
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
