/** The editor's sign-in page (email and password of the account made with the listing). */
import { html } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { page } from '../layout'

export function editorSignInPage(ctx: { ui: Ui; url: string; csrf: string }, error?: MessageKey): string {
  const { ui } = ctx
  return page({
    title: ui.t('ed.signIn'), ui, url: ctx.url,
    body: html`<h1>${ui.t('ed.signIn')}</h1>
${error ? html`<p class="errors" role="alert">${ui.t(error)}</p>` : ''}
<form method="post" action="/editors/sign-in"><input type="hidden" name="_csrf" value="${ctx.csrf}">
<div class="field"><label for="email">${ui.t('join.accountEmail')}</label><input id="email" name="email" type="email" autocomplete="email" required></div>
<div class="field"><label for="password">${ui.t('join.password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<p><button type="submit">${ui.t('ed.submit')}</button></p></form>`
  })
}
