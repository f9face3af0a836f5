/**
 * The listing form's fields as HTML, from the field table: each with its
 * label, its value, what to type (help) and its error next to it
 * (aria-describedby), grouped as the table groups them — the main language
 * and its summary first, names and summaries in other languages in a
 * <details>, services by category, the place with its search and map,
 * contacts each with who may see them, the data licence, the account.
 */
import { SERVICE_CATEGORIES, SERVICES, label as vocabularyLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { toStored } from './convert'
import { MAX_OTHER_LANGUAGES, rowFields, rowLabel } from './other-languages'
import { DEFAULT_LANGUAGE, LISTING_FIELDS, formFieldNamed, list, offered, optionLabel, removeField, text, type FieldGroup, type FormErrors, type FormField, type FormValues, type OptionList } from './fields'

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

function message(c: FieldsContext, name: string): SafeHtml | string {
  const key = c.errors[name]
  return key ? html`<p class="error" id="${idOf(name)}-error">${c.ui.t(key)}</p>` : ''
}

const help = (c: FieldsContext, f: FormField): SafeHtml | string => (f.help ? html`<p class="meta" id="${idOf(f.name)}-help">${c.ui.t(f.help)}</p>` : '')

/** A field's label: per language fields name their language; a contact's visibility names its contact. */
function labelOf(ui: Ui, f: FormField, main?: string): string {
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
  const named = read.map((r) => (r === 'remote' ? c.ui.t('join.remote') : /^[A-Z]{2}(?:-|$)/.test(r) ? regionName(c.ui, r) : r))
  return html`<p class="meta">${c.ui.t('join.regionsNamed', { regions: named.join(', ') })}</p>`
}

/** A country's name, or a subdivision's code with its country's name ("MX-OAX (México)"). */
const regionName = (ui: Ui, code: string): string => (code.length === 2 ? ui.countryName(code) : `${code} (${ui.countryName(code.slice(0, 2))})`)

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

function field(c: FieldsContext, f: FormField, main?: string): SafeHtml {
  if (f.input === 'textarea') return textarea(c, f, main)
  if (f.input === 'select') return select(c, f)
  if (f.input === 'checkboxes') return checkboxes(c, f)
  if (f.input === 'radio') return radios(c, f)
  return input(c, f)
}

const lines = (parts: SafeHtml[]): SafeHtml[] => parts.flatMap((p, i) => (i ? [html`\n`, p] : [p]))

/**
 * Names and summaries: the main language's summary in sight (required);
 * every other box in a <details>, open when one of them has a value or an
 * error, language by language. listing-form.js swaps the boxes when the
 * main language changes; without it the next page shows the new order.
 */
function languages(c: FieldsContext, fields: FormField[]): SafeHtml {
  const main = mainLanguageOf(c)
  const mainSummary = fields.find((f) => f.container === 'summaryMap' && f.lang === main)
  const others = fields.filter((f) => f !== mainSummary).sort((a, b) => (a.lang ?? '').localeCompare(b.lang ?? '') || (a.container === 'nameMap' ? -1 : 1))
  const open = !mainSummary || others.some((f) => text(c.values[f.name]) !== '' || c.errors[f.name])
  const rows = otherRows(c)
  return html`<div id="main-summary">${mainSummary ? field(c, mainSummary, main) : ''}</div>
<details id="other-languages"${open || rows.some((r) => r.given) ? ' open' : ''}><summary>${c.ui.t('join.inOtherLanguages')}</summary>
${lines(others.map((f) => field(c, f, main)))}
${lines(rows.map((r) => r.html))}
</details>`
}

/** A plain text box or text area of a row (not in the field table), with its error. */
function rowBox(c: FieldsContext, name: string, label: string, kind: 'input' | 'textarea', helpKey?: MessageKey): SafeHtml {
  const id = idOf(name)
  const ids = [...(helpKey ? [`${id}-help`] : []), ...(c.errors[name] ? [`${id}-error`] : [])]
  const aria = html`${c.errors[name] ? html` aria-invalid="true"` : ''}${ids.length ? html` aria-describedby="${ids.join(' ')}"` : ''}`
  const control = kind === 'input'
    ? html`<input id="${id}" name="${name}" type="text" value="${text(c.values[name])}"${aria}>`
    : html`<textarea id="${id}" name="${name}" rows="3"${aria}>${text(c.values[name])}</textarea>`
  return html`<div class="field"><label for="${id}">${label}</label>${helpKey ? html`<p class="meta" id="${id}-help">${c.ui.t(helpKey)}</p>` : ''}
${control}
${message(c, name)}</div>`
}

/** The rows of names and summaries in languages beyond the UI's: each given one, then one empty to add another. */
function otherRows(c: FieldsContext): Array<{ given: boolean; html: SafeHtml }> {
  const rows = Array.from({ length: MAX_OTHER_LANGUAGES }, (_, i) => rowFields(i))
  const given = rows.filter((r) => Object.values(r).some((name) => text(c.values[name]) !== '' || c.errors[name]))
  const shown = given.length < rows.length ? [...given, rows.find((r) => !given.includes(r)) as (typeof rows)[number]] : given
  return shown.map((r) => {
    const lang = text(c.values[r.lang])
    const legend = given.includes(r) && lang ? c.ui.languageName(lang) : c.ui.t('join.otherRow')
    return {
      given: given.includes(r),
      html: html`<fieldset class="field other-language"><legend>${legend}</legend>
${rowBox(c, r.lang, c.ui.t('join.otherLanguage'), 'input', 'join.help.languageCode')}
${rowBox(c, r.name, c.ui.t('join.otherName'), 'input')}
${rowBox(c, r.summary, c.ui.t('join.otherSummary'), 'textarea')}
</fieldset>`
    }
  })
}

function contacts(c: FieldsContext, fields: FormField[]): SafeHtml {
  const rows = fields.filter((f) => f.container === 'contact').map((f) => {
    const visibility = fields.find((v) => v.container === 'contactVisibility' && v.path.at(-1) === f.path.at(-1))
    return html`<div class="contact-row">${field(c, f)}${visibility ? field(c, visibility) : ''}</div>`
  })
  return html`<fieldset class="field"><legend>${c.ui.t('join.contact')}</legend>
<p class="meta">${c.ui.t('join.contactHelp')}</p>
${lines(rows)}
</fieldset>`
}

/** Whether an item (a place) has something typed, or an error, on the form. */
const hasAny = (c: FieldsContext, fields: FormField[]): boolean => fields.some((f) => text(c.values[f.name]) !== '' || c.errors[f.name] !== undefined)

/**
 * The places: the first with the search of its name and the map; then each
 * other place given, with a box to remove it; then one empty place, folded
 * under "Add another place" (pressing Preview shows one more).
 */
function places(c: FieldsContext, fields: FormField[]): SafeHtml {
  const { ui } = c
  const items = new Map<number, FormField[]>()
  for (const f of fields) items.set(f.index ?? 0, [...(items.get(f.index ?? 0) ?? []), f])
  const given = [...items.keys()].filter((i) => i === 0 || hasAny(c, items.get(i) ?? []))
  const extra = [...items.keys()].find((i) => i > Math.max(...given))
  const remove = (i: number) => {
    const name = removeField('location', i)
    return html`<p class="remove-item"><label><input type="checkbox" name="${name}" value="1"${c.values[name] !== undefined ? ' checked' : ''}> ${ui.t('join.removePlace')}</label></p>`
  }
  const block = (i: number) => {
    const own = items.get(i) ?? []
    if (i === 0) {
      return html`<fieldset class="field place" id="place-0"><legend>${ui.t('join.location')}</legend>
<p class="meta">${ui.t('join.placeHelp')}</p>
${lines(own.map((f) => field(c, f)))}
<input type="hidden" id="place-point" value="">
<div id="pick-map" class="small-map" data-tiles="${c.tileUrl}" data-attribution="${c.tileAttribution}"></div>
${hasAny(c, own) && given.length > 1 ? remove(0) : ''}
</fieldset>`
    }
    return html`<fieldset class="field place" id="place-${i}"><legend>${ui.t('join.placeN', { number: i + 1 })}</legend>
${lines(own.map((f) => field(c, f)))}
${hasAny(c, own) ? remove(i) : ''}
</fieldset>`
  }
  return html`${lines(given.map(block))}
${extra !== undefined ? html`<details class="add-place"><summary>${ui.t('join.addPlace')}</summary>
${block(extra)}
</details>` : ''}`
}

/** How the fields of one group are wrapped (none: one after the other). */
function wrapped(c: FieldsContext, group: FieldGroup, fields: FormField[]): SafeHtml | SafeHtml[] {
  const { ui } = c
  const inner = () => lines(fields.map((f) => field(c, f)))
  switch (group) {
    case 'languages': return languages(c, fields)
    case 'contact': return contacts(c, fields)
    case 'place': return places(c, fields)
    case 'more': return html`<fieldset class="field"><legend>${ui.t('join.more')}</legend>\n${inner()}\n</fieldset>`
    case 'account':
      return html`<fieldset class="field"><legend>${ui.t('join.account')}</legend>
<p class="meta">${ui.t('join.accountHelp')} <a href="/editors">${ui.t('ed.signIn')}</a></p>
${inner()}
</fieldset>`
    default: return inner()
  }
}

/** The fields, in order, each run of one group wrapped as it is shown. */
export function fieldsHtml(c: FieldsContext, fields: readonly FormField[]): SafeHtml {
  const runs: Array<{ group: FieldGroup; fields: FormField[] }> = []
  for (const f of fields) {
    const last = runs.at(-1)
    if (last && last.group === f.group) last.fields.push(f)
    else runs.push({ group: f.group, fields: [f] })
  }
  return html`${lines(runs.map((r) => html`${wrapped(c, r.group, r.fields)}`))}`
}

/** A form field's label, as on the form, in the reader's language. */
export function fieldLabel(ui: Ui, name: string): string {
  const f = formFieldNamed(name)
  if (f) return labelOf(ui, f)
  const row = rowLabel(ui, name)
  if (row) return row
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
