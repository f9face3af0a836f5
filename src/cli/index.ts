/**
 * The operator CLI: `tejido serve` (default) and `tejido seed [--count N]`.
 * Run through npm scripts: `npm start`, `npm run seed`.
 */
import { loadConfig } from '../config/config'
import { storeRefusal } from '../composition/store-refusal'
import { serve } from '../main'
import { seed } from './seed'
import { seedThroughServer } from './seed-remote'
import { reindex } from './reindex'
import { exportListings, exportOptions } from './export'
import { importFile, importOptions } from './import'
import { importFromMurmurations, indexImportOptions } from './import-murmurations'

const USAGE = `Usage: tejido <command>
  serve               run the instance (npm start)
  seed [--count N]    load N fictional demo listings (default 320; npm run seed);
                      while a server runs, through it (POST /api/demo, needs ADMIN_TOKEN)
  reindex             rebuild the search index from the store (npm run reindex)
  export [--format F] [--out FILE] [--moderation approved|pending|rejected] [search filters]
                      the listings, to stdout or FILE (npm run export); F: json, jsonl, geojson,
                      murmurations, jsonld, ...; search filters (--q, --service, --language, --kind,
                      --country, --accepting, --near lat,lng --radius km, --bbox, --origin) give
                      exactly the listings that search returns; while a server runs, through it
                      (GET /api/export: all with ADMIN_TOKEN, else the published ones)
  import FILE [--format F] [--encoding utf-8|latin1] [--dry-run] [--on-conflict update|skip] [--pending]
                      a file (json, jsonl, ...) into the store, with a report (npm run import);
                      while a server runs, through it (POST /api/import, needs ADMIN_TOKEN)
  import --from-murmurations URL [--tags a,b] [--schema organizations_schema-v1.0.0]
                      mirror the profiles of a Murmurations index (what changed since the last run)`

/** A bad command line: exit 64 (EX_USAGE), as an unknown command. */
class UsageError extends Error {}

function countArg(args: string[]): number {
  const i = args.indexOf('--count')
  if (i === -1) return 320
  const raw = args[i + 1] ?? ''
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 100000) {
    throw new UsageError(`--count must be a number from 1 to 100000, not "${raw}"`)
  }
  return Number(raw)
}

/** Seeds the store directly, or, while a server holds the embedded store, through that server. */
async function seedCommand(count: number): Promise<number> {
  const config = loadConfig()
  try {
    const report = await seed(config, count)
    console.log(`Seeded ${report.created} demo listings into ${config.mongodbUrl ? 'MongoDB' : config.dataDir} (${report.existing} were already there).`)
    for (const f of report.failed) console.error(`  could not seed ${f.slug}: ${f.reason}`)
    return report.failed.length ? 1 : 0
  } catch (e) {
    if (storeRefusal(e)?.kind !== 'locked') throw e
    const outcome = await seedThroughServer(config, count)
    if (outcome.out) console.log(outcome.out)
    if (outcome.error) console.error(outcome.error)
    return outcome.code
  }
}

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...args] = argv
  switch (command) {
    case 'serve':
      await serve()
      return -1 // keeps running
    case 'seed':
      return seedCommand(countArg(args))
    case 'reindex':
      console.log(await reindex(loadConfig()))
      return 0
    case 'import': {
      if (args.includes('--from-murmurations')) {
        const fromIndex = indexImportOptions(args)
        if (typeof fromIndex === 'string') throw new UsageError(fromIndex)
        const walked = await importFromMurmurations(loadConfig(), fromIndex)
        console.log(walked.text)
        return walked.code
      }
      const command = importOptions(args)
      if (typeof command === 'string') throw new UsageError(command)
      const outcome = await importFile(loadConfig(), command)
      console.log(outcome.text)
      return outcome.code
    }
    case 'export': {
      const options = exportOptions(args)
      if (typeof options === 'string') throw new UsageError(options)
      const outcome = await exportListings(loadConfig(), options)
      if (outcome.note) console.error(outcome.note)
      return outcome.code
    }
    case 'help':
    case '--help':
      console.log(USAGE)
      return 0
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`)
      return 64
  }
}

function report(message: string, code: number): number {
  console.error(message)
  return code
}

main(process.argv.slice(2)).then(
  (code) => { if (code >= 0) process.exit(code) },
  (e: unknown) => {
    const refusal = storeRefusal(e)
    if (refusal?.kind === 'other-origin') process.exit(report(refusal.message, 78)) // EX_CONFIG, as `serve` answers it
    if (e instanceof UsageError) process.exit(report(`${e.message}\n${USAGE}`, 64))
    console.error(e instanceof Error ? e.message : e) // a locked DATA_DIR, a bad variable, a bad argument: the message says what to do
    process.exit(1)
  }
)
