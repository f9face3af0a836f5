/**
 * "List your co-op": a server-rendered form built from the listing schema's
 * field table (form/fields.ts), with each error next to its field, names
 * and summaries in every UI language, a location picked on a map or typed,
 * a preview, and the editor account. The editor's page is the same form.
 */
import type { Listing, ListingInput } from '../../../directory/listing'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { page } from '../layout'
import { profileArticle } from '../profile/view'
import { ACCOUNT_FIELDS, LISTING_FIELDS, type FormErrors, type FormValues } from '../form/fields'
import { fieldLabel, fieldsHtml, idOf } from '../form/render'

/** Who the page is for and how it is shown: the reader's language, the CSRF token, join or edit, and what to say above the form. */
export interface JoinPageContext {
  ui: Ui
  url: string
  csrf: string
  /** A new listing with its account, or an editor changing theirs. */
  mode?: 'join' | 'edit'
  /** Shown above the form (e.g. "Saved."). */
  status?: string
  /** Shown above the form after the status: an editor's change waiting for review (issue 12, editors/held-notice.ts). */
  notice?: SafeHtml
  /** Editing: the version the form was loaded at and its fields' fingerprint, sent back on save. */
  loaded?: { version: string; fingerprint: string }
  /** A save refused because someone else saved first: what they changed, with the current values. */
  conflict?: Array<{ field: string; current: string }>
  /** Where the form posts, and where a refused save reloads it (default: /editors/listing when editing, else /join). */
  formAction?: string
  /** Someone else's edit page (the operator's): its heading, what comes before it (their navigation) and under it instead of the editor's sign-out and account. */
  heading?: { title: string; lead: SafeHtml; actions: SafeHtml }
  tileUrl: string
  tileAttribution: string
}

/** What the page shows besides the form: a preview of the listing, or the thanks once it was sent. */
export interface JoinPageState {
  preview?: SafeHtml
  done?: boolean
}

