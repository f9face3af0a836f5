/**
 * `npm run import -- --from-murmurations URL [--tags a,b] [--schema organizations_schema-v1.0.0]`:
 * one walk of a Murmurations index (exchange/murmurations-index/index-import.ts),
 * its profiles kept as mirrors, with the report at the end. The walk goes
 * on from where the last one of the same index, schema and tags got to
 * (kept in the store). While a server holds the embedded store, it cannot
 * run here: the server's own setting (MURMURATIONS_IMPORT_URL) walks it.
 */
import pino from 'pino'
import { flagValue } from './args'
import { ConfigError, indexBase, type Config } from '../config/config'
import { openStore } from '../composition/store'
import { storeRefusal } from '../composition/store-refusal'
import { indexImport } from '../composition/murmurations'
import { DocumentListingStore } from '../storage/document-listing-store'
import { DirectoryEvents } from '../directory/events'
import { ORGANIZATIONS_SCHEMA } from '../exchange/murmurations-profile'
import type { IndexImportReport } from '../exchange/murmurations-index/index-import'

export interface IndexImportCommand { url: string; tags: string[]; schema: string }

/** The command line's options, or what is wrong with it. */
export function indexImportOptions(args: string[]): IndexImportCommand | string {
  const raw = flagValue(args, '--from-murmurations')
  if (!raw) return '--from-murmurations needs the index\'s address, e.g. https://test-index.murmurations.network'
  let url: string
  try {
    url = indexBase('--from-murmurations', raw)
  } catch (e) {
    return e instanceof ConfigError ? e.message.replace('Invalid environment variable ', '') : String(e)
  }
  const schema = flagValue(args, '--schema') ?? ORGANIZATIONS_SCHEMA
  if (schema !== ORGANIZATIONS_SCHEMA) return `--schema: only ${ORGANIZATIONS_SCHEMA} profiles can become listings, not "${schema}"`
  const tags = (flagValue(args, '--tags') ?? '').split(',').map((t) => t.trim()).filter(Boolean)
  return { url, tags, schema }
}

/** The report for a person: counts, then each profile refused or held already. */
export function indexReportText(url: string, report: IndexImportReport): string {
  const lines = [`From ${url}: ${report.created} mirrored, ${report.updated} refreshed, ${report.unchanged} unchanged, ${report.removed} removed; ${report.refused} refused, ${report.duplicates} already held.`]
  for (const r of report.refusals) lines.push(`  refused ${r.profileUrl}: ${r.message}`)
  for (const d of report.duplicateOf) lines.push(`  ${d.profileUrl} is ${d.listing}, held already`)
  if (report.error) lines.push(`The walk stopped: ${report.error}. What was mirrored before stays; the next run goes on from the last good one.`)
  return lines.join('\n')
}

/** Runs one walk: the report's text and the exit code (1 when a profile was refused or the walk stopped). */
export async function importFromMurmurations(config: Config, command: IndexImportCommand): Promise<{ code: number; text: string }> {
  let store
  try {
    store = await openStore(config)
  } catch (e) {
    if (storeRefusal(e)?.kind !== 'locked') throw e
    return { code: 75, text: `A Tejido server holds ${config.dataDir}. Set MURMURATIONS_IMPORT_URL=${command.url} on it (it walks the index at start and every MURMURATIONS_IMPORT_INTERVAL), or stop it and run this again.` }
  }
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const walk = await indexImport(config, store.db, listingStore, new DirectoryEvents(() => undefined), pino({ level: 'silent' }), command.url, command.tags)
    if (!walk) throw new Error('no index to walk')
    const report = await walk.schedule.runOnce()
    return { code: report.refused || report.error ? 1 : 0, text: indexReportText(command.url, report) }
  } finally {
    await store.close()
  }
}
