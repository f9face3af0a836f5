/**
 * The peers page: follow an instance (choosing whether its listings are
 * shown at once or wait for review), each peer's two directions and state
 * in words, its sync in "5 minutes ago" with the exact time on hover, and
 * what can be done from here. Unfollow, Reject and Block look destructive
 * and are confirmed on a page of their own, saying what follows.
 */
import type { Request } from 'express'
import type { Peer, InboundState, OutboundState } from '../../../federation/peers/peer-store'
import type { HostStatus } from '../../../federation/delivery/queue'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { action, csrfField, frame, type OperatorContext } from './view'
import { outcomeNotice, type Outcomes } from './outcome'
import { timeAgo } from './relative-time'

export const PEER_OUTCOMES: Outcomes = {
  done: { followed: 'opPeer.followed', unfollowed: 'opPeer.unfollowed', approved: 'opPeer.approved', rejected: 'opPeer.rejected', blocked: 'opPeer.blocked', syncStarted: 'opPeer.syncStarted' },
  error: {
    urlMissing: 'opPeer.urlMissing', unreachable: 'opPeer.unreachable', self: 'opPeer.self', isBlocked: 'opPeer.isBlocked',
    notFound: 'opPeer.notFound', notAsked: 'opPeer.notAsked', notFollowing: 'opPeer.notFollowing', unconfirmed: 'opPeer.unconfirmed'
  }
}

/** The destructive answers, each confirmed first. */
export type ConfirmedVerb = 'unfollow' | 'reject' | 'block'
export const CONFIRMED_VERBS: readonly ConfirmedVerb[] = ['unfollow', 'reject', 'block']

const OUTBOUND: Record<OutboundState, MessageKey> = { none: 'opPeer.outNone', pending: 'opPeer.outPending', accepted: 'opPeer.outAccepted', rejected: 'opPeer.outRejected' }
const INBOUND: Record<InboundState, MessageKey> = { none: 'opPeer.inNone', pending: 'opPeer.inPending', approved: 'opPeer.inApproved', rejected: 'opPeer.inRejected' }
const POLICY: Record<Peer['policy'], MessageKey> = { publish: 'opPeer.policyPublish', review: 'opPeer.policyReview' }
const VERB_LABEL: Record<ConfirmedVerb, MessageKey> = { unfollow: 'opPeer.unfollow', reject: 'op.reject', block: 'op.block' }

export const hostOf = (peer: Pick<Peer, 'origin'>): string => new URL(peer.origin).host
const peerPath = (peer: Pick<Peer, 'id'>, rest: string) => `/operators/peers/${encodeURIComponent(peer.id)}/${rest}`

/** Publish at once or hold for review: the choice made when following, with what each means. */
function policyChoice(ui: Ui, idPrefix: string, current: Peer['policy'] = 'publish'): SafeHtml {
  const radio = (value: Peer['policy'], label: MessageKey, hint: MessageKey) => html`<div class="choice">
<input type="radio" id="${idPrefix}-${value}" name="policy" value="${value}" aria-describedby="${idPrefix}-${value}-hint"${value === current ? html` checked` : ''}>
<label for="${idPrefix}-${value}">${ui.t(label)}</label>
<p class="hint" id="${idPrefix}-${value}-hint">${ui.t(hint)}</p></div>`
  return html`<fieldset class="policy"><legend>${ui.t('opPeer.policyLegend')}</legend>
${radio('publish', 'opPeer.publish', 'opPeer.policyPublish')}${radio('review', 'opPeer.review', 'opPeer.policyReview')}</fieldset>`
}

function followForm(ctx: OperatorContext, query: Request['query']): SafeHtml {
  const { ui } = ctx
  // a URL that failed comes back to be corrected (escaped as any value; only a bounded one)
  const tried = typeof query.url === 'string' && query.url.length <= 500 ? query.url : ''
  const failed = typeof query.error === 'string' && query.error in PEER_OUTCOMES.error && !!tried
  return html`<form method="post" action="/operators/peers" class="follow-form">${csrfField(ctx)}
<div class="field"><label for="peer-url">${ui.t('op.followUrl')}</label>
<p class="hint" id="peer-url-hint">${ui.t('opPeer.urlHint')}</p>
<input id="peer-url" name="url" type="url" required value="${tried}" aria-describedby="peer-url-hint${failed ? ' outcome' : ''}"${failed ? html` aria-invalid="true"` : ''}></div>
${policyChoice(ui, 'follow-policy')}
<p><button type="submit">${ui.t('op.follow')}</button></p></form>`
}

function legend(ui: Ui, open: boolean): SafeHtml {
  const states = (keys: Record<string, MessageKey>) => html`<ul>${Object.values(keys).map((k) => html`<li>${ui.t(k)}</li>`)}</ul>`
  return html`<details class="legend"${open ? html` open` : ''}><summary>${ui.t('opPeer.legendTitle')}</summary>
<p>${ui.t('opPeer.legendIntro')}</p>
<dl class="facts"><dt>${ui.t('opPeer.weFollow')}</dt><dd>${ui.t('opPeer.legendWeFollow')}${states(OUTBOUND)}</dd>
<dt>${ui.t('opPeer.theyFollow')}</dt><dd>${ui.t('opPeer.legendTheyFollow')}${states(INBOUND)}</dd>
<dt>${ui.t('opPeer.blockedTitle')}</dt><dd>${ui.t('opPeer.blockedState')}</dd></dl></details>`
}

