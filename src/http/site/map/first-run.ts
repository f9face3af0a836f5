/**
 * What the map page says when the directory has no listings at all (not a
 * search that found none): the three ways listings arrive — the join form,
 * the JSON API, demo data (the operators' button or `npm run seed`).
 */
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'

/** A message with each `{name}` replaced by its HTML; the message's own text stays escaped around them. */
function withHtml(ui: Ui, key: MessageKey, fills: Record<string, SafeHtml>): SafeHtml {
  let parts: Array<string | SafeHtml> = [ui.t(key)]
  for (const [name, inner] of Object.entries(fills)) {
    parts = parts.flatMap((p) => typeof p === 'string' ? p.split(`{${name}}`).flatMap((text, i) => (i ? [inner, text] : [text])) : [p])
  }
  return html`${parts}`
}

export function firstRunGuide(ui: Ui): SafeHtml {
  return html`<section id="first-run" class="first-run" aria-labelledby="first-run-title">
<h2 id="first-run-title">${ui.t('firstRun.title')}</h2>
<p>${ui.t('firstRun.intro')}</p>
<ul>
<li>${withHtml(ui, 'firstRun.join', { link: html`<a href="/join">${ui.t('firstRun.joinLink')}</a>` })}</li>
<li>${withHtml(ui, 'firstRun.api', { call: html`<code>POST /api/listings</code>` })}</li>
<li>${withHtml(ui, 'firstRun.demo', { link: html`<a href="/operators/listings#demo">${ui.t('firstRun.load')}</a>`, command: html`<code>npm run seed</code>` })}</li>
</ul>
</section>`
}
