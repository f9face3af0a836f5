/**
 * `npm run seed` while a server owns the embedded store: the running server
 * loads the demo data itself, through `POST /api/demo` at PUBLIC_URL with
 * ADMIN_TOKEN (the operator API's Bearer token). Each outcome is a message
 * for the operator and an exit code (README, "Command line").
 */
import type { Config } from '../config/config'
import { MAX_DEMO_COUNT, type DemoLoadReport } from '../directory/demo/demo-service'

export interface SeedOutcome { code: number; out?: string; error?: string }

/** sysexits.h codes, as `serve` uses them too. */
const EX_USAGE = 64
const EX_UNAVAILABLE = 69
const EX_TEMPFAIL = 75
const EX_NOPERM = 77

const held = (config: Config) => `A Tejido server holds the data directory ${config.dataDir}, so the demo data has to be loaded through it (${config.publicUrl}).`

async function problemDetail(res: Response): Promise<string> {
  const body = await res.text()
  try {
    return (JSON.parse(body) as { detail?: string }).detail ?? body
  } catch {
    return body.slice(0, 300)
  }
}

/** Asks the server at PUBLIC_URL to load `count` demo listings. */
export async function seedThroughServer(config: Config, count: number): Promise<SeedOutcome> {
  if (!config.adminToken) {
    return { code: EX_TEMPFAIL, error: `${held(config)}\nSet ADMIN_TOKEN to the token that server was started with and run it again:\n  ADMIN_TOKEN=<the server's token> npm run seed\nor stop the server first, or sign in at ${config.publicUrl}/operators and press "Load demo data".` }
  }
  if (count > MAX_DEMO_COUNT) {
    return { code: EX_USAGE, error: `${held(config)}\nThrough the server, --count can be at most ${MAX_DEMO_COUNT}; stop the server to load more.` }
  }
  let res: Response
  try {
    res = await fetch(`${config.publicUrl}/api/demo`, {
      method: 'POST',
      headers: { authorization: `Bearer ${config.adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ count })
    })
  } catch (e) {
    const why = e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e)
    return { code: EX_UNAVAILABLE, error: `${held(config)}\nIt did not answer at ${config.publicUrl} (${why}). Run the seed with the same PUBLIC_URL (or PORT) as the server.` }
  }
  if (res.status === 401) return { code: EX_NOPERM, error: `${held(config)}\nIt refused ADMIN_TOKEN: ${await problemDetail(res)} Use the token the server was started with.` }
  if (!res.ok) return { code: 1, error: `${held(config)}\nIt answered ${res.status}: ${await problemDetail(res)}` }
  const report = (await res.json()) as DemoLoadReport
  const failures = report.failed.map((f) => `  could not seed ${f.slug}: ${f.reason}`).join('\n')
  return {
    code: report.failed.length ? 1 : 0,
    out: `Seeded ${report.created} demo listings through the server at ${config.publicUrl} (${report.existing} were already there).`,
    ...(failures ? { error: failures } : {})
  }
}
