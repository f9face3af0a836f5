/**
 * The pages of an editor's account: the settings page (password, sign-in
 * address, sign out everywhere, delete the listing: one form each, each with
 * its own errors next to its fields), the page a new address's link opens,
 * and the pages a finished step leads to.
 */
import { MIN_PASSWORD } from '../../../directory/editor-accounts'
import { html, type SafeHtml } from '../html'
import type { MessageKey } from '../i18n/messages'
import type { Ui } from '../i18n/translate'
import { page } from '../layout'

/** Who is signed in, for which listing, and whether this instance sends mail. */
export interface AccountPageContext {
  ui: Ui
  url: string
  csrf: string
  listingName: string
  email: string
  mailOn: boolean
}

/** Which of the page's forms was sent. */
export type AccountForm = 'password' | 'email' | 'delete'

/** What the page shows besides the forms: a notice after a step, or one form's errors (by field) and what was typed in it. */
export interface AccountState {
  notice?: MessageKey
  form?: AccountForm
  errors?: Record<string, MessageKey>
  newEmail?: string
}

const errorId = (field: string) => `${field}-error`

/*
 * A form's one mistake (each check stops at the first) is the field that
 * takes focus when the page comes back, so the reader lands on it, however
 * far down the page its form is.
 */

/** A labelled input with its error beside it (and pointed to, for screen readers). */
function input(ui: Ui, state: AccountState, field: string, label: string, type: 'password' | 'email', autocomplete: string, value = ''): SafeHtml {
  const error = state.errors?.[field]
  return html`<div class="field"><label for="${field}">${label}</label>
<input id="${field}" name="${field}" type="${type}" autocomplete="${autocomplete}" required${value ? html` value="${value}"` : ''}${error ? html` aria-invalid="true" aria-describedby="${errorId(field)}" autofocus` : ''}>
${error ? html`<p class="error" id="${errorId(field)}">${ui.t(error, { min: MIN_PASSWORD })}</p>` : ''}</div>`
}

/** The alert at the top of the form that was sent with mistakes. */
const formAlert = (ui: Ui, state: AccountState, form: AccountForm) =>
  state.form === form && state.errors ? html`<p class="errors" role="alert">${ui.t('account.fixBelow')}</p>` : ''

const csrfField = (ctx: AccountPageContext) => html`<input type="hidden" name="_csrf" value="${ctx.csrf}">`

/** The password form; its hidden, unnamed username tells password managers whose new password it is (it is not sent). */
function passwordSection(ctx: AccountPageContext, state: AccountState): SafeHtml {
  const { ui } = ctx
  const mine = state.form === 'password' ? state : {}
  return html`<section class="account-part" aria-labelledby="password-title"><h2 id="password-title">${ui.t('account.passwordTitle')}</h2>
${formAlert(ui, state, 'password')}
<form method="post" action="/editors/account/password">${csrfField(ctx)}
<input type="text" autocomplete="username" value="${ctx.email}" hidden>
${input(ui, mine, 'current', ui.t('account.current'), 'password', 'current-password')}
${input(ui, mine, 'newPassword', ui.t('account.newPassword', { min: MIN_PASSWORD }), 'password', 'new-password')}
${input(ui, mine, 'newPasswordAgain', ui.t('account.newPasswordAgain'), 'password', 'new-password')}
<p class="hint">${ui.t('account.passwordNote')}</p>
<p><button type="submit">${ui.t('account.passwordSubmit')}</button></p></form></section>`
}

function emailSection(ctx: AccountPageContext, state: AccountState): SafeHtml {
  const { ui } = ctx
  const title = html`<h2 id="email-title">${ui.t('account.emailTitle')}</h2>`
  if (!ctx.mailOn) return html`<section class="account-part" aria-labelledby="email-title">${title}<p class="notice">${ui.t('account.emailNoMail')}</p></section>`
  const mine = state.form === 'email' ? state : {}
  return html`<section class="account-part" aria-labelledby="email-title">${title}
${formAlert(ui, state, 'email')}
<form method="post" action="/editors/account/email">${csrfField(ctx)}
${input(ui, mine, 'newEmail', ui.t('account.newEmail'), 'email', 'email', mine.newEmail)}
${input(ui, mine, 'current', ui.t('account.current'), 'password', 'current-password')}
<p class="hint">${ui.t('account.emailNote')}</p>
<p><button type="submit">${ui.t('account.emailSubmit')}</button></p></form></section>`
}

