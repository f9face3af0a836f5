/**
 * `npm run export` and `npm run import` as processes (issue 13, first
 * parts): export from the store into a file, renamed only when complete;
 * import it into a fresh store (dry run, then for real, then again: nothing
 * changes), a refused row named; while a server holds the store, both
 * through it — every listing with ADMIN_TOKEN, the published ones (and a
 * note saying so) without; bad arguments exit 64.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { EXPORT_FORMATS } from '../../src/exchange/export-formats'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'

const ROOT = path.resolve(__dirname, '..', '..')
const TOKEN = 'export-test-token-0123456789'

function cli(command: string, env: Record<string, string>, args: string[] = []) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), command, ...args], {
    cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60000
  })
}

describe('export', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-export-'))
  let server: ServerProcess | undefined
  afterAll(async () => {
    await stopServer(server, 'SIGTERM')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('from the store into a file, then through the running server', async () => {
    const port = await freePort()
    const env = { DATA_DIR: dataDir, PORT: String(port) }
    expect(cli('seed', env, ['--count', '12']).status).toBe(0)

    const out = path.join(dataDir, 'listings.jsonl')
    const direct = cli('export', env, ['--format', 'jsonl', '--out', out])
    expect({ status: direct.status, stderr: direct.stderr }).toEqual({ status: 0, stderr: '' })
    const lines = fs.readFileSync(out, 'utf8').trimEnd().split('\n')
    expect(lines).toHaveLength(12)
    expect(fs.existsSync(`${out}.partial`)).toBe(false)

    // into a fresh store: the same 12, then again: nothing changes; a dry run writes nothing
    const fresh = { DATA_DIR: path.join(dataDir, 'fresh'), PORT: String(port) }
    const dry = cli('import', fresh, [out, '--dry-run'])
    expect({ status: dry.status, stdout: dry.stdout.trim() }).toEqual({ status: 0, stdout: 'Dry run (nothing written): would create 12, update 0; 0 unchanged, 0 skipped, 0 refused.' })
    expect(cli('import', fresh, [out]).stdout.trim()).toBe('Created 12, updated 0; 0 unchanged, 0 skipped, 0 refused.')
    expect(cli('import', fresh, [out]).stdout.trim()).toBe('Created 0, updated 0; 12 unchanged, 0 skipped, 0 refused.')
    const refused = path.join(dataDir, 'refused.jsonl')
    fs.writeFileSync(refused, `${JSON.stringify({ slug: 'sin-nombre', kind: 'collective' })}\n`)
    const bad = cli('import', fresh, [refused])
    expect(bad.status).toBe(1)
    expect(bad.stdout).toContain('row 1: name:')

    const stdout = cli('export', env, ['--format', 'geojson'])
    expect((JSON.parse(stdout.stdout) as { type: string }).type).toBe('FeatureCollection')

    server = startServer({ DATA_DIR: dataDir, ADMIN_TOKEN: TOKEN }, port)
    await waitReady(server)
    const through = cli('export', { ...env, ADMIN_TOKEN: TOKEN }, ['--format', 'json'])
    expect({ status: through.status, stderr: through.stderr }).toEqual({ status: 0, stderr: '' })
    expect(JSON.parse(through.stdout)).toHaveLength(12)
    const publicOnly = cli('export', env, ['--moderation', 'pending'])
    expect(publicOnly.status).toBe(1) // the public may not ask for pending ones
    expect(publicOnly.stderr).toContain('moderation')
    const throughImport = cli('import', { ...env, ADMIN_TOKEN: TOKEN }, [out])
    expect({ status: throughImport.status, stdout: throughImport.stdout.trim() }).toEqual({ status: 0, stdout: 'Created 0, updated 0; 12 unchanged, 0 skipped, 0 refused.' })
    const published = cli('export', env)
    expect(published.status).toBe(0)
    expect(published.stderr).toContain('ADMIN_TOKEN is not set')
  }, 120000)

  test('bad arguments exit 64 and say what is wrong', () => {
    const res = cli('export', { DATA_DIR: dataDir }, ['--format', 'xlsx'])
    expect(res.status).toBe(64)
    expect(res.stderr).toContain(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "xlsx"`)
  })
})
