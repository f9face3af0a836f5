/**
 * The operators' demo data controls, on the listings page: load the demo
 * listings, remove every example listing (destructive, confirmed by a
 * required tick). Each POST answers with a redirect that carries the outcome
 * (no resubmission on reload); the API twins are POST/DELETE /api/demo.
 */
import type { Request, Router, RequestHandler } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import { DEFAULT_DEMO_COUNT, loadDemo, removeDemo } from '../../../directory/demo/demo-service'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { handle } from '../../handle'

const HERE = '/operators/listings'

/** A count from the redirect's query: a small whole number, or undefined (anything else is ignored). */
const countParam = (v: unknown): number | undefined => (typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : undefined)

/** What the last demo action did, from the redirect's query, in the reader's language. */
function outcome(ui: Ui, query: Request['query']): SafeHtml | '' {
  const created = countParam(query.created)
  const existing = countParam(query.existing)
  const removed = countParam(query.removed)
  if (query.demo === 'loaded' && created !== undefined && existing !== undefined) return html`<p class="notice outcome" role="status">${ui.t('firstRun.loaded', { created, existing })}</p>`
  if (query.demo === 'removed' && removed !== undefined) return html`<p class="notice outcome" role="status">${ui.t('firstRun.removed', { removed })}</p>`
  if (query.demo === 'unconfirmed') return html`<p class="errors" role="alert">${ui.t('firstRun.notConfirmed')}</p>`
  return ''
}

export function demoSection(ui: Ui, csrf: SafeHtml, query: Request['query']): SafeHtml {
  return html`<section id="demo" class="demo-data" aria-labelledby="demo-title">
<h2 id="demo-title">${ui.t('firstRun.opTitle')}</h2>
${outcome(ui, query)}
<p>${ui.t('firstRun.opNote')}</p>
<form method="post" action="/operators/demo/load" class="inline">${csrf}<button type="submit">${ui.t('firstRun.load')}</button></form>
<form method="post" action="/operators/demo/remove" class="confirm-remove">${csrf}
<label><input type="checkbox" name="confirm" value="yes" required> ${ui.t('firstRun.confirm')}</label>
<button type="submit" class="destructive"><span aria-hidden="true">✕ </span>${ui.t('firstRun.remove')}</button></form>
</section>`
}

/** POST /operators/demo/load and /remove, behind the operator's session and CSRF checks. */
export function demoRoutes(router: Router, listings: ListingService, origin: string, guards: RequestHandler[]): void {
  router.post('/operators/demo/load', ...guards, handle(async (_req, res) => {
    const report = await loadDemo(listings, DEFAULT_DEMO_COUNT)
    res.redirect(303, `${HERE}?demo=loaded&created=${report.created}&existing=${report.existing}#demo`)
  }))
  router.post('/operators/demo/remove', ...guards, handle(async (req, res) => {
    if ((req.body as Record<string, unknown>).confirm !== 'yes') return res.redirect(303, `${HERE}?demo=unconfirmed#demo`)
    const { removed } = await removeDemo(listings, origin)
    res.redirect(303, `${HERE}?demo=removed&removed=${removed}#demo`)
  }))
}
