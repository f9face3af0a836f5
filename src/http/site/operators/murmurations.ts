/**
 * /operators/murmurations (issue 13): what the Murmurations index said of
 * each of this instance's listings (the node status, the last error, when),
 * and what the last walk of the index mirrored from did. Read only: the
 * registrations run on the delivery queue, the walks on their schedule.
 */
import type { Router } from 'express'
import type { NodeRecord } from '../../../exchange/murmurations-index/node-status'
import type { ImportRunRecord } from '../../../exchange/murmurations-index/import-state'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { handle } from '../../handle'
import { frame, type OperatorContext } from './view'
import { timeAgo } from './relative-time'
import type { Guards } from './routes'

/** What the page reads: the registration's nodes and, when set, the mirrored index's last run. */
export interface MurmurationsPageSource {
  indexUrl: string | undefined
  nodes(): Promise<NodeRecord[]>
  importing?: { url: string; intervalMs: number; last(): Promise<ImportRunRecord | null> }
}

const STATUSES = ['received', 'validated', 'validation_failed', 'post_failed', 'posted', 'deleted'] as const

function statusWords(ui: Ui, status: string | undefined): string {
  const known = STATUSES.find((s) => s === status)
  return ui.t((known ? `murm.status.${known}` : 'murm.status.unknown') as MessageKey)
}

function nodeTable(ui: Ui, nodes: NodeRecord[], now: Date): SafeHtml {
  if (!nodes.length) return html`<p>${ui.t('murm.none')}</p>`
  return html`<table class="operator-listings murmurations-nodes"><thead><tr><th scope="col">${ui.t('murm.listing')}</th><th scope="col">${ui.t('murm.status')}</th><th scope="col">${ui.t('murm.lastError')}</th><th scope="col">${ui.t('murm.lastTry')}</th></tr></thead>
<tbody>${nodes.map((n) => html`<tr data-slug="${n.slug}" data-status="${n.status ?? ''}"><td>${n.name}<br><a class="meta" href="${n.profileUrl}">${n.slug}</a></td>
<td>${statusWords(ui, n.status)}</td><td>${n.lastError ?? '—'}</td><td>${timeAgo(ui.lang, n.lastAttempt, now)}</td></tr>`)}</tbody></table>`
}

function importSection(ui: Ui, source: MurmurationsPageSource['importing'], last: ImportRunRecord | null): SafeHtml {
  if (!source) return html`<h2>${ui.t('murm.importTitle')}</h2><p>${ui.t('murm.importOff')}</p>`
  const counts = last?.counts
  return html`<h2>${ui.t('murm.importTitle')}</h2>
<p>${ui.t('murm.importFrom', { url: source.url, minutes: Math.round(source.intervalMs / 60000) })}</p>
<p class="murmurations-import">${counts ? ui.t('murm.importLast', { ...counts }) : ui.t('murm.importNever')}</p>
${last?.lastError ? html`<p class="errors" role="alert">${ui.t('murm.importError', { error: last.lastError })}</p>` : ''}`
}

export function murmurationsPage(ctx: OperatorContext, data: { indexUrl: string | undefined; nodes: NodeRecord[]; importing: MurmurationsPageSource['importing']; last: ImportRunRecord | null; now: Date }): string {
  const { ui } = ctx
  const registration = data.indexUrl
    ? html`<p>${ui.t('murm.intro')}</p><dl class="facts"><dt>${ui.t('murm.index')}</dt><dd>${data.indexUrl}</dd></dl>${nodeTable(ui, data.nodes, data.now)}`
    : html`<p>${ui.t('murm.off')}</p>`
  return frame(ctx, ui.t('murm.title'), html`${registration}
${importSection(ui, data.importing, data.last)}`, { wide: true })
}

export function murmurationsPageRoutes(router: Router, source: MurmurationsPageSource | undefined, g: Guards, now: () => Date = () => new Date()): void {
  router.get('/operators/murmurations', g.signedIn, handle(async (req, res) => {
    const [nodes, last] = await Promise.all([source?.indexUrl ? source.nodes() : [], source?.importing ? source.importing.last() : null])
    res.type('html').send(murmurationsPage(g.ctx(req, res), { indexUrl: source?.indexUrl, nodes, importing: source?.importing, last, now: now() }))
  }))
}
