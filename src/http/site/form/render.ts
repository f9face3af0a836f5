/**
 * The listing form's fields as HTML, from the field table: each with its
 * label, its value, and its error next to it (aria-describedby), grouped as
 * the table groups them — the names in a closed <details>, the place in a
 * fieldset with its map, the account in a fieldset of its own.
 */
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { LISTING_FIELDS, formFieldNamed, list, offered, optionLabel, text, type FormErrors, type FormField, type FormValues, type OptionList } from './fields'

/** What the fields are rendered with: the reader's language, the values, the errors, and the map tiles for the place. */
export interface FieldsContext {
  ui: Ui
  values: FormValues
  errors: FormErrors
  tileUrl: string
  tileAttribution: string
}

const idOf = (name: string): string => `f-${name.replace(/[^a-zA-Z0-9]/g, '-')}`

const describedBy = (c: FieldsContext, name: string) => (c.errors[name] ? html` aria-invalid="true" aria-describedby="${idOf(name)}-error"` : '')

function message(c: FieldsContext, name: string): SafeHtml | string {
  const key = c.errors[name]
  return key ? html`<p class="error" id="${idOf(name)}-error">${c.ui.t(key)}</p>` : ''
}

const labelOf = (ui: Ui, f: FormField): string => (f.lang ? ui.t(f.label, { language: ui.languageName(f.lang) }) : ui.t(f.label))

/** The offered options, then any chosen value they lack: a value set through the API still round-trips. */
const withExtras = (ui: Ui, options: OptionList, chosen: string[]): Array<[string, string]> => {
  const base = offered(ui, options)
  return [...base, ...chosen.filter((v) => v && !base.some(([o]) => o === v)).map((v): [string, string] => [v, optionLabel(ui, options, v)])]
}

/** A menu's or a row of boxes' options (the table gives every one of them a list). */
const optionsOf = (f: FormField): OptionList => f.options as OptionList

const INPUT_TYPE: Partial<Record<FormField['input'], string>> = { url: 'url', email: 'email', password: 'password' }

function input(c: FieldsContext, f: FormField): SafeHtml {
  const id = idOf(f.name)
  const type = INPUT_TYPE[f.input] ?? 'text'
  // A place's required fields are required only once the place is given, which HTML cannot say.
  const required = f.required && !f.item
  return html`<div class="field">
<label for="${id}">${labelOf(c.ui, f)}</label>
<input id="${id}" name="${f.name}" type="${type}" value="${type === 'password' ? '' : text(c.values[f.name])}"${required ? ' required' : ''}${f.autocomplete ? html` autocomplete="${f.autocomplete}"` : ''}${f.input === 'number' ? html` inputmode="decimal"` : ''}${describedBy(c, f.name)}>
${message(c, f.name)}</div>`
}

function textarea(c: FieldsContext, f: FormField): SafeHtml {
  const id = idOf(f.name)
  return html`<div class="field"><label for="${id}">${labelOf(c.ui, f)}</label>
<textarea id="${id}" name="${f.name}" rows="3"${f.lang ? html` lang="${f.lang}"` : ''}${describedBy(c, f.name)}>${text(c.values[f.name])}</textarea>${message(c, f.name)}</div>`
}

/**
 * A menu. With a fallback it always holds a value (the reader's language
 * for a menu of UI languages), keeps one the menu does not offer, and
 * cannot be wrong; without one it starts blank and shows its error.
 */
function select(c: FieldsContext, f: FormField): SafeHtml {
  const id = idOf(f.name)
  const options = optionsOf(f)
  const open = html`<div class="field"><label for="${id}">${labelOf(c.ui, f)}</label>\n`
  if (f.fallback !== undefined) {
    const chosen = text(c.values[f.name]) || (options === 'uiLanguages' ? c.ui.lang : f.fallback)
    return html`${open}<select id="${id}" name="${f.name}">${withExtras(c.ui, options, [chosen]).map(([v, l]) => html`<option value="${v}"${v === chosen ? ' selected' : ''}>${l}</option>`)}</select></div>`
  }
  const chosen = text(c.values[f.name])
  return html`${open}<select id="${id}" name="${f.name}"${describedBy(c, f.name)}><option value=""></option>${offered(c.ui, options).map(([v, l]) => html`<option value="${v}"${chosen === v ? ' selected' : ''}>${l}</option>`)}</select>
${message(c, f.name)}</div>`
}

