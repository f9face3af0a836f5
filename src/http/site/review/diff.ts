/**
 * A held change as a reader sees it (issue 12, moderation of changes): one
 * row per field it changes — a name or summary per language, a contact
 * channel, a kind — labelled as the form labels it, with what is published
 * and what is proposed in words (kinds, services, languages and countries
 * by name, summaries as their text). The operator's diff and the editor's
 * notice both show these rows.
 */
import { REVIEWABLE, type HeldChange, type HeldValue, type ReviewField } from '../../../directory/change-review'
import { kindLabel, serviceLabel } from '../../../directory/vocabulary'
import type { Place } from '../../../directory/listing'
import type { Ui } from '../i18n/translate'
import { regionName } from '../i18n/region-name'
import type { MessageKey } from '../i18n/messages'
import { fieldLabel } from '../form/render'
import { asParagraphs } from '../form/convert'
import { html, type SafeHtml } from '../html'

/** One changed field: its label, and its value published now and proposed ('' when it has none). */
export interface DiffRow {
  label: string
  before: string
  after: string
  /** What it held when the change was proposed, when that differs from now (someone changed it since). */
  then?: string
}

/** A review field's own label, for fields the form does not show. */
export const reviewFieldLabel = (ui: Ui, field: ReviewField): string => ui.t(`review.field.${field}` as MessageKey)

/** The fields of a change, by their labels, as a list in words ("name and website"). */
export const fieldList = (ui: Ui, change: Pick<HeldChange, 'fields'>): string =>
  new Intl.ListFormat(ui.lang, { type: 'conjunction' }).format(change.fields.map((f) => reviewFieldLabel(ui, f)))

/** The review field a path belongs to. */
const fieldOfPath = (path: readonly string[]): ReviewField | undefined =>
  (Object.keys(REVIEWABLE) as ReviewField[]).find((f) => REVIEWABLE[f].some((p) => p.join('.') === path.join('.')))

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : [])

const place = (ui: Ui, p: Place): string =>
  [p.name, p.address, p.country ? ui.countryName(p.country) : undefined].filter(Boolean).join(', ') + ` (${p.latitude}, ${p.longitude})`

/** A stored value in words. */
export function shown(ui: Ui, path: readonly string[], value: unknown): string {
  if (value === null || value === undefined) return ''
  const [top] = path
  if (top === 'kind') return kindLabel(String(value), ui.lang)
  if (top === 'services') return strings(value).map((s) => serviceLabel(s, ui.lang)).join(', ')
  if (top === 'languages') return strings(value).map((l) => ui.languageName(l)).join(', ')
  if (top === 'regionsServed') return strings(value).map((r) => regionName(ui, r)).join(', ')
  if (top === 'contactVisibility') return Object.entries(mapOf(value)).map(([k, v]) => `${fieldLabel(ui, `contact.${k}`)}: ${ui.t(v === 'partners' ? 'join.visibilityPartners' : 'join.visibilityPublic')}`).join(', ')
  if (top === 'summary' || top === 'summaryMap') return asParagraphs(String(value))
  if (top === 'defaultLanguage') return ui.languageName(String(value))
  if (top === 'location') return (Array.isArray(value) ? (value as Place[]) : []).map((p) => place(ui, p)).join('; ')
  if (typeof value === 'boolean') return ui.t(value ? 'profile.yes' : 'profile.no')
  if (Array.isArray(value)) return value.map(String).join(', ')
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`).join(', ')
  return String(value)
}

/** A path's label: the form's when it has the field, else the review field's. */
function labelOf(ui: Ui, path: readonly string[]): string {
  const name = path.join('.')
  const label = fieldLabel(ui, name)
  if (label !== name) return label
  const field = fieldOfPath(path)
  return field ? reviewFieldLabel(ui, field) : name
}

const mapOf = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

/**
 * The rows of a change: per language for a name or summary map, one per
 * other path. `now` is each path's value as published now (the listing
 * today); where it differs from the value when proposed, the row says so.
 */
export function diffRows(ui: Ui, values: readonly HeldValue[], now: (path: readonly string[]) => unknown): DiffRow[] {
  const rows: DiffRow[] = []
  for (const v of values) {
    const current = now(v.path)
    if (v.path.length === 1 && (v.path[0] === 'nameMap' || v.path[0] === 'summaryMap')) {
      const [then, cur, next] = [mapOf(v.before), mapOf(current), mapOf(v.after)]
      for (const lang of [...new Set([...Object.keys(cur), ...Object.keys(next), ...Object.keys(then)])].sort()) {
        if (same(cur[lang], next[lang]) && same(then[lang], next[lang])) continue
        const path = [v.path[0], lang]
        rows.push(row(ui, path, then[lang], cur[lang], next[lang]))
      }
      continue
    }
    rows.push(row(ui, v.path, v.before, current, v.after))
  }
  return rows
}

function row(ui: Ui, path: readonly string[], then: unknown, current: unknown, next: unknown): DiffRow {
  const r: DiffRow = { label: labelOf(ui, path), before: shown(ui, path, current), after: shown(ui, path, next) }
  return same(then, current) ? r : { ...r, then: shown(ui, path, then) }
}

/**
 * The rows as a table: field, published now, proposed (and what it was when
 * proposed, when it changed since). A declined change is shown unmarked:
 * nothing is replaced, so nothing is struck through.
 */
export function diffTable(ui: Ui, rows: readonly DiffRow[], caption: string, declined = false): SafeHtml {
  const none = html`<span class="meta">${ui.t('review.none')}</span>`
  if (declined) {
    return html`<table class="diff declined"><caption>${caption}</caption>
<thead><tr><th scope="col">${ui.t('review.fieldHeading')}</th><th scope="col">${ui.t('review.before')}</th><th scope="col">${ui.t('review.declinedValue')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr><th scope="row">${r.label}</th><td>${r.before || none}</td><td>${r.after || none}</td></tr>`)}</tbody></table>`
  }
  return html`<table class="diff"><caption>${caption}</caption>
<thead><tr><th scope="col">${ui.t('review.fieldHeading')}</th><th scope="col">${ui.t('review.before')}</th><th scope="col">${ui.t('review.after')}</th></tr></thead>
<tbody>${rows.map((r) => html`<tr${r.then !== undefined ? html` class="changed-since"` : ''}><th scope="row">${r.label}</th>
<td>${r.before ? html`<del>${r.before}</del>` : none}${r.then !== undefined ? html`<p class="meta">${ui.t('review.changedSince', { value: r.then || ui.t('review.none') })}</p>` : ''}</td>
<td>${r.after ? html`<ins>${r.after}</ins>` : none}</td></tr>`)}</tbody></table>`
}
