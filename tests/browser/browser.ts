/**
 * Real Chromium for browser tests and bench:map: Debian's `chromium` package
 * (installed by .ci/run) driven by playwright-core; CHROMIUM_PATH overrides
 * the path. Screenshots go to artifacts/screenshots (not committed).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnSync } from 'node:child_process'
import { chromium, type Browser, type Page } from 'playwright-core'
import { freePort, startServer, stopServer, waitReady, type ServerProcess } from '../support/process'

export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']
export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'artifacts', 'screenshots')
const ROOT = path.resolve(__dirname, '..', '..')

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p)
  const found = candidates.find((p) => fs.existsSync(p))
  if (!found) throw new Error(`Chromium not found (tried ${candidates.join(', ')}); .ci/run installs Debian's chromium package`)
  return found
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS, headless: true })
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true })
}

/** Seeds `count` demo listings (or the default 320) into a data directory, as the CLI does, for the instance on `port`. */
export function seed(dataDir: string, port: number, count?: number): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/index.ts'), 'seed', ...(count ? ['--count', String(count)] : [])], {
    cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' }, encoding: 'utf8', timeout: 600000
  })
  if (run.status !== 0) throw new Error(`seed failed: ${run.stderr}`)
}

/** Serious and critical axe-core violations on the page, as readable lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // evaluated over the DevTools protocol: the page's CSP (no inline script) stays on for the test
  await page.evaluate(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'))
  // a string, evaluated in the page (this project's TypeScript has no DOM types)
  const results = (await page.evaluate("axe.run(document, { resultTypes: ['violations'] })")) as { violations: Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }> }
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`)
}

export interface WebInstance { server: ServerProcess; browser: Browser; dataDir: string; close(): Promise<void> }

/** A seeded instance in its own process and a Chromium to look at it with; `close` stops both and removes the data. */
export async function startWebInstance(name: string, opts: { listings?: number; env?: Record<string, string> } = {}): Promise<WebInstance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `tejido-${name}-`))
  const port = await freePort()
  seed(dataDir, port, opts.listings)
  const server = startServer({ DATA_DIR: dataDir, ...(opts.env ?? {}) }, port)
  await waitReady(server)
  const browser = await launch()
  return {
    server, browser, dataDir,
    close: async () => {
      await browser.close()
      await stopServer(server, 'SIGTERM')
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
}
