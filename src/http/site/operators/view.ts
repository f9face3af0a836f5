/** The operator's pages: sign-in, moderation queue, listings, peers and settings. Every action is a small POST form with the CSRF token. */
import type { Listing } from '../../../directory/listing'
import type { Peer } from '../../../federation/peers/peer-store'
import type { HostStatus } from '../../../federation/delivery/queue'
import { kindLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { page } from '../layout'

export interface OperatorContext { ui: Ui; url: string; csrf: string }

export const csrfField = (ctx: OperatorContext): SafeHtml => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`
export const action = (ctx: OperatorContext, path: string, label: string, extra: SafeHtml | string = '') =>
  html`<form method="post" action="${path}" class="inline">${csrfField(ctx)}${extra}<button type="submit">${label}</button></form>`

export function frame(ctx: OperatorContext, title: string, body: SafeHtml): string {
  const { ui } = ctx
  return page({
    title, ui, url: ctx.url,
    body: html`<nav aria-label="${ui.t('nav.operators')}"><ul class="nav">
<li><a href="/operators/queue">${ui.t('op.queue')}</a></li>
<li><a href="/operators/listings">${ui.t('op.listings')}</a></li>
<li><a href="/operators/peers">${ui.t('op.peers')}</a></li>
<li><a href="/operators/settings">${ui.t('op.settings')}</a></li>
<li>${action(ctx, '/operators/sign-out', ui.t('op.signOut'))}</li>
</ul></nav>
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

function listingRows(ctx: OperatorContext, listings: Listing[], withActions: boolean): SafeHtml {
  const { ui } = ctx
  return html`<table><thead><tr><th scope="col">${ui.t('join.name')}</th><th scope="col">${ui.t('join.kind')}</th><th scope="col">${ui.t('op.origin')}</th><th scope="col">${ui.t('op.updated')}</th><th scope="col">${ui.t('op.moderation')}</th>${withActions ? html`<th scope="col"><span class="visually-hidden">${ui.t('op.moderation')}</span></th>` : ''}</tr></thead>
<tbody>${listings.map((l) => html`<tr data-slug="${l.slug}"><td>${l.name}</td><td>${kindLabel(l.kind, ui.lang)}</td><td>${new URL(l.origin).host}</td><td>${ui.date(l.updated)}</td><td>${l.moderation}</td>
${withActions ? html`<td>${action(ctx, `/operators/listings/${encodeURIComponent(l.slug)}/approve`, ui.t('op.approve'))} ${action(ctx, `/operators/listings/${encodeURIComponent(l.slug)}/reject`, ui.t('op.reject'))}</td>` : ''}</tr>`)}</tbody></table>`
}

export function queuePage(ctx: OperatorContext, pending: Listing[]): string {
  return frame(ctx, ctx.ui.t('op.queue'), pending.length ? listingRows(ctx, pending, true) : html`<p>${ctx.ui.t('op.queueEmpty')}</p>`)
}

export function listingsPage(ctx: OperatorContext, listings: Listing[], total: number, demo: SafeHtml | '' = ''): string {
  return frame(ctx, ctx.ui.t('op.listings'), html`<p>${ctx.ui.t('op.total', { count: total })}</p>${listingRows(ctx, listings, false)}${demo}`)
}

export function peersPage(ctx: OperatorContext, peers: Array<{ peer: Peer; deliveries?: HostStatus }>, error?: string): string {
  const { ui } = ctx
  const body = html`${error ? html`<p class="errors" role="alert">${error}</p>` : ''}
<form method="post" action="/operators/peers">${csrfField(ctx)}
<div class="field"><label for="peer-url">${ui.t('op.followUrl')}</label><input id="peer-url" name="url" type="url" required></div>
<p><button type="submit">${ui.t('op.follow')}</button></p></form>
${peers.length ? html`<table><thead><tr><th scope="col">${ui.t('op.origin')}</th><th scope="col">${ui.t('op.state')}</th><th scope="col">${ui.t('op.mirrored')}</th><th scope="col">${ui.t('op.lastSync')}</th><th scope="col">${ui.t('op.lastError')}</th><th scope="col">${ui.t('op.queued')}</th><th scope="col"><span class="visually-hidden">${ui.t('op.state')}</span></th></tr></thead>
<tbody>${peers.map(({ peer, deliveries }) => html`<tr><td>${peer.origin}</td><td>→ ${peer.outbound.state} · ← ${peer.inbound.state}${peer.blocked ? ' · blocked' : ''}</td><td>${ui.number(peer.sync.mirrored ?? 0)}</td>
<td>${peer.sync.lastSync ? ui.date(peer.sync.lastSync) : ui.t('op.never')}</td><td>${peer.sync.lastError ?? ''}</td><td>${ui.number(deliveries?.queued ?? 0)}${deliveries?.failing ? html` (${ui.number(deliveries.failing)} ✗)` : ''}</td>
<td>${peer.inbound.state === 'pending' ? html`${action(ctx, `/operators/peers/${encodeURIComponent(peer.id)}/approve`, ui.t('op.approve'))} ${action(ctx, `/operators/peers/${encodeURIComponent(peer.id)}/reject`, ui.t('op.reject'))}` : ''}
${peer.blocked ? '' : action(ctx, `/operators/peers/${encodeURIComponent(peer.id)}/block`, ui.t('op.block'))}</td></tr>`)}</tbody></table>` : html`<p>${ui.t('op.noPeers')}</p>`}`
  return frame(ctx, ui.t('op.peers'), body)
}

export function settingsPage(ctx: OperatorContext, settings: { name: string; publicUrl: string; autoApprove: readonly string[]; repairIntervalMs: number; tileUrl: string; mail?: { from: string; server: string } }): string {
  const { ui } = ctx
  return frame(ctx, ui.t('op.settings'), html`<p>${ui.t('op.settingsNote')}</p>
<dl class="facts"><dt>${ui.t('op.instanceName')}</dt><dd>${settings.name}</dd><dt>${ui.t('op.publicUrl')}</dt><dd>${settings.publicUrl}</dd>
<dt>${ui.t('op.autoApprove')}</dt><dd>${settings.autoApprove.join(', ') || '—'}</dd><dt>${ui.t('op.repairInterval')}</dt><dd>${ui.number(Math.round(settings.repairIntervalMs / 60000))} min</dd>
<dt>TILE_URL</dt><dd>${settings.tileUrl}</dd>
<dt>${ui.t('op.mail')}</dt><dd>${settings.mail ? ui.t('op.mailOn', settings.mail) : ui.t('op.mailOff')}</dd></dl>`)
}
