/**
 * The map and search page (/). Server-rendered first: the form, facet
 * filters with counts and the result list work without JavaScript (a GET
 * form whose URL is the search). /static/map.js then adds the Leaflet map with
 * supercluster clusters and, as you type, asks for `searchFragment` (the same
 * facets and results, rendered here) and puts it in place: one renderer for both.
 */
import type { SearchResult, SearchHit } from '../../../search/search-index'
import type { SearchQuery } from '../../../search/query'
import { serviceLabel, kindLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { page } from '../layout'

/** What the page needs besides the search: the reader, this request's URL and the instance's settings. */
export interface MapPageContext {
  ui: Ui
  url: string
  origin: string
  tileUrl: string
  tileAttribution: string
}

/** One search as the page shows it: the query, its answer (none when the query was refused) and why it was refused. */
export interface MapSearch {
  query: SearchQuery
  result: SearchResult | null
  error: string | null
}

/** Where a hit's profile is read here: local listings at /orgs/SLUG, mirrors with their provenance at /profile. */
export function profileHref(id: string, origin: string): string {
  const local = `${origin}/orgs/`
  return id.startsWith(local) ? `/orgs/${id.slice(local.length)}` : `/profile?id=${encodeURIComponent(id)}`
}

const FACETS = [['service', 'facet.service'], ['language', 'facet.language'], ['kind', 'facet.kind'], ['country', 'facet.country']] as const
/** Long facets show their most common values (the chosen ones always). */
const FACET_VALUES = 12

function facetLabel(ui: Ui, facet: (typeof FACETS)[number][0], value: string): string {
  if (facet === 'service') return serviceLabel(value, ui.lang)
  if (facet === 'kind') return kindLabel(value, ui.lang)
  if (facet === 'language') return ui.languageName(value)
  return ui.countryName(value)
}

/** The facet filters with their counts, in the form (#facets). */
function facetsBox(ui: Ui, { query, result }: MapSearch): SafeHtml {
  const fieldsets = FACETS.map(([facet, title]) => {
    const chosen = query[facet]
    const counts = result?.facets[facet] ?? {}
    const values = Object.entries(counts).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([v]) => v)
    const shown = [...new Set([...chosen, ...values.slice(0, FACET_VALUES)])]
    return html`<fieldset class="facet" data-facet="${facet}"><legend>${ui.t(title)}</legend>
${shown.map((v) => html`<label><input type="checkbox" name="${facet}" value="${v}"${chosen.includes(v) ? ' checked' : ''}> ${facetLabel(ui, facet, v)} <span class="count">${ui.number(counts[v] ?? 0)}</span></label>`)}
</fieldset>`
  })
  return html`<div id="facets" class="facets">${fieldsets}</div>`
}

function hitItem(ui: Ui, hit: SearchHit, origin: string): SafeHtml {
  return html`<li class="hit" data-id="${hit.id}">
<h3><a href="${profileHref(hit.id, origin)}">${hit.name}</a></h3>
<p class="excerpt">${hit.summary}</p>
<p class="meta">${kindLabel(hit.kind, ui.lang)}${hit.country ? html` · ${ui.countryName(hit.country)}` : ''}${hit.distanceKm !== undefined ? html` · ${ui.number(Math.round(hit.distanceKm))} km` : ''}${hit.origin !== origin ? html` · ${new URL(hit.origin).host}` : ''}</p>
</li>`
}

/** The total, the list and "nothing found" (#results, a polite live region: map.js replaces what is inside it, never the region). */
function resultsSection(ui: Ui, { result, error }: MapSearch, origin: string): SafeHtml {
  return html`<section id="results" class="results" aria-live="polite">
<p id="total" class="total">${error ?? ui.t('search.results', { count: result?.total ?? 0 })}</p>
<ol id="hits" class="hits">${(result?.hits ?? []).map((h) => hitItem(ui, h, origin))}</ol>
${result && result.total === 0 ? html`<p class="none">${ui.t('search.none')}</p>` : ''}
</section>`
}

/** The parts of the page a new search changes, #facets and #results, exactly as the page renders them (GET /fragments/results). */
export function searchFragment(ui: Ui, search: MapSearch, origin: string): string {
  return html`${facetsBox(ui, search)}
${resultsSection(ui, search, origin)}
`.value
}

export function mapPage(ctx: MapPageContext, search: MapSearch): string {
  const { ui } = ctx
  const { query } = search
  // what map.js says itself: the clusters' titles and the map's status lines
  const messages = { results: ui.t('search.results'), mapNote: ui.t('search.mapNote'), locating: ui.t('search.locating'), noLocation: ui.t('search.noLocation') }
  const body = html`<div id="search-page" class="search-page" data-messages="${JSON.stringify(messages)}" data-origin="${ctx.origin}" data-tiles="${ctx.tileUrl}" data-attribution="${ctx.tileAttribution}" data-lang="${ui.lang}">
<form id="search" class="search-form" role="search" action="/" method="get">
<label for="q">${ui.t('search.label')}</label>
<div class="search-row">
<input id="q" name="q" type="search" value="${query.q}" placeholder="${ui.t('search.placeholder')}" autocomplete="off">
<button type="submit">${ui.t('search.submit')}</button>
</div>
<div class="near">
<button type="button" id="near-me">${ui.t('search.nearMe')}</button>
<label for="radius">${ui.t('search.radius')}</label>
<select id="radius" name="radius">
<option value="">${ui.t('search.anyDistance')}</option>
${[10, 50, 200, 1000].map((km) => html`<option value="${km}"${query.radius === km ? ' selected' : ''}>${ui.number(km)} km</option>`)}
</select>
<input type="hidden" id="near" name="near" value="${query.near ? `${query.near.lat},${query.near.lng}` : ''}">
<p id="near-status" class="status" role="status"></p>
</div>
${facetsBox(ui, search)}
<p><a href="/" id="clear">${ui.t('search.clear')}</a></p>
</form>
<div id="map" class="map" role="region" aria-label="${ui.t('search.map')}"></div>
<p id="map-note" class="status" role="status"></p>
${resultsSection(ui, search, ctx.origin)}
</div>`
  return page({
    title: ui.t('nav.map'), ui, url: ctx.url, body, wide: true,
    head: html`<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
    scripts: ['/static/vendor/leaflet/leaflet.js', '/static/vendor/supercluster/supercluster.min.js', '/static/map.js']
  })
}
