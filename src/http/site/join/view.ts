/**
 * "List your co-op": a server-rendered form built from the listing schema's
 * vocabularies (kinds, services, languages), with each error next to its
 * field, names and summaries in every UI language, a location picked on a
 * map or typed, a preview, and the editor account.
 */
import { KINDS, SERVICES, kindLabel, serviceLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import { UI_LANGUAGES, type Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { page } from '../layout'

/** What the browser sent (or nothing yet): field path → text or list. */
export type JoinValues = Record<string, string | string[] | undefined>
/** Field path → message key. */
export type JoinErrors = Record<string, MessageKey>

/** Languages offered as boxes to tick; others can be typed as codes. */
export const COMMON_LANGUAGES = ['en', 'es', 'pt', 'fr', 'de', 'it', 'ca', 'eu', 'ar', 'sw', 'qu', 'gn', 'nah', 'yo', 'am', 'wo']

export interface JoinPageContext {
  ui: Ui
  url: string
  csrf: string
  /** A new listing with its account, or an editor changing theirs. */
  mode?: 'join' | 'edit'
  /** Shown above the form (e.g. "Saved."). */
  status?: string
  /** Editing: the version the form was loaded at and its fields' fingerprint, sent back on save. */
  loaded?: { version: string; fingerprint: string }
  /** A save refused because someone else saved first: what they changed, with the current values. */
  conflict?: Array<{ field: string; current: string }>
  tileUrl: string
  tileAttribution: string
}

/** The offered options, then any chosen value they lack (labelled by `labelOf`). */
const withExtras = (options: Array<[string, string]>, chosen: string[], labelOf: (v: string) => string): Array<[string, string]> =>
  [...options, ...chosen.filter((v) => v && !options.some(([o]) => o === v)).map((v): [string, string] => [v, labelOf(v)])]

const text = (v: JoinValues[string]): string => (Array.isArray(v) ? v.join(', ') : v ?? '')
const list = (v: JoinValues[string]): string[] => (Array.isArray(v) ? v : v ? [v] : [])

export function joinPage(ctx: JoinPageContext, values: JoinValues, errors: JoinErrors, state: { preview?: SafeHtml; done?: boolean } = {}): string {
  const { ui } = ctx
  const errorOf = (field: string) => errors[field]
  const describedBy = (field: string) => (errorOf(field) ? html` aria-invalid="true" aria-describedby="${idOf(field)}-error"` : '')
  const idOf = (field: string) => `f-${field.replace(/[^a-zA-Z0-9]/g, '-')}`
  const message = (field: string) => {
    const key = errorOf(field)
    return key ? html`<p class="error" id="${idOf(field)}-error">${ui.t(key)}</p>` : ''
  }
  const input = (field: string, label: string, opts: { type?: string; required?: boolean; autocomplete?: string; inputmode?: string } = {}) => html`<div class="field">
<label for="${idOf(field)}">${label}</label>
<input id="${idOf(field)}" name="${field}" type="${opts.type ?? 'text'}" value="${opts.type === 'password' ? '' : text(values[field])}"${opts.required ? ' required' : ''}${opts.autocomplete ? html` autocomplete="${opts.autocomplete}"` : ''}${opts.inputmode ? html` inputmode="${opts.inputmode}"` : ''}${describedBy(field)}>
${message(field)}</div>`
  // Values the boxes do not offer (a language set through the API) get boxes of their own, so they round-trip.
  const checks = (field: string, legend: string, options: Array<[string, string]>, labelOf: (v: string) => string) => html`<fieldset class="field"${errorOf(field) ? html` aria-describedby="${idOf(field)}-error"` : ''}><legend>${legend}</legend>
<div class="checks">${withExtras(options, list(values[field]), labelOf).map(([v, l]) => html`<label><input type="checkbox" name="${field}" value="${v}"${list(values[field]).includes(v) ? ' checked' : ''}> ${l}</label>`)}</div>
${message(field)}</fieldset>`

  if (state.done) {
    return page({ title: ui.t('join.title'), ui, url: ctx.url, body: html`<h1>${ui.t('join.title')}</h1><p class="notice" role="status">${ui.t('join.thanks')}</p><p>${ui.t('join.thanksAccount')}</p><p><a href="/editors">${ui.t('ed.signIn')}</a></p>` })
  }
  const defaultLanguage = text(values.defaultLanguage) || ui.lang
  const editing = ctx.mode === 'edit'
  const title = ui.t(editing ? 'ed.edit' : 'join.title')
  const body = html`<h1>${title}</h1>
${editing ? html`<form method="post" action="/editors/sign-out" class="inline"><input type="hidden" name="_csrf" value="${ctx.csrf}"><button type="submit" class="secondary">${ui.t('ed.signOut')}</button></form>` : html`<p>${ui.t('join.intro')}</p>`}
${ctx.status ? html`<p class="notice" role="status">${ctx.status}</p>` : ''}
${ctx.conflict ? conflictNotice(ui, ctx.conflict) : ''}
${Object.keys(errors).length ? html`<p class="errors" role="alert" id="form-errors">${ui.t('join.errors')}</p>` : ''}
${state.preview ? html`<section class="preview" aria-labelledby="preview-title"><h2 id="preview-title">${ui.t('join.previewTitle')}</h2>${state.preview}</section>` : ''}
<form id="join" method="post" action="${editing ? '/editors/listing' : '/join'}" novalidate>
<input type="hidden" name="_csrf" value="${ctx.csrf}">
${ctx.loaded ? html`<input type="hidden" name="_version" value="${ctx.loaded.version}"><input type="hidden" name="_fields" value="${ctx.loaded.fingerprint}">` : ''}
${input('name', ui.t('join.name'), { required: true })}
<div class="field"><label for="f-defaultLanguage">${ui.t('join.defaultLanguage')}</label>
<select id="f-defaultLanguage" name="defaultLanguage">${withExtras(UI_LANGUAGES.map((l) => [l, ui.languageName(l)]), [defaultLanguage], (l) => ui.languageName(l)).map(([l, name]) => html`<option value="${l}"${l === defaultLanguage ? ' selected' : ''}>${name}</option>`)}</select></div>
<div class="field"><label for="f-kind">${ui.t('join.kind')}</label>
<select id="f-kind" name="kind"${describedBy('kind')}><option value=""></option>${KINDS.map((k) => html`<option value="${k.id}"${text(values.kind) === k.id ? ' selected' : ''}>${kindLabel(k.id, ui.lang)}</option>`)}</select>
${message('kind')}</div>
${UI_LANGUAGES.map((l) => html`<div class="field"><label for="${idOf(`summaryMap.${l}`)}">${ui.t('join.summaryIn', { language: ui.languageName(l) })}</label>
<textarea id="${idOf(`summaryMap.${l}`)}" name="summaryMap.${l}" rows="3" lang="${l}"${describedBy(`summaryMap.${l}`)}>${text(values[`summaryMap.${l}`])}</textarea>${message(`summaryMap.${l}`)}</div>`)}
<details><summary>${ui.t('join.nameIn', { language: '…' })}</summary>
${UI_LANGUAGES.map((l) => input(`nameMap.${l}`, ui.t('join.nameIn', { language: ui.languageName(l) })))}
</details>
${checks('services', ui.t('join.services'), SERVICES.map((s) => [s.id, serviceLabel(s.id, ui.lang)]), (id) => serviceLabel(id, ui.lang))}
${checks('languages', ui.t('join.languages'), COMMON_LANGUAGES.map((l) => [l, ui.languageName(l)]), (l) => ui.languageName(l))}
<fieldset class="field"><legend>${ui.t('join.location')}</legend>
<p class="meta">${ui.t('join.locationHelp')}</p>
<div id="pick-map" class="small-map" data-tiles="${ctx.tileUrl}" data-attribution="${ctx.tileAttribution}"></div>
${input('location.0.latitude', ui.t('join.latitude'), { inputmode: 'decimal' })}
${input('location.0.longitude', ui.t('join.longitude'), { inputmode: 'decimal' })}
${input('location.0.name', ui.t('join.place'))}
${input('location.0.country', ui.t('join.country'))}
</fieldset>
${input('contact.website', ui.t('join.website'), { type: 'url', autocomplete: 'url' })}
${input('contact.email', ui.t('join.email'), { type: 'email' })}
${editing ? '' : html`<fieldset class="field"><legend>${ui.t('join.account')}</legend>
<p class="meta">${ui.t('join.accountHelp')} <a href="/editors">${ui.t('ed.signIn')}</a></p>
${input('account.email', ui.t('join.accountEmail'), { type: 'email', required: true, autocomplete: 'email' })}
${input('account.password', ui.t('join.password'), { type: 'password', required: true, autocomplete: 'new-password' })}
</fieldset>`}
<p><button type="submit" name="action" value="preview" class="secondary">${ui.t('join.preview')}</button>
<button type="submit" name="action" value="submit">${ui.t(editing ? 'ed.save' : 'join.submit')}</button></p>
</form>`
  return page({
    title, ui, url: ctx.url, body,
    head: html`<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
    scripts: ['/static/vendor/leaflet/leaflet.js', '/static/pick-location.js']
  })
}

/** A form field's label, as on the form, in the reader's language. */
export function fieldLabel(ui: Ui, field: string): string {
  const dot = field.indexOf('.')
  const head = dot < 0 ? field : field.slice(0, dot)
  const sub = dot < 0 ? undefined : field.slice(dot + 1)
  if (head === 'nameMap' && sub) return ui.t('join.nameIn', { language: ui.languageName(sub) })
  if (head === 'summaryMap' && sub) return ui.t('join.summaryIn', { language: ui.languageName(sub) })
  const keys: Record<string, MessageKey> = {
    name: 'join.name', defaultLanguage: 'join.defaultLanguage', kind: 'join.kind', services: 'join.services', languages: 'join.languages',
    'location.0.latitude': 'join.latitude', 'location.0.longitude': 'join.longitude', 'location.0.name': 'join.place', 'location.0.country': 'join.country',
    'contact.website': 'join.website', 'contact.email': 'join.email'
  }
  return keys[field] ? ui.t(keys[field]) : field
}

/** A field's current value as a reader sees it: labels for ids, names for language codes. */
export function fieldDisplay(ui: Ui, field: string, values: JoinValues): string {
  const items = list(values[field])
  if (field === 'kind') return items.map((k) => kindLabel(k, ui.lang)).join(', ')
  if (field === 'services') return items.map((s) => serviceLabel(s, ui.lang)).join(', ')
  if (field === 'languages' || field === 'defaultLanguage') return items.map((l) => ui.languageName(l)).join(', ')
  return text(values[field])
}

function conflictNotice(ui: Ui, changes: Array<{ field: string; current: string }>): SafeHtml {
  return html`<div class="conflict" role="alert" id="conflict"><p><strong>${ui.t('ed.conflict')}</strong></p>
${changes.length ? html`<p>${ui.t('ed.conflictFields')}</p>
<dl class="facts">${changes.map((c) => html`<dt>${fieldLabel(ui, c.field)}</dt><dd>${c.current || ui.t('ed.conflictEmpty')}</dd>`)}</dl>` : html`<p>${ui.t('ed.conflictElsewhere')}</p>`}
<p><a href="/editors/listing">${ui.t('ed.conflictReload')}</a> ${ui.t('ed.conflictKeep')}</p></div>`
}
