/**
 * The listing form's fields as HTML, grouped as the table groups them: the
 * main language and its summary first, names and summaries in other
 * languages (the UI's boxes and rows for any other) in a <details>, the
 * places with the search of the first one's name and its map, contacts
 * each with who may see them, the rest; controls are render-controls.ts's.
 */
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import { MAX_OTHER_LANGUAGES, rowFields, rowLabel } from './other-languages'
import { LISTING_FIELDS, formFieldNamed, list, optionLabel, removeField, text, type FieldGroup, type FormField, type FormValues } from './fields'
import { field, idOf, labelOf, lines, mainLanguageOf, message, type FieldsContext } from './render-controls'

export { idOf, type FieldsContext } from './render-controls'
/**
 * Names and summaries: the main language's summary in sight (required);
 * every other box in a <details>, open when one of them has a value or an
 * error, language by language. listing-form.js swaps the boxes when the
 * main language changes; without it the next page shows the new order.
 */
function languages(c: FieldsContext, fields: FormField[]): SafeHtml {
  const main = mainLanguageOf(c)
  const mainSummary = fields.find((f) => f.container === 'summaryMap' && f.lang === main)
  // The main language's name is the Name box above: its own box only shows a value already stored there.
  const redundant = (f: FormField) => f.container === 'nameMap' && f.lang === main && text(c.values[f.name]) === '' && !c.errors[f.name]
  const others = fields.filter((f) => f !== mainSummary && !redundant(f)).sort((a, b) => (a.lang ?? '').localeCompare(b.lang ?? '') || (a.container === 'nameMap' ? -1 : 1))
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
