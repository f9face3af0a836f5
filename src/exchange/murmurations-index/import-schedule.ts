/**
 * The operator's setting to keep an index's profiles mirrored
 * (MURMURATIONS_IMPORT_URL): a walk soon after start, then every interval;
 * one walk at a time per process. A failed walk is logged and kept for the
 * operator's page; the next one goes on from where the last good one got.
 */
import type { Logger } from 'pino'
import { importFromIndex, type IndexImportDeps, type IndexImportOptions, type IndexImportReport } from './index-import'

export class IndexImportSchedule {
  private timer: NodeJS.Timeout | null = null
  private first: NodeJS.Timeout | null = null
  private running: Promise<IndexImportReport> | null = null

  constructor(private readonly deps: IndexImportDeps, private readonly options: IndexImportOptions, private readonly intervalMs: number, private readonly logger: Logger) {}

  get indexUrl(): string {
    return this.options.indexUrl
  }

  start(): void {
    // a walk that throws (the store failing, not the index: that is in its report) is logged, never unhandled
    const walk = () => void this.runOnce().catch((e: unknown) => this.logger.error({ err: e, index: this.options.indexUrl }, 'Murmurations index walk failed'))
    this.timer = setInterval(walk, this.intervalMs)
    this.timer.unref()
    this.first = setTimeout(walk, Math.min(5000, this.intervalMs))
    this.first.unref()
  }

  /** One walk; a second caller shares the walk in progress. */
  runOnce(): Promise<IndexImportReport> {
    this.running ??= importFromIndex(this.deps, this.options).then((report) => {
      const { refusals, duplicateOf: _d, ...counts } = report
      if (report.error) this.logger.warn({ index: this.options.indexUrl, error: report.error }, 'Murmurations index walk stopped')
      else this.logger.info({ index: this.options.indexUrl, ...counts, refusals: refusals.slice(0, 10) }, 'Murmurations index walked')
      return report
    }).finally(() => (this.running = null))
    return this.running
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    if (this.first) clearTimeout(this.first)
    await this.running?.catch(() => undefined)
  }
}
