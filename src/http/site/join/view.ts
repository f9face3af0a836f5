/**
 * "List your co-op": a server-rendered form built from the listing schema's
 * field table (form/fields.ts), with each error next to its field, names
 * and summaries in every UI language, a location picked on a map or typed,
 * a preview, and the editor account. The editor's page is the same form.
 */
import { kindLabel, serviceLabel } from '../../../directory/vocabulary'
import { html, trusted, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { page } from '../layout'
import { ACCOUNT_FIELDS, LISTING_FIELDS, type FormErrors, type FormValues } from '../form/fields'
import { fieldLabel, fieldsHtml } from '../form/render'

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
  /** Where the form posts (default: /editors/listing when editing, else /join). */
  formAction?: string
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
  const title = ui.t(ctx.mode === 'edit' ? 'ed.edit' : 'join.title')
  return page({
    title, ui, url: ctx.url,
    body: html`${above(ctx, title, errors, state)}\n${listingForm(ctx, values, errors)}`,
    head: html`<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
    // A preview is the profile's own layout, its small map included.
    scripts: ['/static/vendor/leaflet/leaflet.js', '/static/pick-location.js', ...(state.preview ? ['/static/profile-map.js'] : [])]
  })
}

/** The heading, and what is said above the form: sign-out or intro, status, conflict, errors, preview. */
function above(ctx: JoinPageContext, title: string, errors: FormErrors, state: JoinPageState): SafeHtml {
  const { ui } = ctx
  return html`<h1>${title}</h1>
${ctx.mode === 'edit' ? html`<form method="post" action="/editors/sign-out" class="inline"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="secondary">${ui.t('ed.signOut')}</button></form>` : html`<p>${ui.t('join.intro')}</p>`}
${ctx.status ? html`<p class="notice" role="status">${ctx.status}</p>` : ''}
${ctx.notice ?? ''}
${ctx.conflict ? conflictNotice(ui, ctx.conflict) : ''}
${Object.keys(errors).length ? html`<p class="errors" role="alert" id="form-errors">${ui.t('join.errors')}</p>` : ''}
${state.preview ? html`<section class="preview" aria-labelledby="preview-title"><h2 id="preview-title">${ui.t(ctx.mode === 'edit' ? 'editors.previewTitle' : 'join.previewTitle')}</h2>${state.preview}</section>` : ''}`
}

/** The form itself: the listing's fields, on /join the account's, preview and send. */
function listingForm(ctx: JoinPageContext, values: FormValues, errors: FormErrors): SafeHtml {
  const { ui } = ctx
  const editing = ctx.mode === 'edit'
  const fields = { ui, values, errors, tileUrl: ctx.tileUrl, tileAttribution: ctx.tileAttribution }
  return html`<form id="join" method="post" action="${ctx.formAction ?? (editing ? '/editors/listing' : '/join')}" novalidate>
<input type="hidden" name="_csrf" value="${ctx.csrf}">
${ctx.loaded ? html`<input type="hidden" name="_version" value="${ctx.loaded.version}"><input type="hidden" name="_fields" value="${ctx.loaded.fingerprint}">` : ''}
${fieldsHtml(fields, LISTING_FIELDS)}
${editing ? '' : fieldsHtml(fields, ACCOUNT_FIELDS)}
<p><button type="submit" name="action" value="preview" class="secondary">${ui.t('join.preview')}</button>
<button type="submit" name="action" value="submit">${ui.t(editing ? 'ed.save' : 'join.submit')}</button></p>
</form>`
}

/** The listing as its profile would show it, before it is sent. */
export function joinPreview(ui: Ui, listing: Record<string, unknown>): SafeHtml {
  const summaries = (listing.summaryMap ?? {}) as Record<string, string>
  const summary = summaries[ui.lang] ?? Object.values(summaries)[0] ?? ''
  return html`<article class="profile"><h3>${String(listing.name ?? '')}</h3>
<p class="handle">${listing.kind ? kindLabel(String(listing.kind), ui.lang) : ''}</p>
<div class="summary">${trusted(summary)}</div>
${Array.isArray(listing.services) ? html`<ul class="tags">${(listing.services as string[]).map((s) => html`<li>${serviceLabel(s, ui.lang)}</li>`)}</ul>` : ''}</article>`
}

function conflictNotice(ui: Ui, changes: Array<{ field: string; current: string }>): SafeHtml {
  return html`<div class="conflict" role="alert" id="conflict"><p><strong>${ui.t('ed.conflict')}</strong></p>
${changes.length ? html`<p>${ui.t('ed.conflictFields')}</p>
<dl class="facts">${changes.map((c) => html`<dt>${fieldLabel(ui, c.field)}</dt><dd>${c.current || ui.t('ed.conflictEmpty')}</dd>`)}</dl>` : html`<p>${ui.t('ed.conflictElsewhere')}</p>`}
<p><a href="/editors/listing">${ui.t('ed.conflictReload')}</a> ${ui.t('ed.conflictKeep')}</p></div>`
}
