/**
 * The import page's three views: the form (a file, its format, encoding,
 * what to do with a match, the moderation of new listings), the dry run's
 * report with the button that imports the same file, and the result. The
 * frame is in the reader's language; each refusal's message is the
 * schema's, as the API reports it.
 */
import { html, type SafeHtml } from '../html'
import type { MessageKey } from '../i18n/messages'
import type { Ui } from '../i18n/translate'
import type { ImportReport } from '../../../exchange/import'
import { IMPORT_FORMATS } from '../../../exchange/import-readers'
import { csrfField, frame, type OperatorContext } from './view'
import { HELD_MS, MAX_HELD_BYTES, type HeldImport } from './import-held'

export const IMPORT_PATH = '/operators/import'

/** What a refused upload is told, as a message and its values. */
export interface ImportProblem { key: MessageKey; values?: Record<string, string | number> }

/** The choices the form shows selected (after an error: what was sent). */
export type ImportChoices = Partial<Pick<HeldImport, 'encoding' | 'onConflict' | 'moderation'>> & { format?: string }

const megabytes = (ui: Ui, bytes: number): string => `${ui.number(Math.round(bytes / (1024 * 1024)))} MB`

export const sizeLimit = (ui: Ui): string => megabytes(ui, MAX_HELD_BYTES)

const selected = (on: boolean): SafeHtml | '' => (on ? html` selected` : '')
const checked = (on: boolean): SafeHtml | '' => (on ? html` checked` : '')

function radios(ui: Ui, name: string, legend: MessageKey, options: ReadonlyArray<[string, MessageKey]>, chosen: string): SafeHtml {
  return html`<fieldset class="field"><legend>${ui.t(legend)}</legend>
${options.map(([value, label]) => html`<div class="choice"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${checked(value === chosen)}> <label for="${name}-${value}">${ui.t(label)}</label></div>`)}
</fieldset>`
}

/** The upload form; with `problem`, the error first and the file field marked. */
export function importFormPage(ctx: OperatorContext, choices: ImportChoices = {}, problem?: ImportProblem): string {
  const { ui } = ctx
  const error = problem ? html`<div class="errors" role="alert" id="import-error"><h2>${ui.t('imp.errorTitle')}</h2><p>${ui.t(problem.key, problem.values)}</p></div>` : ''
  return frame(ctx, ui.t('imp.title'), html`${error}
<p>${ui.t('imp.intro')}</p>
<form method="post" action="${IMPORT_PATH}" enctype="multipart/form-data" class="import-form">${csrfField(ctx)}
<div class="field"><label for="import-file">${ui.t('imp.file')}</label>
<input id="import-file" name="file" type="file" required aria-describedby="import-file-hint${problem ? ' import-error' : ''}"${problem ? html` aria-invalid="true"` : ''}>
<p class="meta" id="import-file-hint">${ui.t('imp.fileHint', { size: sizeLimit(ui) })}</p></div>
<div class="field"><label for="import-format">${ui.t('imp.format')}</label>
<select id="import-format" name="format"><option value="">${ui.t('imp.formatGuess')}</option>
${IMPORT_FORMATS.map((f) => html`<option value="${f}"${selected(choices.format === f)}>${f}</option>`)}</select></div>
${radios(ui, 'encoding', 'imp.encoding', [['utf-8', 'imp.encodingUtf8'], ['latin1', 'imp.encodingLatin1']], choices.encoding ?? 'utf-8')}
${radios(ui, 'onConflict', 'imp.onConflict', [['update', 'imp.update'], ['skip', 'imp.skip']], choices.onConflict ?? 'update')}
${radios(ui, 'moderation', 'imp.moderation', [['approved', 'imp.approved'], ['pending', 'imp.pending']], choices.moderation ?? 'approved')}
<p><button type="submit">${ui.t('imp.check')}</button></p>
</form>`)
}

/** At most this many slugs are named per outcome; the count says how many in all. */
const NAMED = 500

