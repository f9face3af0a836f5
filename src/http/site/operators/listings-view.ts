/**
 * The operator's listings page: search, filters, pages ("101–150 of 346"),
 * each listing linked to its profile; this instance's listings with Edit
 * and Delete, mirrored ones marked as their origin's. Delete asks first, on
 * a page of its own (it works without JavaScript and says what follows).
 */
import type { Request } from 'express'
import { isPublished, type Listing } from '../../../directory/listing'
import type { ListingPage } from '../../../directory/listing-store'
import { kindLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { csrfField, frame, type OperatorContext } from './view'
import { pageRange, pageWindow, type ListingFilter } from './listing-finder'
import { outcomeNotice, type Outcomes } from './outcome'
import { timeAgo } from './relative-time'

export const LISTING_OUTCOMES: Outcomes = {
  done: { deleted: 'opList.deleted' },
  error: { notFound: 'opList.notFound', notLocal: 'opList.notLocal', changed: 'opList.changed', unconfirmed: 'opList.unconfirmed' }
}

const STATE_WORDS: Record<Listing['moderation'], MessageKey> = { approved: 'opList.stateApproved', pending: 'opList.statePending', rejected: 'opList.stateRejected' }

export const stateWords = (ui: Ui, state: Listing['moderation']): string => ui.t(STATE_WORDS[state])

const slugPath = (slug: string, rest: string) => `/operators/listings/${encodeURIComponent(slug)}/${rest}`

/** Where the public reads a listing: its own address here, or a mirror's page with its provenance. */
function profileHref(listing: Listing, localOrigin: string): string {
  return listing.origin === localOrigin ? `/orgs/${encodeURIComponent(listing.slug)}` : `/profile?id=${encodeURIComponent(listing.id)}`
}

/** This page's address with the filter, at `page`. */
export function filterHref(filter: ListingFilter, page: number): string {
  const params = new URLSearchParams()
  if (filter.q) params.set('q', filter.q)
  if (filter.scope !== 'all') params.set('scope', filter.scope)
  if (filter.moderation) params.set('state', filter.moderation)
  if (page > 1) params.set('page', String(page))
  const search = params.toString()
  return `/operators/listings${search ? `?${search}` : ''}`
}

function filterForm(ui: Ui, filter: ListingFilter): SafeHtml {
  const option = (value: string, label: string, current: string) => html`<option value="${value}"${value === current ? html` selected` : ''}>${label}</option>`
  return html`<form method="get" action="/operators/listings" class="listing-filters" role="search">
<div class="field"><label for="list-q">${ui.t('opList.search')}</label><input id="list-q" name="q" type="search" value="${filter.q}" maxlength="100"></div>
<div class="field"><label for="list-scope">${ui.t('opList.scope')}</label><select id="list-scope" name="scope">
${option('all', ui.t('opList.scopeAll'), filter.scope)}${option('local', ui.t('opList.scopeLocal'), filter.scope)}${option('mirrored', ui.t('opList.scopeMirrored'), filter.scope)}</select></div>
<div class="field"><label for="list-state">${ui.t('op.moderation')}</label><select id="list-state" name="state">
${option('', ui.t('opList.stateAny'), filter.moderation ?? '')}${option('approved', ui.t('opList.stateApproved'), filter.moderation ?? '')}${option('pending', ui.t('opList.statePending'), filter.moderation ?? '')}${option('rejected', ui.t('opList.stateRejected'), filter.moderation ?? '')}</select></div>
<p><button type="submit">${ui.t('opList.show')}</button>${filter.q || filter.scope !== 'all' || filter.moderation ? html` <a href="/operators/listings">${ui.t('opList.clear')}</a>` : ''}</p>
</form>`
}

function actionsFor(ui: Ui, listing: Listing, localOrigin: string): SafeHtml {
  if (listing.origin !== localOrigin) return html`<span class="meta">${ui.t('opList.theirs')}</span>`
  return html`<a class="button-link" href="${slugPath(listing.slug, 'edit')}">${ui.t('opList.edit')}<span class="visually-hidden"> ${listing.name}</span></a>
<a class="button-link danger" href="${slugPath(listing.slug, 'delete')}">${ui.t('opList.delete')}<span class="visually-hidden"> ${listing.name}</span></a>`
}

function rows(ctx: OperatorContext, listings: Listing[], localOrigin: string, now: Date): SafeHtml {
  const { ui } = ctx
  return html`<table class="operator-listings"><thead><tr><th scope="col">${ui.t('join.name')}</th><th scope="col">${ui.t('join.kind')}</th><th scope="col">${ui.t('op.origin')}</th><th scope="col">${ui.t('op.updated')}</th><th scope="col">${ui.t('op.moderation')}</th><th scope="col">${ui.t('opList.actions')}</th></tr></thead>
<tbody>${listings.map((l) => html`<tr data-slug="${l.slug}">
<td>${isPublished(l) ? html`<a href="${profileHref(l, localOrigin)}">${l.name}</a>` : l.name}<br><span class="meta">${l.slug}</span></td>
<td>${kindLabel(l.kind, ui.lang)}</td><td>${l.origin === localOrigin ? ui.t('opList.here') : new URL(l.origin).host}</td>
<td>${timeAgo(ui.lang, l.updated, now)}</td><td>${stateWords(ui, l.moderation)}</td><td class="actions">${actionsFor(ui, l, localOrigin)}</td></tr>`)}</tbody></table>`
}

function pager(ui: Ui, result: ListingPage, filter: ListingFilter): SafeHtml | '' {
  const { pages } = pageRange(result)
  if (pages <= 1) return ''
  const link = (n: number, label: string | SafeHtml, rel = '') =>
    html`<li><a href="${filterHref(filter, n)}"${rel ? html` rel="${rel}"` : ''}${n === result.page ? html` aria-current="page"` : ''}>${label}</a></li>`
  return html`<nav class="pager" aria-label="${ui.t('opList.pages')}"><ul>
${result.page > 1 ? link(result.page - 1, ui.t('opList.previous'), 'prev') : ''}
${pageWindow(result.page, pages).map((n) => (n === null ? html`<li aria-hidden="true">…</li>` : link(n, html`<span class="visually-hidden">${ui.t('opList.page')} </span>${ui.number(n)}`)))}
${result.page < pages ? link(result.page + 1, ui.t('opList.next'), 'next') : ''}
</ul></nav>`
}

/** What the page says of its count: "101–150 of 346", or that nothing matched. */
function rangeLine(ui: Ui, result: ListingPage, filter: ListingFilter): SafeHtml {
  const { from, to } = pageRange(result)
  if (!result.total) return html`<p role="status" class="range">${ui.t(filter.q || filter.scope !== 'all' || filter.moderation ? 'opList.noMatch' : 'opList.none')}</p>`
  return html`<p role="status" class="range">${ui.t('opList.range', { from, to, total: result.total })}</p>`
}

export interface ListingsPageData { result: ListingPage; filter: ListingFilter; localOrigin: string; now: Date; query: Request['query']; demo?: SafeHtml | '' }

export function listingsPage(ctx: OperatorContext, data: ListingsPageData): string {
  const { ui } = ctx
  const { result, filter } = data
  return frame(ctx, ui.t('op.listings'), html`${outcomeNotice(ui, data.query, LISTING_OUTCOMES)}
${filterForm(ui, filter)}
${rangeLine(ui, result, filter)}
${result.items.length ? rows(ctx, result.items, data.localOrigin, data.now) : ''}
${pager(ui, result, filter)}
${data.demo ?? ''}`, { wide: true })
}

/** "Delete this listing?": what deleting means, and the one button that does it. */
export function deleteConfirmPage(ctx: OperatorContext, listing: Listing, query: Request['query']): string {
  const { ui } = ctx
  return frame(ctx, ui.t('opList.deleteTitle', { name: listing.name }), html`${outcomeNotice(ui, query, LISTING_OUTCOMES)}
<div class="confirm-box">
<p>${ui.t('opList.deleteWhat')}</p>
<ul><li>${ui.t('opList.deletePeers')}</li><li>${ui.t('opList.deleteGone', { path: `/orgs/${listing.slug}` })}</li><li>${ui.t('opList.deleteAccount')}</li></ul>
<form method="post" action="${slugPath(listing.slug, 'delete')}">${csrfField(ctx)}
<input type="hidden" name="_version" value="${String(listing.version)}">
<p><label><input type="checkbox" name="confirm" value="yes" required> ${ui.t('opList.deleteTick', { name: listing.name })}</label></p>
<p><button type="submit" class="danger">${ui.t('opList.deleteButton')}</button> <a href="/operators/listings">${ui.t('opList.cancel')}</a></p>
</form></div>`)
}
