/** The forgotten password's pages: ask for a link (or, without mail, whom to ask instead), and choose the new password. */
import { MIN_PASSWORD } from '../../../directory/editor-accounts'
import { html } from '../html'
import type { MessageKey } from '../i18n/messages'
import type { Ui } from '../i18n/translate'
import { page } from '../layout'

export interface ResetPageContext {
  ui: Ui
  url: string
  csrf: string
  /** False without SMTP_URL: the page says reset by email is not available, and whom to ask. */
  mailOn: boolean
  instanceName: string
}

/** What the request page shows: the link is on its way, or the form's error (and what was typed). */
export interface ResetState {
  sent?: boolean
  error?: MessageKey
  emailError?: MessageKey
  email?: string
}

/** GET /editors/reset: the address to send the link to. */
export function resetRequestPage(ctx: ResetPageContext, state: ResetState = {}): string {
  const { ui } = ctx
  const title = ui.t('account.resetTitle')
  if (!ctx.mailOn) {
    return page({ title, ui, url: ctx.url, body: html`<h1>${title}</h1>
<p class="notice" role="status">${ui.t('account.resetNoMail', { instance: ctx.instanceName })}</p>
<p><a href="/editors">${ui.t('ed.signIn')}</a></p>` })
  }
  const { emailError } = state
  return page({ title, ui, url: ctx.url, body: html`<h1>${title}</h1>
${state.sent ? html`<p class="notice" role="status">${ui.t('account.resetSent')}</p>` : ''}
${state.error ? html`<p class="errors" role="alert">${ui.t(state.error)}</p>` : ''}
<p>${ui.t('account.resetIntro')}</p>
<form method="post" action="/editors/reset"><input type="hidden" name="_csrf" value="${ctx.csrf}">
<div class="field"><label for="email">${ui.t('join.accountEmail')}</label>
<input id="email" name="email" type="email" autocomplete="email" required${state.email ? html` value="${state.email}"` : ''}${emailError ? html` aria-invalid="true" aria-describedby="email-error" autofocus` : ''}>
${emailError ? html`<p class="error" id="email-error">${ui.t(emailError)}</p>` : ''}</div>
<p><button type="submit">${ui.t('account.resetSubmit')}</button></p></form>
<p><a href="/editors">${ui.t('ed.signIn')}</a></p>` })
}

/** GET /editors/reset/confirm: the new password, twice, under the link's token. */
export function resetNewPasswordPage(ctx: Omit<ResetPageContext, 'mailOn' | 'instanceName'> & { token: string }, errors: Record<string, MessageKey> = {}, error?: MessageKey): string {
  const { ui } = ctx
  const title = ui.t('account.resetNewTitle')
  const field = (name: string, label: string) => {
    const e = errors[name]
    return html`<div class="field"><label for="${name}">${label}</label>
<input id="${name}" name="${name}" type="password" autocomplete="new-password" required${e ? html` aria-invalid="true" aria-describedby="${name}-error" autofocus` : ''}>
${e ? html`<p class="error" id="${name}-error">${ui.t(e, { min: MIN_PASSWORD })}</p>` : ''}</div>`
  }
  const alert = error ?? (Object.keys(errors).length ? 'account.fixBelow' : undefined)
  return page({ title, ui, url: ctx.url, body: html`<h1>${title}</h1>
${alert ? html`<p class="errors" role="alert">${ui.t(alert)}</p>` : ''}
<form method="post" action="/editors/reset/confirm"><input type="hidden" name="_csrf" value="${ctx.csrf}"><input type="hidden" name="token" value="${ctx.token}">
${field('newPassword', ui.t('account.newPassword', { min: MIN_PASSWORD }))}
${field('newPasswordAgain', ui.t('account.newPasswordAgain'))}
<p class="hint">${ui.t('account.resetNewNote')}</p>
<p><button type="submit">${ui.t('account.resetNewSubmit')}</button></p></form>` })
}
