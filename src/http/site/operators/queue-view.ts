/**
 * The moderation queue's pages (issue 12, point 5): the queue, searchable
 * and paged, each row linking to its full view; the full view of an
 * application (the listing exactly as its profile will show it) or of a
 * change (the field-by-field diff, then the profile as approval would
 * publish it). Approve is the primary button; Reject is destructive and
 * needs a ticked box, so it cannot happen by a slip, with or without JS.
 */
import type { ContactField, Listing } from '../../../directory/listing'
import type { HeldChange, ReviewField } from '../../../directory/change-review'
import { withHeld } from '../../../directory/held-changes'
import { inputOf } from '../../../directory/listing-service'
import { changedSinceHeld } from '../../../directory/change-review'
import { kindLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { profileArticle, profileAssets } from '../profile/view'
import { diffRows, diffTable, fieldList, reviewFieldLabel } from '../review/diff'
import { moment, sentenceWithMoment } from '../review/moment'
import { csrfField, frame, type OperatorContext } from './view'
import type { QueueItem, QueuePage } from './queue-items'

/** What a full view's profile is rendered with: this instance's host and the map's tiles. */
export interface ProfileSettings {
  host: string
  tileUrl: string
  tileAttribution: string
}

/** A message above a page, from an allowlisted query key (never text from the query itself). */
export type QueueNotice = { kind: 'done' | 'error'; key: MessageKey } | undefined

const noticeHtml = (ui: Ui, notice: QueueNotice): SafeHtml | '' =>
  notice ? html`<p class="${notice.kind === 'error' ? 'errors' : 'notice'}" role="${notice.kind === 'error' ? 'alert' : 'status'}">${ui.t(notice.key)}</p>` : ''

/** An application's origin in its links: a mirrored one (a peer followed for review) shares its slug space with no one here. */
const ofOrigin = (listing: Pick<Listing, 'origin'>): string => `?origin=${encodeURIComponent(listing.origin)}`
export const applicationPath = (listing: Pick<Listing, 'slug' | 'origin'>): string => `/operators/queue/applications/${encodeURIComponent(listing.slug)}${ofOrigin(listing)}`
export const changePath = (slug: string): string => `/operators/queue/changes/${encodeURIComponent(slug)}`
/** Where an item's decisions are posted: the listing's own moderation for an application, its change's for a change. */
export const decisionPath = (item: Pick<QueueItem, 'kind' | 'listing'>, verb: 'approve' | 'reject'): string =>
  item.kind === 'application' ? `/operators/listings/${encodeURIComponent(item.listing.slug)}/${verb}${ofOrigin(item.listing)}` : `${changePath(item.listing.slug)}/${verb}`

/** A queue link keeping the search: page `page` of it. */
function queueHref(search: string, page: number): string {
  const q = new URLSearchParams()
  if (search) q.set('q', search)
  if (page > 1) q.set('page', String(page))
  const s = q.toString()
  return `/operators/queue${s ? `?${s}` : ''}`
}

/** What the decision is about: the change's time, or the application's version (approving decides on what was seen, not on a later save). */
const heldAtField = (item: QueueItem): SafeHtml =>
  item.kind === 'change' ? html`<input type="hidden" name="heldAt" value="${item.change.heldAt.toISOString()}">` : html`<input type="hidden" name="_version" value="${String(item.listing.version)}">`

function what(ui: Ui, item: QueueItem): string {
  return item.kind === 'application' ? ui.t('review.application') : ui.t('review.changeOf', { fields: fieldList(ui, item.change) })
}

function row(ctx: OperatorContext, item: QueueItem): SafeHtml {
  const { ui } = ctx
  const l = item.listing
  const href = item.kind === 'application' ? applicationPath(l) : changePath(l.slug)
  return html`<tr data-slug="${l.slug}" data-kind="${item.kind}"><td><a href="${href}">${l.name}</a><br><span class="meta">${kindLabel(l.kind, ui.lang)} · ${new URL(l.origin).host}</span></td>
<td>${what(ui, item)}</td><td>${moment(ui, item.since)}</td>
<td><a href="${href}" class="review-link">${ui.t(item.kind === 'application' ? 'review.seeApplication' : 'review.seeChange')}</a></td></tr>`
}

function pager(ui: Ui, result: QueuePage, search: string): SafeHtml | '' {
  if (result.pages <= 1) return ''
  const link = (page: number, label: string, rel?: string) =>
    page === result.page ? html`<li><a href="${queueHref(search, page)}" aria-current="page">${label}</a></li>` : html`<li><a href="${queueHref(search, page)}"${rel ? html` rel="${rel}"` : ''}>${label}</a></li>`
  const numbers = Array.from({ length: result.pages }, (_, i) => i + 1)
  return html`<nav aria-label="${ui.t('review.pages')}"><ul class="pages">
${result.page > 1 ? link(result.page - 1, ui.t('review.previous'), 'prev') : ''}
${numbers.map((n) => link(n, ui.number(n)))}
${result.page < result.pages ? link(result.page + 1, ui.t('review.next'), 'next') : ''}
</ul></nav>`
}

/** The queue: search, counts, one row per waiting item, page links. */
export function queueListPage(ctx: OperatorContext, result: QueuePage, search: string, notice: QueueNotice): string {
  const { ui } = ctx
  const from = (result.page - 1) * result.perPage + 1
  const to = from + result.items.length - 1
  const counts = result.total ? html`<p class="queue-count">${ui.t('review.count', { from: ui.number(from), to: ui.number(to), total: ui.number(result.total) })}</p>` : ''
  const empty = search ? ui.t('review.noMatch', { q: search }) : ui.t('op.queueEmpty')
  return frame(ctx, ui.t('op.queue'), html`${noticeHtml(ui, notice)}
<p>${ui.t('review.queueIntro')}</p>
<form method="get" action="/operators/queue" class="queue-search" role="search"><label for="queue-q">${ui.t('review.search')}</label>
<input id="queue-q" name="q" type="search" value="${search}" maxlength="100"> <button type="submit" class="secondary">${ui.t('review.searchSubmit')}</button></form>
${counts}
${result.items.length ? html`<table class="queue"><thead><tr><th scope="col">${ui.t('join.name')}</th><th scope="col">${ui.t('review.what')}</th><th scope="col">${ui.t('review.since')}</th><th scope="col"><span class="visually-hidden">${ui.t('op.moderation')}</span></th></tr></thead>
<tbody>${result.items.map((item) => row(ctx, item))}</tbody></table>` : html`<p>${empty}</p>`}
${pager(ui, result, search)}`)
}

/**
 * Approve, and Reject behind a ticked box: only here, beside the full
 * listing or the diff, never from a row of the queue.
 */
function decision(ctx: OperatorContext, item: QueueItem): SafeHtml {
  const { ui } = ctx
  return html`<section class="decision" aria-labelledby="decision-title"><h2 id="decision-title">${ui.t('review.decide')}</h2>
<form method="post" action="${decisionPath(item, 'approve')}">${csrfField(ctx)}${heldAtField(item)}<button type="submit">${ui.t('op.approve')}</button></form>
<form method="post" action="${decisionPath(item, 'reject')}" class="reject" id="reject">${csrfField(ctx)}${heldAtField(item)}
<p class="meta">${ui.t(item.kind === 'application' ? 'review.rejectApplication' : 'review.rejectChange')}</p>
<label><input type="checkbox" name="confirm" value="yes" required> ${ui.t('review.confirmReject')}</label>
<button type="submit" class="danger">${ui.t('op.reject')}</button></form></section>`
}

const back = (ui: Ui): SafeHtml => html`<p><a href="/operators/queue">${ui.t('review.back')}</a></p>`

/** A label that starts a line (the field labels are written to sit inside a sentence). */
const capitalised = (ui: Ui, label: string): string => label.charAt(0).toLocaleUpperCase(ui.lang) + label.slice(1)

/**
 * The listing as its profile shows it, then what the profile does not show
 * the public (contacts shared with partner directories only), so the
 * operator reads every field.
 */
function profileOf(ui: Ui, listing: Listing, settings: ProfileSettings): SafeHtml {
  const partners = (Object.entries(listing.contact ?? {}) as Array<[ContactField, string]>).filter(([field]) => listing.contactVisibility?.[field] === 'partners')
  return html`${profileArticle(listing, { ui, url: '', stale: false, ...settings }, { nameLevel: 3 })}
${partners.length ? html`<h4>${ui.t('review.partnersOnly')}</h4><dl class="facts">${partners.map(([field, value]) => html`<dt>${capitalised(ui, reviewFieldLabel(ui, field))}</dt><dd>${value}</dd>`)}</dl>` : ''}`
}

/** An application in full: the listing exactly as its profile will be, then the decision. */
export function applicationPage(ctx: OperatorContext, listing: Listing, settings: ProfileSettings, notice: QueueNotice): string {
  const { ui } = ctx
  const item: QueueItem = { kind: 'application', listing, since: listing.published }
  return frame(ctx, ui.t('review.applicationTitle', { name: listing.name }), html`${noticeHtml(ui, notice)}${back(ui)}
<p>${sentenceWithMoment(ui, 'review.appliedOn', listing.published)}</p>
<section class="queue-profile" aria-labelledby="profile-title"><h2 id="profile-title">${ui.t('review.profileAsSent')}</h2>
${profileOf(ui, listing, settings)}</section>
${decision(ctx, item)}`, profileAssets(listing))
}

/** A change in full: the diff against what is published now (and what changed since it was proposed), the profile as approval would make it, the decision. */
export function changePage(ctx: OperatorContext, listing: Listing, change: HeldChange, settings: ProfileSettings, notice: QueueNotice): string {
  const { ui } = ctx
  const current = inputOf(listing)
  const valueNow = (path: readonly string[]): unknown =>
    path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), current) ?? null
  const since = changedSinceHeld(current, change.values)
  const after = withHeld(listing, change)
  const item: QueueItem = { kind: 'change', listing, change, since: change.heldAt }
  return frame(ctx, ui.t('review.changeTitle', { name: listing.name }), html`${noticeHtml(ui, notice)}${back(ui)}
<p>${sentenceWithMoment(ui, 'review.proposedOn', change.heldAt, { fields: fieldList(ui, change) })}</p>
${since.length ? html`<p class="notice" role="note">${ui.t('review.changedSinceNote')}</p>` : ''}
${diffTable(ui, diffRows(ui, change.values, valueNow), ui.t('review.diffCaption'))}
${decision(ctx, item)}
<section class="queue-profile" aria-labelledby="profile-title"><h2 id="profile-title">${ui.t('review.profileAfter')}</h2>
${profileOf(ui, after, settings)}</section>`, profileAssets(after))
}

/**
 * The settings page's row for REVIEW_CHANGES (operators/view.ts settingsPage
 * shows it inside its <dl>).
 */
export const reviewSettingRow = (ui: Ui, reviewed: readonly ReviewField[]): SafeHtml =>
  html`<dt>${ui.t('review.settingsRow')}</dt><dd>${reviewed.length ? html`${fieldList(ui, { fields: [...reviewed] })} (<code>${reviewed.join(',')}</code>)` : ui.t('review.settingsNone')}</dd>`
