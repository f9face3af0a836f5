/** The operator's pages: sign-in, moderation queue, listings, peers and settings. Every action is a small POST form with the CSRF token. */
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { page } from '../layout'
import { inQueue, type Waiting } from './waiting'
import { reviewSettingRow } from './queue-view'
import type { ReviewField } from '../../../directory/change-review'

/** What every operator page is drawn with; `waiting` (counted by the session check) feeds the navigation's counts. */
export interface OperatorContext { ui: Ui; url: string; csrf: string; waiting?: Waiting }

export const csrfField = (ctx: OperatorContext): SafeHtml => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`

/** A one-button POST form; `danger` styles it as destructive (it deletes, refuses or cuts a tie). */
export const action = (ctx: OperatorContext, path: string, label: string, extra: SafeHtml | string = '', danger = false) =>
  html`<form method="post" action="${path}" class="inline">${csrfField(ctx)}${extra}<button type="submit"${danger ? html` class="danger"` : ''}>${label}</button></form>`

/** "1 follow request" or "3 follow requests", by the language's own plural rules. */
export function counted(ui: Ui, one: MessageKey, many: MessageKey, count: number): string {
  return ui.t(new Intl.PluralRules(ui.lang).select(count) === 'one' ? one : many, { count })
}

/** The operator navigation, with what waits next to where it is answered. */
export function operatorNav(ctx: OperatorContext): SafeHtml {
  const { ui, waiting } = ctx
  const queued = waiting ? inQueue(waiting) : 0
  const requests = waiting?.followRequests ?? 0
  return html`<nav aria-label="${ui.t('nav.operators')}"><ul class="nav operator-nav">
<li><a href="/operators/queue">${ui.t('op.queue')}${queued ? html` <span class="waiting">${ui.t('opNav.waiting', { count: queued })}</span>` : ''}</a></li>
<li><a href="/operators/listings">${ui.t('op.listings')}</a></li>
<li><a href="/operators/import">${ui.t('imp.nav')}</a></li>
<li><a href="/operators/peers">${ui.t('op.peers')}${requests ? html` <span class="waiting">${counted(ui, 'opNav.requestsOne', 'opNav.requestsMany', requests)}</span>` : ''}</a></li>
<li><a href="/operators/murmurations">${ui.t('murm.nav')}</a></li>
<li><a href="/operators/settings">${ui.t('op.settings')}</a></li>
<li>${action(ctx, '/operators/sign-out', ui.t('op.signOut'))}</li>
</ul></nav>`
}

/** An operator page: the operator navigation, the title, the body; `wide` for tables that need the width. */
export function frame(ctx: OperatorContext, title: string, body: SafeHtml, options: { head?: SafeHtml; scripts?: string[]; wide?: boolean } = {}): string {
  return page({
    title, ui: ctx.ui, url: ctx.url, ...options,
    body: html`${operatorNav(ctx)}
<h1>${title}</h1>
${body}`
  })
}

export function signInPage(ctx: OperatorContext, error?: MessageKey, disabled = false): string {
  const { ui } = ctx
  return page({
    title: ui.t('op.signIn'), ui, url: ctx.url,
    body: html`<h1>${ui.t('op.signIn')}</h1>
${error ? html`<p class="errors" role="alert">${ui.t(error)}</p>` : ''}
${disabled ? html`<p>${ui.t('op.settingsNote')} (ADMIN_TOKEN)</p>` : html`<form method="post" action="/operators/sign-in">${csrfField(ctx)}
<div class="field"><label for="token">${ui.t('op.token')}</label>
<input id="token" name="token" type="password" autocomplete="current-password" required${error ? ' aria-invalid="true"' : ''}></div>
<p><button type="submit">${ui.t('op.signInSubmit')}</button></p></form>`}`
  })
}

/** What the settings page shows: the instance's configuration as read from its environment. */
export interface SettingsView { name: string; publicUrl: string; autoApprove: readonly string[]; repairIntervalMs: number; tileUrl: string; mail?: { from: string; server: string }; operatorEmail?: string; reviewChanges: readonly ReviewField[] }

export function settingsPage(ctx: OperatorContext, settings: SettingsView): string {
  const { ui } = ctx
  return frame(ctx, ui.t('op.settings'), html`<p>${ui.t('op.settingsNote')}</p>
<dl class="facts"><dt>${ui.t('op.instanceName')}</dt><dd>${settings.name}</dd><dt>${ui.t('op.publicUrl')}</dt><dd>${settings.publicUrl}</dd>
<dt>${ui.t('op.autoApprove')}</dt><dd>${settings.autoApprove.join(', ') || '—'}</dd><dt>${ui.t('op.repairInterval')}</dt><dd>${ui.number(Math.round(settings.repairIntervalMs / 60000))} min</dd>
<dt>TILE_URL</dt><dd>${settings.tileUrl}</dd>
${reviewSettingRow(ui, settings.reviewChanges)}
<dt>${ui.t('op.mail')}</dt><dd>${settings.mail ? ui.t('op.mailOn', settings.mail) : ui.t('op.mailOff')}</dd>
<dt>${ui.t('opMail.setting')}</dt><dd>${settings.operatorEmail ? ui.t('opMail.on', { address: settings.operatorEmail }) : ui.t(settings.mail ? 'opMail.offNoAddress' : 'opMail.offNoMail')}</dd></dl>`)
}