function actions(ctx: OperatorContext, peer: Peer): SafeHtml {
  const { ui } = ctx
  const confirmLink = (verb: ConfirmedVerb, label: string) => html`<a class="button-link danger" href="${peerPath(peer, `confirm/${verb}`)}">${label}<span class="visually-hidden"> ${hostOf(peer)}</span></a>`
  const out = peer.outbound.state
  const asking = peer.inbound.state === 'pending'
  const followsUs = peer.inbound.state === 'approved' || asking
  return html`<div class="peer-actions">
${!peer.blocked && out === 'accepted' ? action(ctx, peerPath(peer, 'sync'), ui.t('opPeer.syncNow')) : ''}
${!peer.blocked && asking ? action(ctx, peerPath(peer, 'approve'), ui.t('op.approve')) : ''}
${!peer.blocked && asking ? confirmLink('reject', ui.t('op.reject')) : ''}
${!peer.blocked && (out === 'none' || out === 'rejected') ? html`<form method="post" action="${peerPath(peer, 'follow')}" class="follow-back">${csrfField(ctx)}
<label for="policy-${peer.id}">${ui.t('opPeer.policyLegend')}</label> <select id="policy-${peer.id}" name="policy"><option value="publish">${ui.t('opPeer.publish')}</option><option value="review">${ui.t('opPeer.review')}</option></select>
<button type="submit">${ui.t(followsUs ? 'opPeer.followBack' : 'op.follow')}</button></form>` : ''}
${out === 'accepted' || out === 'pending' ? confirmLink('unfollow', ui.t('opPeer.unfollow')) : ''}
${peer.blocked ? '' : confirmLink('block', ui.t('op.block'))}
</div>`
}

export interface PeerRow { peer: Peer; deliveries?: HostStatus }

function peerCard(ctx: OperatorContext, { peer, deliveries }: PeerRow, now: Date): SafeHtml {
  const { ui } = ctx
  const since = (at: Date | undefined) => (at ? html` <span class="meta">(${timeAgo(ui.lang, at, now)})</span>` : '')
  const headingId = `peer-${peer.id}`
  return html`<article class="peer${peer.blocked ? ' blocked' : ''}" aria-labelledby="${headingId}" data-peer="${peer.id}">
<h2 id="${headingId}">${hostOf(peer)}</h2>
${peer.blocked ? html`<p class="peer-blocked">${ui.t('opPeer.blockedState')}</p>` : ''}
<dl class="facts">
<dt>${ui.t('opPeer.weFollow')}</dt><dd data-state="${peer.outbound.state}">${ui.t(OUTBOUND[peer.outbound.state])}${since(peer.outbound.since)}</dd>
${peer.outbound.state !== 'none' ? html`<dt>${ui.t('opPeer.policyLegend')}</dt><dd>${ui.t(POLICY[peer.policy])}</dd>` : ''}
<dt>${ui.t('opPeer.theyFollow')}</dt><dd data-state="${peer.inbound.state}">${ui.t(INBOUND[peer.inbound.state])}${since(peer.inbound.since)}</dd>
<dt>${ui.t('op.mirrored')}</dt><dd>${ui.number(peer.sync.mirrored ?? 0)}</dd>
<dt>${ui.t('op.lastSync')}</dt><dd>${peer.sync.lastSync ? timeAgo(ui.lang, peer.sync.lastSync, now) : ui.t('op.never')}</dd>
${peer.sync.lastError ? html`<dt>${ui.t('op.lastError')}</dt><dd class="peer-error">${peer.sync.lastError}</dd>` : ''}
<dt>${ui.t('op.queued')}</dt><dd>${ui.number(deliveries?.queued ?? 0)}${deliveries?.failing ? html` ${ui.t('opPeer.failing', { count: deliveries.failing })}` : ''}</dd>
</dl>
${actions(ctx, peer)}
</article>`
}

export function peersPage(ctx: OperatorContext, rows: PeerRow[], query: Request['query'], now: Date): string {
  const { ui } = ctx
  return frame(ctx, ui.t('op.peers'), html`${outcomeNotice(ui, query, PEER_OUTCOMES)}
${followForm(ctx, query)}
${legend(ui, rows.length === 0)}
${rows.length ? rows.map((row) => peerCard(ctx, row, now)) : html`<p>${ui.t('op.noPeers')}</p>`}`)
}

/** "Block example.org?": what the answer does, and the one button that does it. */
export function peerConfirmPage(ctx: OperatorContext, peer: Peer, verb: ConfirmedVerb, query: Request['query']): string {
  const { ui } = ctx
  const host = hostOf(peer)
  const what: Record<ConfirmedVerb, MessageKey> = { unfollow: 'opPeer.confirmUnfollow', reject: 'opPeer.confirmReject', block: 'opPeer.confirmBlock' }
  return frame(ctx, ui.t('opPeer.confirmTitle', { action: ui.t(VERB_LABEL[verb]), host }), html`${outcomeNotice(ui, query, PEER_OUTCOMES)}
<div class="confirm-box"><p>${ui.t(what[verb], { host, count: peer.sync.mirrored ?? 0 })}</p>
<form method="post" action="${peerPath(peer, verb)}">${csrfField(ctx)}<input type="hidden" name="confirm" value="yes">
<p><button type="submit" class="danger">${ui.t(VERB_LABEL[verb])}: ${host}</button> <a href="/operators/peers">${ui.t('opList.cancel')}</a></p></form></div>`)
}
