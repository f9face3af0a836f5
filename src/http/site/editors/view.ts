/** The editor's pages besides the form: the sign-in (email and password of the account made with the listing), and the preview shown above the form. */
import type { Listing } from '../../../directory/listing'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { page } from '../layout'
import { profileArticle } from '../profile/view'

/** The sign-in page's reader, address and CSRF token; with the listing's name when a profile's "Edit this listing" led here. */
export interface SignInContext {
  ui: Ui
  url: string
  csrf: string
  listingName?: string
}

/**
 * What the account pages redirect to the sign-in with (`?notice=`): a new
 * password set, every session ended. Read from the page's own address, and
 * only these, so a link cannot make the page say anything else.
 */
const SIGN_IN_NOTICES: Readonly<Record<string, MessageKey>> = Object.freeze({ reset: 'account.resetDone', everywhere: 'account.everywhereDone' })

function signInNotice(url: string): MessageKey | undefined {
  const query = url.indexOf('?')
  const notice = query < 0 ? null : new URLSearchParams(url.slice(query + 1)).get('notice')
  return notice && Object.hasOwn(SIGN_IN_NOTICES, notice) ? SIGN_IN_NOTICES[notice] : undefined // own keys only: ?notice=constructor names no message
}

export function editorSignInPage(ctx: SignInContext, error?: MessageKey): string {
  const { ui } = ctx
  const notice = error ? undefined : signInNotice(ctx.url)
  return page({
    title: ui.t('ed.signIn'), ui, url: ctx.url,
    body: html`<h1>${ui.t('ed.signIn')}</h1>
${notice ? html`<p class="notice" role="status">${ui.t(notice)}</p>` : ''}
${ctx.listingName ? html`<p>${ui.t('editors.signInFor', { name: ctx.listingName })}</p>` : ''}
${error ? html`<p class="errors" role="alert">${ui.t(error)}</p>` : ''}
<form method="post" action="/editors/sign-in"><input type="hidden" name="_csrf" value="${ctx.csrf}">
<div class="field"><label for="email">${ui.t('join.accountEmail')}</label><input id="email" name="email" type="email" autocomplete="email" required></div>
<div class="field"><label for="password">${ui.t('join.password')}</label><input id="password" name="password" type="password" autocomplete="current-password" required></div>
<p><button type="submit">${ui.t('ed.submit')}</button></p></form>
<p class="forgot"><a href="/editors/reset">${ui.t('account.forgot')}</a></p>`
  })
}

/** What the preview's profile is rendered with besides the reader: this instance's host and the map's tiles. */
export interface PreviewSettings {
  host: string
  tileUrl: string
  tileAttribution: string
}

/**
 * The edited listing exactly as its public profile would show it (the
 * profile's own renderer, under the page's headings), said plainly to be
 * unsaved and unpublished.
 */
export function editorPreview(ui: Ui, listing: Listing, settings: PreviewSettings): SafeHtml {
  return html`<p class="notice" role="note">${ui.t('editors.previewNote')}</p>
${profileArticle(listing, { ui, url: '', stale: false, ...settings }, { nameLevel: 3 })}
<p class="preview-next">${ui.t('editors.previewSave', { save: ui.t('ed.save') })}</p>`
}
