/**
 * The facet filters of the search page (#facets), with their counts. Each
 * facet shows its commonest values and the chosen ones; every other value
 * is one "show all" away (a <details>, so it works without JavaScript), the
 * services grouped by the vocabulary's categories.
 *
 * How ticks combine is what the engines do (src/search/embedded/matcher.ts,
 * the Meilisearch filter in src/search/meilisearch/translate.ts): values of
 * one facet are alternatives (any of them), facets narrow each other (all of
 * them); counts are over this search's results, as Meilisearch counts.
 */
import { SERVICES, SERVICE_CATEGORIES, serviceLabel, kindLabel, label } from '../../../directory/vocabulary'
import type { FacetCounts } from '../../../search/search-index'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import type { MapSearch } from './view'
import { hostOf } from './results'

type Facet = keyof FacetCounts

/** Each facet's title, in the form's order. */
export const FACET_TITLES = { service: 'facet.service', language: 'facet.language', kind: 'facet.kind', country: 'facet.country', origin: 'facet.origin' } as const satisfies Record<Facet, MessageKey>
const FACETS = Object.entries(FACET_TITLES) as Array<[Facet, (typeof FACET_TITLES)[Facet]]>
/** How many values a facet shows before "show all": its commonest ones. */
const SHOWN = 8

/** A facet value as the reader reads it: a service's or kind's label, a language's or country's name, an instance's host. */
export function facetLabel(ui: Ui, facet: Facet, value: string): string {
  if (facet === 'service') return serviceLabel(value, ui.lang)
  if (facet === 'kind') return kindLabel(value, ui.lang)
  if (facet === 'language') return ui.languageName(value)
  if (facet === 'origin') return hostOf(value)
  return ui.countryName(value)
}

/** One value to tick, with its count in this search's results. */
function valueBox(ui: Ui, facet: Facet, value: string, count: number, checked: boolean): SafeHtml {
  return html`<label><input type="checkbox" name="${facet}" value="${value}"${checked ? ' checked' : ''}> ${facetLabel(ui, facet, value)} <span class="count">${ui.number(count)}</span></label>`
}

/** The services past the commonest ones, under their categories in the vocabulary's order. */
function servicesByCategory(ui: Ui, values: string[], box: (v: string) => SafeHtml): SafeHtml {
  const categoryOf = new Map(SERVICES.map((s) => [s.id, s.category]))
  const groups = [...Object.keys(SERVICE_CATEGORIES), ''].map((category) => {
    const inGroup = values.filter((v) => (categoryOf.get(v) ?? '') === category)
    if (!inGroup.length) return ''
    const legend = category ? label(SERVICE_CATEGORIES[category], ui.lang, category) : ui.t('facet.service')
    return html`<fieldset class="group"><legend>${legend}</legend>
${inGroup.map(box)}
</fieldset>`
  })
  return html`${groups}`
}

function facetBox(ui: Ui, facet: Facet, title: SafeHtml | string, chosen: string[], counts: Record<string, number>): SafeHtml {
  const byCount = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v)
  const top = [...new Set([...chosen, ...byCount.slice(0, SHOWN)])]
  const rest = byCount.filter((v) => !top.includes(v))
  const box = (v: string) => valueBox(ui, facet, v, counts[v] ?? 0, chosen.includes(v))
  const more = !rest.length ? '' : html`<details class="more"><summary>${ui.t(facet === 'service' ? 'search.moreServices' : 'search.more', { count: rest.length })}</summary>
${facet === 'service' ? servicesByCategory(ui, rest, box) : rest.map(box)}
</details>`
  return html`<fieldset class="facet" data-facet="${facet}"><legend>${title}</legend>
${top.map(box)}
${more}
</fieldset>`
}

/** The facet filters with their counts, and how ticks combine (#facets: map.js puts a new search's copy in its place). */
export function facetsBox(ui: Ui, { query, result }: MapSearch): SafeHtml {
  const fieldsets = FACETS.map(([facet, title]) => {
    const counts = result?.facets[facet] ?? {}
    // one instance is no choice: its facet appears once a second one is listed (or a link chose one)
    if (facet === 'origin' && Object.keys(counts).length < 2 && !query.origin.length) return ''
    // a refused search has no counts: a facet with nothing to tick is left out rather than shown empty
    if (!Object.keys(counts).length && !query[facet].length) return ''
    return facetBox(ui, facet, ui.t(title), query[facet], counts)
  })
  return html`<div id="facets" class="facets">
${fieldsets.some((f) => f !== '') ? html`<p class="hint">${ui.t('search.combine')}</p>` : ''}
${fieldsets}</div>`
}
