/**
 * `npm run export -- [--format F] [--out FILE] [--moderation S] [search filters]`:
 * the listings in an export format (exchange/export-formats.ts), read from
 * the store page by page. The search's filters (`--q words`, `--service`,
 * `--language`, `--kind`, `--country`, `--accepting`, `--near lat,lng`,
 * `--radius`, `--bbox`, `--origin`; lists comma-separated) select exactly
 * the listings that search returns (exchange/search-selection.ts); the
 * embedded engine is built from the store for it, Meilisearch (MEILI_URL)
 * is asked as it is. Without --out it writes to stdout; with it, to
 * FILE.partial renamed to FILE at the end, so an interrupted export never
 * leaves half a file under the name. While a server holds the embedded
 * store, the export comes from that server (GET /api/export; every listing
 * with ADMIN_TOKEN, the published ones without).
 */
import fs from 'node:fs'
import { flagValue } from './args'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import type { Config } from '../config/config'
import { openStore } from '../composition/store'
import { storeRefusal } from '../composition/store-refusal'
import { DocumentListingStore } from '../storage/document-listing-store'
import { DirectoryEvents } from '../directory/events'
import { ListingService } from '../directory/listing-service'
import { MODERATION_STATES as MODERATION, type ModerationState } from '../directory/listing'
import { EXPORT_FORMATS, exportChunks, isExportFormat, type ExportFormat } from '../exchange/export-formats'
import { exportSelection, listingsOf, SEARCH_FILTERS, type ExportSelection } from '../exchange/search-selection'
import { openSearch } from '../composition/search'
import { SearchIndexer } from '../search/indexer'
import pino from 'pino'

export interface ExportOptions {
  format: ExportFormat
  out?: string
  moderation?: ModerationState
  /** The search's filters as given (`--q` is `q`), passed on to the server as they are. */
  filters: Record<string, string>
  selection: ExportSelection
}

/** The options of `export`, or the reason they are wrong. */
export function exportOptions(args: string[]): ExportOptions | string {
  const value = (flag: string): string | undefined => flagValue(args, flag)
  const format = value('--format') ?? 'json'
  if (!isExportFormat(format)) return `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}"`
  const out = value('--out')
  if (out === '') return '--out needs a file name'
  const moderation = value('--moderation')
  if (moderation !== undefined && !MODERATION.includes(moderation as ModerationState)) return `--moderation must be one of ${MODERATION.join(', ')}`
  const filters = Object.fromEntries(SEARCH_FILTERS.flatMap((name) => {
    const given = value(`--${name}`)
    return given === undefined ? [] : [[name, given]]
  }))
  const selection = exportSelection(filters, moderation as ModerationState | undefined)
  if (!selection.ok) return selection.error.map((e) => `--${e.field} ${e.message}`).join('; ')
  return { format, ...(out ? { out } : {}), ...(moderation ? { moderation: moderation as ModerationState } : {}), filters, selection: selection.value }
}

async function write(sink: Writable, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  for await (const chunk of chunks) if (!sink.write(chunk)) await once(sink, 'drain')
}

/** Where the export goes: stdout, or FILE.partial renamed once complete. */
async function toDestination(out: string | undefined, produce: (sink: Writable) => Promise<void>): Promise<void> {
  if (!out) return produce(process.stdout)
  const partial = `${out}.partial`
  const file = fs.createWriteStream(partial)
  try {
    await produce(file)
    file.end()
    await once(file, 'finish')
    fs.renameSync(partial, out)
  } catch (e) {
    file.destroy()
    fs.rmSync(partial, { force: true })
    throw e
  }
}

/** The search a selection asks: Meilisearch as it is, or the embedded engine built from the store. */
async function searchOf(config: Config, listingStore: DocumentListingStore) {
  const search = await openSearch(config)
  if (!config.meiliUrl) await new SearchIndexer(search, listingStore, pino({ level: 'silent' })).rebuild()
  return search
}

/** Exports from the store itself (every listing, one moderation state, or a search's). */
async function fromStore(config: Config, options: ExportOptions): Promise<void> {
  const store = await openStore(config)
  try {
    const listingStore = new DocumentListingStore(store.db)
    await listingStore.init()
    const listings = new ListingService({ store: listingStore, events: new DirectoryEvents(() => undefined), origin: config.publicUrl })
    const search = options.selection.by === 'search' ? await searchOf(config, listingStore) : { search: () => Promise.reject(new Error('no search asked')) }
    const selected = listingsOf({ listings, store: listingStore, search }, options.selection)
    await toDestination(options.out, (sink) => write(sink, exportChunks(options.format, selected)))
  } finally {
    await store.close()
  }
}

/** What the command says and how it exits. */
export interface ExportOutcome { code: number; note?: string }

/** Exports through the server that holds the store. */
async function fromServer(config: Config, options: ExportOptions): Promise<ExportOutcome> {
  const held = `A Tejido server holds ${config.dataDir}, so the export comes through it (${config.publicUrl}).`
  const query = new URLSearchParams({ format: options.format, ...(options.moderation ? { moderation: options.moderation } : {}), ...options.filters })
  let res: Response
  try {
    res = await fetch(`${config.publicUrl}/api/export?${query.toString()}`, { headers: config.adminToken ? { authorization: `Bearer ${config.adminToken}` } : {} })
  } catch (e) {
    return { code: 69, note: `${held}\nIt did not answer (${e instanceof Error ? e.message : String(e)}). Run the export with the same PUBLIC_URL (or PORT) as the server.` } // EX_UNAVAILABLE
  }
  if (!res.ok || !res.body) return { code: 1, note: `${held}\nIt answered ${res.status}: ${(await res.text()).slice(0, 300)}` }
  const body = res.body
  await toDestination(options.out, (sink) => write(sink, body as unknown as AsyncIterable<Uint8Array>)) // a web ReadableStream is async-iterable in Node 20
  return config.adminToken ? { code: 0 } : { code: 0, note: `${held}\nADMIN_TOKEN is not set: it gave its published listings only.` }
}

/** Runs the export: from the store, or through the server that holds it. */
export async function exportListings(config: Config, options: ExportOptions): Promise<ExportOutcome> {
  try {
    await fromStore(config, options)
    return { code: 0 }
  } catch (e) {
    if (storeRefusal(e)?.kind !== 'locked') throw e
    return fromServer(config, options)
  }
}