/** The join (or edit) page: the form with its values and errors, or the thanks once an application was sent. */
export function joinPage(ctx: JoinPageContext, values: FormValues, errors: FormErrors, state: JoinPageState = {}): string {
  const { ui } = ctx
  if (state.done) {
    return page({ title: ui.t('join.title'), ui, url: ctx.url, body: html`<h1>${ui.t('join.title')}</h1><p class="notice" role="status">${ui.t('join.thanks')}</p><p>${ui.t('join.thanksAccount')}</p><p><a href="/editors">${ui.t('ed.signIn')}</a></p>` })
  }
  const title = ctx.heading?.title ?? ui.t(ctx.mode === 'edit' ? 'ed.edit' : 'join.title')
  return page({
    title, ui, url: ctx.url,
    body: html`${above(ctx, title, errors, state)}\n${listingForm(ctx, values, errors)}`,
    head: html`<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
    // A preview is the profile's own layout, its small map included. places.js makes the place name a combobox.
    scripts: ['/static/listing-form.js', '/static/vendor/leaflet/leaflet.js', '/static/places.js', '/static/pick-location.js', ...(state.preview ? ['/static/profile-map.js'] : [])]
  })
}

/** The heading, and what is said above the form: sign-out or intro, status, conflict, errors, preview. */
function above(ctx: JoinPageContext, title: string, errors: FormErrors, state: JoinPageState): SafeHtml {
  const { ui } = ctx
  return html`${ctx.heading?.lead ?? ''}<h1>${title}</h1>
${ctx.heading?.actions ?? (ctx.mode === 'edit' ? editorActions(ctx) : html`<p>${ui.t('join.intro')}</p>`)}
${ctx.status ? html`<p class="notice" role="status">${ctx.status}</p>` : ''}
${ctx.notice ?? ''}
${ctx.conflict ? conflictNotice(ui, ctx.conflict, ctx.formAction ?? '/editors/listing') : ''}
${errorSummary(ui, errors)}
${state.preview ? html`<section class="preview" aria-labelledby="preview-title"><h2 id="preview-title">${ui.t(ctx.mode === 'edit' ? 'editors.previewTitle' : 'join.previewTitle')}</h2>${state.preview}</section>` : ''}`
}

/** Signed in: sign out, and the account's own settings beside it. */
const editorActions = (ctx: JoinPageContext): SafeHtml => html`<div class="editor-actions"><form method="post" action="/editors/sign-out" class="inline"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="secondary">${ctx.ui.t('ed.signOut')}</button></form>
<a href="/editors/account">${ctx.ui.t('ed.accountLink')}</a></div>`

/** The fields in the order the form shows them, the account's last. */
const ORDER = [...LISTING_FIELDS, ...ACCOUNT_FIELDS].map((f) => f.name)

/**
 * The errors at the top, each a link to its field, in the form's order:
 * focused on load (listing-form.js) so a screen reader hears it first;
 * without the script, role=alert still announces it.
 */
function errorSummary(ui: Ui, errors: FormErrors): SafeHtml | '' {
  const fields = Object.keys(errors).sort((a, b) => rank(a) - rank(b))
  if (!fields.length) return ''
  return html`<div class="error-summary" role="alert" tabindex="-1" id="form-errors" aria-labelledby="form-errors-title">
<h2 id="form-errors-title">${ui.t('join.errors')}</h2>
<p>${ui.t('join.errorsFix')}</p>
<ul>${fields.map((f) => html`<li><a href="#${idOf(f)}">${fieldLabel(ui, f)}: ${ui.t(errors[f] as MessageKey)}</a></li>`)}</ul>
</div>`
}

/** Where the rows of other languages sit: after the last of the UI languages' names and summaries. */
const AFTER_NAMES = Math.max(...ORDER.map((f, i) => (f.startsWith('nameMap.') || f.startsWith('summaryMap.') ? i : -1))) + 0.5

const rank = (field: string): number => {
  const i = ORDER.indexOf(field)
  if (i >= 0) return i
  // a row of another language sits with the names and summaries
  return field.startsWith('other.') ? AFTER_NAMES : ORDER.length
}

/** The form itself: the listing's fields, on /join the account's, preview and send. */
function listingForm(ctx: JoinPageContext, values: FormValues, errors: FormErrors): SafeHtml {
  const { ui } = ctx
  const editing = ctx.mode === 'edit'
  const fields = { ui, values, errors, tileUrl: ctx.tileUrl, tileAttribution: ctx.tileAttribution }
  const action = ctx.formAction ?? (editing ? '/editors/listing' : '/join')
  return html`<form id="join" method="post" action="${action}" novalidate data-lang="${ui.lang}">
<input type="hidden" name="_csrf" value="${ctx.csrf}">
${ctx.loaded ? html`<input type="hidden" name="_version" value="${ctx.loaded.version}"><input type="hidden" name="_fields" value="${ctx.loaded.fingerprint}">` : ''}
${fieldsHtml(fields, LISTING_FIELDS)}
${editing ? '' : fieldsHtml(fields, ACCOUNT_FIELDS)}
<p><button type="submit" name="action" value="preview" class="secondary">${ui.t('join.preview')}</button>
<button type="submit" name="action" value="submit">${ui.t(editing ? 'ed.save' : 'join.submit')}</button></p>
</form>`
}

/** What the preview's profile is rendered with besides the reader: this instance's origin and the map's tiles. */
export interface JoinPreviewSettings {
  origin: string
  tileUrl: string
  tileAttribution: string
}

/**
 * The checked application exactly as its profile would show it — the
 * profile's own renderer, every field — as a pending listing of this
 * instance that is written nowhere.
 */
export function joinPreview(ui: Ui, listing: ListingInput, settings: JoinPreviewSettings): SafeHtml {
  const now = new Date()
  const shown: Listing = {
    ...listing, id: `${settings.origin}/orgs/${listing.slug}`, origin: settings.origin, published: now, updated: now, moderation: 'pending',
    provenance: { origin: settings.origin, via: 'local', firstSeen: now, lastVerified: now }, version: 0
  }
  return html`<p class="notice" role="note">${ui.t('join.previewNote')}</p>
${profileArticle(shown, { ui, url: '', stale: false, host: new URL(settings.origin).host, tileUrl: settings.tileUrl, tileAttribution: settings.tileAttribution }, { nameLevel: 3 })}
<p class="preview-next">${ui.t('join.previewNext', { submit: ui.t('join.submit') })}</p>`
}

function conflictNotice(ui: Ui, changes: Array<{ field: string; current: string }>, reload: string): SafeHtml {
  return html`<div class="conflict" role="alert" id="conflict"><p><strong>${ui.t('ed.conflict')}</strong></p>
${changes.length ? html`<p>${ui.t('ed.conflictFields')}</p>
<dl class="facts">${changes.map((c) => html`<dt>${fieldLabel(ui, c.field)}</dt><dd>${c.current || ui.t('ed.conflictEmpty')}</dd>`)}</dl>` : html`<p>${ui.t('ed.conflictElsewhere')}</p>`}
<p><a href="${reload}">${ui.t('ed.conflictReload')}</a> ${ui.t('ed.conflictKeep')}</p></div>`
}