function everywhereSection(ctx: AccountPageContext): SafeHtml {
  const { ui } = ctx
  return html`<section class="account-part" aria-labelledby="everywhere-title"><h2 id="everywhere-title">${ui.t('account.everywhereTitle')}</h2>
<p>${ui.t('account.everywhereNote')}</p>
<form method="post" action="/editors/account/sign-out-everywhere">${csrfField(ctx)}<button type="submit">${ui.t('account.everywhereSubmit')}</button></form></section>`
}

function deleteSection(ctx: AccountPageContext, state: AccountState): SafeHtml {
  const { ui } = ctx
  const error = state.form === 'delete' ? state.errors?.understand : undefined
  return html`<section class="account-part danger-zone" aria-labelledby="delete-title"><h2 id="delete-title">${ui.t('account.deleteTitle')}</h2>
<p>${ui.t('account.deleteNote', { name: ctx.listingName })}</p>
<form method="post" action="/editors/account/delete" class="confirm-remove">${csrfField(ctx)}
<label><input type="checkbox" name="understand" value="yes" required${error ? html` aria-invalid="true" aria-describedby="${errorId('understand')}" autofocus` : ''}> ${ui.t('account.deleteUnderstand')}</label>
<button type="submit" class="destructive"><span aria-hidden="true">✕ </span>${ui.t('account.deleteSubmit')}</button>
${error ? html`<p class="error" id="${errorId('understand')}" role="alert">${ui.t(error)}</p>` : ''}</form></section>`
}

/** GET /editors/account, and the same page again with a form's errors. */
export function accountPage(ctx: AccountPageContext, state: AccountState = {}): string {
  const { ui } = ctx
  return page({
    title: ui.t('account.title'), ui, url: ctx.url,
    body: html`<h1>${ui.t('account.title')}</h1>
<p>${ui.t('account.intro', { name: ctx.listingName, email: ctx.email })}</p>
<p><a href="/editors/listing">${ui.t('account.back')}</a></p>
${state.notice ? html`<p class="notice" role="status">${ui.t(state.notice)}</p>` : ''}
${passwordSection(ctx, state)}
${emailSection(ctx, state)}
${everywhereSection(ctx)}
${deleteSection(ctx, state)}`
  })
}

/** A page that only says something: a step done, or a link that no longer works (with the way on). */
export function messagePage(ui: Ui, url: string, title: MessageKey, body: SafeHtml): string {
  return page({ title: ui.t(title), ui, url, body: html`<h1>${ui.t(title)}</h1>\n${body}` })
}

/** What a link that expired or was used answers (410), with the way to ask again. */
export function linkGonePage(ui: Ui, url: string, again: { href: string; label: MessageKey }): string {
  return messagePage(ui, url, 'account.linkGoneTitle', html`<p class="errors" role="alert">${ui.t('account.linkGone')}</p>
<p><a href="${again.href}">${ui.t(again.label)}</a></p>`)
}

/** GET /editors/account/email/confirm: the new address, and the button that makes the change (mail scanners follow links; they do not press buttons). */
export function confirmEmailPage(ui: Ui, url: string, csrf: string, token: string, newEmail: string, error?: MessageKey): string {
  return messagePage(ui, url, 'account.confirmEmailTitle', html`${error ? html`<p class="errors" role="alert">${ui.t(error)}</p>` : ''}
<p>${ui.t('account.confirmEmailBody', { email: newEmail })}</p>
<form method="post" action="/editors/account/email/confirm"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="token" value="${token}">
<button type="submit">${ui.t('account.confirmEmailButton')}</button></form>`)
}
