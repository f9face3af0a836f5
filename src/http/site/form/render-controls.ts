/**
 * The listing form's controls, one per kind of field in the table: a text
 * box (the first place's name a combobox of places), a text area, a menu,
 * boxes to tick (services by category), radio buttons (the licence) — each
 * with its label, its help and its error next to it (aria-describedby).
 * render.ts groups them as the form shows them.
 */
import { SERVICE_CATEGORIES, SERVICES, label as vocabularyLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { regionName } from '../i18n/region-name'
import type { MessageKey } from '../i18n/messages'
import { toStored } from './convert'
import { DEFAULT_LANGUAGE, formFieldNamed, list, offered, optionLabel, text, type FormErrors, type FormField, type FormValues, type OptionList } from './fields'
/** What the fields are rendered with: the reader's language, the values, the errors, and the map tiles for the place. */
export interface FieldsContext {
  ui: Ui
  values: FormValues
  errors: FormErrors
  tileUrl: string
  tileAttribution: string
}

/** The id of a field's control (of a row of boxes or radio buttons: its fieldset), which the error summary links to. */
export const idOf = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`

/** The listing's main language as the form stands: the menu's value, else the reader's language. */
export const mainLanguageOf = (c: Pick<FieldsContext, 'ui' | 'values'>): string => text(c.values.defaultLanguage) || c.ui.lang || DEFAULT_LANGUAGE

/** aria-describedby for a field: its help line and its error, when it has them. */
function describedBy(c: FieldsContext, f: FormField): SafeHtml | string {
  const ids = [...(f.help ? [`${idOf(f.name)}-help`] : []), ...(c.errors[f.name] ? [`${idOf(f.name)}-error`] : [])]
  return html`${c.errors[f.name] ? html` aria-invalid="true"` : ''}${ids.length ? html` aria-describedby="${ids.join(' ')}"` : ''}`
}

export function message(c: FieldsContext, name: string): SafeHtml | string {
  const key = c.errors[name]
  return key ? html`<p class="error" id="${idOf(name)}-error">${c.ui.t(key)}</p>` : ''
}

const help = (c: FieldsContext, f: FormField): SafeHtml | string => (f.help ? html`<p class="meta" id="${idOf(f.name)}-help">${c.ui.t(f.help)}</p>` : '')

/** A field's label: per language fields name their language; a contact's visibility names its contact. */
export function labelOf(ui: Ui, f: FormField, main?: string): string {
  if (f.lang) return ui.t(f.lang === main && f.container === 'summaryMap' ? 'join.summaryRequired' : f.label, { language: ui.languageName(f.lang) })
  return ui.t(f.label)
}

/** A visibility's label says whose: "Who sees it" with, for screen readers, the contact it is about. */
function labelHtml(c: FieldsContext, f: FormField, main?: string): SafeHtml {
  const contact = f.container === 'contactVisibility' ? formFieldNamed(`contact.${f.path.at(-1) as string}`) : undefined
  return html`${labelOf(c.ui, f, main)}${contact ? html`<span class="visually-hidden"> (${c.ui.t(contact.label)})</span>` : ''}`
}

/** The offered options, then any chosen value they lack: a value set through the API still round-trips. */
const withExtras = (ui: Ui, options: OptionList, chosen: string[]): Array<[string, string]> => {
  const base = offered(ui, options)
  return [...base, ...chosen.filter((v) => v && !base.some(([o]) => o === v)).map((v): [string, string] => [v, optionLabel(ui, options, v)])]
}

/** A menu's or a row of boxes' options (the table gives every one of them a list). */
const optionsOf = (f: FormField): OptionList => f.options as OptionList

const INPUT_TYPE: Partial<Record<FormField['input'], string>> = { url: 'url', email: 'email', password: 'password' }

/** The first place's name: a combobox of the gazetteer's towns and cities (places.js, the search page's), filling the place. */
const PLACE_SEARCH = 'location.0.name'
const placeSearch = (ui: Ui): SafeHtml => html` data-places data-point="place-point" autocomplete="off" spellcheck="false" data-messages="${JSON.stringify({ options: ui.t('search.placeOptions'), found: ui.t('search.placesFound'), foundOne: ui.t('search.placeFound'), none: ui.t('search.noPlaces') })}"`

function input(c: FieldsContext, f: FormField): SafeHtml {
  const id = idOf(f.name)
  const extra = f.name === PLACE_SEARCH ? placeSearch(c.ui) : ''
  // A url box stays a text box: "maredigital.coop.br" is accepted (https:// is added), which type=url would refuse in the browser.
  const type = f.input === 'url' ? 'text' : INPUT_TYPE[f.input] ?? 'text'
  // A place's required fields are required only once the place is given, which HTML cannot say.
  const required = f.required && !f.item
  const control = html`<input id="${id}" name="${f.name}" type="${type}" value="${text(c.values[f.name])}"${required ? ' required' : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.input === 'number' ? html` inputmode="decimal"` : ''}${f.input === 'url' ? html` inputmode="url" spellcheck="false"` : ''}${extra}${describedBy(c, f)}>`
  return html`<div class="field">
<label for="${id}">${labelHtml(c, f)}</label>${help(c, f)}
${f.name === PLACE_SEARCH ? html`<div class="combo">${control}</div>` : control}
${f.reading === 'countries' ? regionsRead(c, f) : ''}${message(c, f.name)}</div>`
}

/** Regions as the listing will say them: names, not codes ("Brasil, remoto" for BR, remote), under the box that holds them. */
function regionsRead(c: FieldsContext, f: FormField): SafeHtml | '' {
  const typed = text(c.values[f.name])
  const read = typed ? toStored(f, typed) : []
  if (!Array.isArray(read) || !read.length) return ''
  const named = read.map((r) => regionName(c.ui, r))
  return html`<p class="meta">${c.ui.t('join.regionsNamed', { regions: named.join(', ') })}</p>`
}

function textarea(c: FieldsContext, f: FormField, main?: string): SafeHtml {
  const id = idOf(f.name)
  const isMain = f.lang !== undefined && f.lang === main
  const labels = f.lang ? html` data-label-main="${c.ui.t('join.summaryRequired', { language: c.ui.languageName(f.lang) })}" data-label-other="${c.ui.t(f.label, { language: c.ui.languageName(f.lang) })}"` : ''
  return html`<div class="field"${f.lang ? html` data-summary="${f.lang}"` : ''}><label for="${id}"${f.container === 'summaryMap' ? labels : ''}>${labelOf(c.ui, f, main)}</label>
<textarea id="${id}" name="${f.name}" rows="${f.container === 'summaryMap' ? 4 : 3}"${f.lang ? html` lang="${f.lang}"` : ''}${isMain ? ' required' : ''}${describedBy(c, f)}>${text(c.values[f.name])}</textarea>${message(c, f.name)}</div>`
}

/**
 * A menu. With a fallback it always holds a value (the reader's language
 * for a menu of UI languages), keeps one the menu does not offer, and
 * cannot be wrong; without one it starts blank ("not said") and shows its error.
 */
function select(c: FieldsContext, f: FormField): SafeHtml {
  const id = idOf(f.name)
  const options = optionsOf(f)
  const open = html`<div class="field"><label for="${id}">${labelHtml(c, f)}</label>\n`
  if (f.fallback !== undefined) {
    const chosen = text(c.values[f.name]) || (options === 'uiLanguages' ? c.ui.lang : f.fallback)
    return html`${open}<select id="${id}" name="${f.name}">${withExtras(c.ui, options, [chosen]).map(([v, l]) => html`<option value="${v}"${v === chosen ? ' selected' : ''}>${l}</option>`)}</select></div>`
  }
  const chosen = text(c.values[f.name])
  return html`${open}<select id="${id}" name="${f.name}"${describedBy(c, f)}><option value="">${f.value === 'boolean' ? c.ui.t('join.notSaid') : ''}</option>${offered(c.ui, options).map(([v, l]) => html`<option value="${v}"${chosen === v ? ' selected' : ''}>${l}</option>`)}</select>
${message(c, f.name)}</div>`
}

const box = (f: FormField, ticked: string[]) => ([v, l]: [string, string]): SafeHtml =>
  html`<label><input type="checkbox" name="${f.name}" value="${v}"${ticked.includes(v) ? ' checked' : ''}> ${l}</label>`

/** The services' boxes by category (the vocabulary's), each category a fieldset with its legend. */
function serviceGroups(c: FieldsContext, f: FormField, ticked: string[]): SafeHtml[] {
  const options = withExtras(c.ui, 'services', ticked)
  const categoryOf = new Map(SERVICES.map((s) => [s.id, s.category]))
  const categories = [...Object.keys(SERVICE_CATEGORIES), '']
  return categories.flatMap((category) => {
    const inIt = options.filter(([v]) => (categoryOf.get(v) ?? '') === category)
    if (!inIt.length) return []
    const legend = category ? vocabularyLabel(SERVICE_CATEGORIES[category], c.ui.lang, category) : c.ui.t('join.services')
    return [html`<fieldset class="category"><legend>${legend}</legend><div class="checks">${inIt.map(box(f, ticked))}</div></fieldset>`]
  })
}

function checkboxes(c: FieldsContext, f: FormField): SafeHtml {
  const ticked = list(c.values[f.name])
  const boxes = f.options === 'services' ? serviceGroups(c, f, ticked) : html`<div class="checks">${withExtras(c.ui, optionsOf(f), ticked).map(box(f, ticked))}</div>`
  return html`<fieldset class="field${f.options === 'services' ? ' services' : ''}" id="${idOf(f.name)}" tabindex="-1"${c.errors[f.name] ? html` aria-describedby="${idOf(f.name)}-error"` : ''}><legend>${labelOf(c.ui, f)}</legend>
${boxes}
${message(c, f.name)}</fieldset>`
}

/** Where each licence is read in full, and the line that says what it means. */
const LICENSE_TEXT: Readonly<Record<string, { url: string; note: MessageKey }>> = {
  'CC0-1.0': { url: 'https://creativecommons.org/publicdomain/zero/1.0/', note: 'join.licenseCc0Note' },
  'CC-BY-SA-4.0': { url: 'https://creativecommons.org/licenses/by-sa/4.0/', note: 'join.licenseBySaNote' }
}

function radios(c: FieldsContext, f: FormField): SafeHtml {
  const chosen = text(c.values[f.name]) || (f.fallback ?? '')
  return html`<fieldset class="field licence" id="${idOf(f.name)}" tabindex="-1"><legend>${labelOf(c.ui, f)}</legend>
<p class="meta">${c.ui.t('join.licenseHelp')}</p>
${withExtras(c.ui, optionsOf(f), [chosen]).map(([v, l], i) => {
    const about = LICENSE_TEXT[v]
    const id = `${idOf(f.name)}-${i}`
    return html`<div class="choice"><input type="radio" id="${id}" name="${f.name}" value="${v}"${v === chosen ? ' checked' : ''}${about ? html` aria-describedby="${id}-note"` : ''}> <label for="${id}">${l}</label>${about ? html`<p class="meta" id="${id}-note">${c.ui.t(about.note)} <a href="${about.url}" hreflang="en" rel="license noopener" target="_blank">${c.ui.t('join.licenseRead')}<span class="visually-hidden"> (${l})</span></a></p>` : ''}</div>`
  })}
${message(c, f.name)}</fieldset>`
}

export function field(c: FieldsContext, f: FormField, main?: string): SafeHtml {
  if (f.input === 'textarea') return textarea(c, f, main)
  if (f.input === 'select') return select(c, f)
  if (f.input === 'checkboxes') return checkboxes(c, f)
  if (f.input === 'radio') return radios(c, f)
  return input(c, f)
}

export const lines = (parts: SafeHtml[]): SafeHtml[] => parts.flatMap((p, i) => (i ? [html`\n`, p] : [p]))