function outcomeRow(ui: Ui, label: MessageKey, slugs: string[]): SafeHtml {
  const named = slugs.slice(0, NAMED)
  return html`<tr><th scope="row">${ui.t(label)}</th><td>${ui.number(slugs.length)}</td>
<td>${slugs.length ? html`<details><summary>${ui.t('imp.slugs')}</summary><p class="slugs">${named.join(', ')}${slugs.length > NAMED ? ' …' : ''}</p></details>` : ui.t('imp.noneListed')}</td></tr>`
}

/** At most this many refusals are shown: a page of 10,000 bad rows helps nobody; the CLI and the API report them all. */
export const SHOWN_REFUSALS = 1000

function refusals(ui: Ui, report: ImportReport): SafeHtml {
  if (!report.refused.length) return html`<p>${ui.t('imp.refusedNone')}</p>`
  const more = report.refused.length - SHOWN_REFUSALS
  return html`<div class="table-scroll"><table class="refusals"><caption class="visually-hidden">${ui.t('imp.refusedTitle')}</caption>
<thead><tr><th scope="col">${ui.t('imp.row')}</th><th scope="col">${ui.t('imp.field')}</th><th scope="col">${ui.t('imp.message')}</th></tr></thead>
<tbody>${report.refused.slice(0, SHOWN_REFUSALS).map((r) => html`<tr><td>${ui.number(r.row)}</td><td><code>${r.field}</code></td><td>${r.message}</td></tr>`)}</tbody></table></div>
${more > 0 ? html`<p class="meta refused-more">${ui.t('imp.refusedMore', { count: ui.number(more) })}</p>` : ''}`
}

/** The counts and the slugs of each outcome, then the refused rows. */
function reportBody(ui: Ui, report: ImportReport): SafeHtml {
  const dry = report.dryRun
  return html`<table class="import-counts"><tbody>
${outcomeRow(ui, dry ? 'imp.wouldCreate' : 'imp.created', report.created)}
${outcomeRow(ui, dry ? 'imp.wouldUpdate' : 'imp.updated', report.updated)}
${outcomeRow(ui, 'imp.unchanged', report.unchanged)}
${outcomeRow(ui, 'imp.skipped', report.skipped)}
<tr><th scope="row">${ui.t('imp.refused')}</th><td>${ui.number(new Set(report.refused.map((r) => r.row)).size)}</td><td></td></tr>
</tbody></table>
<h2>${ui.t('imp.refusedTitle')}</h2>
${refusals(ui, report)}`
}

/** The dry run's report, and the button that imports the file held under `heldId`. */
export function importReportPage(ctx: OperatorContext, held: Pick<HeldImport, 'fileName' | 'format'>, report: ImportReport, heldId: string): string {
  const { ui } = ctx
  return frame(ctx, ui.t('imp.reportTitle'), html`<p class="meta">${ui.t('imp.summary', { file: held.fileName, format: held.format })}</p>
<p class="notice" role="status">${ui.t('imp.dryRunNote')} ${ui.t('imp.heldUntil', { minutes: Math.round(HELD_MS / 60000) })}</p>
${reportBody(ui, report)}
<form method="post" action="${IMPORT_PATH}/confirm" class="import-confirm">${csrfField(ctx)}<input type="hidden" name="held" value="${heldId}">
<p class="actions"><button type="submit">${ui.t('imp.confirm')}</button> <a href="${IMPORT_PATH}">${ui.t('imp.again')}</a></p></form>`)
}

/** What the import did. */
export function importResultPage(ctx: OperatorContext, held: Pick<HeldImport, 'fileName' | 'format'>, report: ImportReport): string {
  const { ui } = ctx
  return frame(ctx, ui.t('imp.resultTitle'), html`<p class="meta">${ui.t('imp.summary', { file: held.fileName, format: held.format })}</p>
${reportBody(ui, report)}
<p><a href="${IMPORT_PATH}">${ui.t('imp.again')}</a></p>`)
}