function checkboxes(c: FieldsContext, f: FormField): SafeHtml {
  const ticked = list(c.values[f.name])
  return html`<fieldset class="field"${c.errors[f.name] ? html` aria-describedby="${idOf(f.name)}-error"` : ''}><legend>${labelOf(c.ui, f)}</legend>
<div class="checks">${withExtras(c.ui, optionsOf(f), ticked).map(([v, l]) => html`<label><input type="checkbox" name="${f.name}" value="${v}"${ticked.includes(v) ? ' checked' : ''}> ${l}</label>`)}</div>
${message(c, f.name)}</fieldset>`
}

function field(c: FieldsContext, f: FormField): SafeHtml {
  if (f.input === 'textarea') return textarea(c, f)
  if (f.input === 'select') return select(c, f)
  if (f.input === 'checkboxes') return checkboxes(c, f)
  return input(c, f)
}

/** How a run of fields under one container is wrapped (none: side by side). */
function wrapped(c: FieldsContext, container: string | undefined, inner: SafeHtml[]): SafeHtml | SafeHtml[] {
  const { ui } = c
  if (container === 'nameMap') return html`<details><summary>${ui.t('join.nameIn', { language: '…' })}</summary>\n${inner}\n</details>`
  if (container === 'location') {
    return html`<fieldset class="field"><legend>${ui.t('join.location')}</legend>
<p class="meta">${ui.t('join.locationHelp')}</p>
<div id="pick-map" class="small-map" data-tiles="${c.tileUrl}" data-attribution="${c.tileAttribution}"></div>
${lines(inner)}
</fieldset>`
  }
  if (container === 'account') {
    return html`<fieldset class="field"><legend>${ui.t('join.account')}</legend>
<p class="meta">${ui.t('join.accountHelp')} <a href="/editors">${ui.t('ed.signIn')}</a></p>
${lines(inner)}
</fieldset>`
  }
  return container === 'summaryMap' ? inner : lines(inner)
}

const lines = (parts: SafeHtml[]): SafeHtml[] => parts.flatMap((p, i) => (i ? [html`\n`, p] : [p]))

/** The fields, in order, each run of one container wrapped as it is shown. */
export function fieldsHtml(c: FieldsContext, fields: readonly FormField[]): SafeHtml {
  const runs: Array<{ container: string | undefined; fields: FormField[] }> = []
  for (const f of fields) {
    const last = runs.at(-1)
    if (last && last.container === f.container) last.fields.push(f)
    else runs.push({ container: f.container, fields: [f] })
  }
  return html`${lines(runs.map((r) => html`${wrapped(c, r.container, r.fields.map((f) => field(c, f)))}`))}`
}

/** A form field's label, as on the form, in the reader's language. */
export function fieldLabel(ui: Ui, name: string): string {
  const f = LISTING_FIELDS.find((x) => x.name === name)
  if (f) return labelOf(ui, f)
  // A language the form does not show (a name in Japanese): labelled as the form labels its languages.
  const dot = name.indexOf('.')
  const perLanguage = dot > 0 ? LISTING_FIELDS.find((x) => x.lang && x.container === name.slice(0, dot)) : undefined
  return perLanguage && dot < name.length - 1 ? ui.t(perLanguage.label, { language: ui.languageName(name.slice(dot + 1)) }) : name
}

/** A field's current value as a reader sees it: labels for ids, names for language codes. */
export function fieldDisplay(ui: Ui, name: string, values: FormValues): string {
  const options = formFieldNamed(name)?.options
  return options ? list(values[name]).map((v) => optionLabel(ui, options, v)).join(', ') : text(values[name])
}
