/**
 * The map and search page (/). Server-rendered first: the form, facet
 * filters with counts, the result list and its pages work without
 * JavaScript (a GET form whose URL is the search). /static/search.js then
 * searches as you type, asking for `searchFragment` (the same facets and
 * results, rendered here) and putting it in place: one renderer for both;
 * /static/map.js adds the Leaflet map with supercluster clusters.
 *
 * On a phone the search box, the count and the results come first; the
 * filters are behind their own button (a <details>), the map and the list
 * are tabs (styles.css, search.js).
 */
import type { SearchResult } from '../../../search/search-index'
import { DEFAULT_QUERY, type SearchQuery } from '../../../search/query'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { page } from '../layout'
import { facetsBox } from './facets'
import type { Refusal, RefusalSlot } from './refusals'
import { resultsSection } from './results'
import type { PlaceField } from './place-field'
import type { DropLink } from './drops'
import { MAX_PLACE_TEXT } from '../../../search/places/near'
import { MAP_SCRIPTS, mapMessages } from './map-scripts'

export { profileHref } from './results'

/** What the page needs besides the search: the reader, this request's URL and the instance's settings. */
export interface MapPageContext {
  ui: Ui
  url: string
  origin: string
  tileUrl: string
  tileAttribution: string
}

/**
 * One search as the page shows it: the query (for a refused one, what of it
 * could be kept, so the form still holds the reader's words and choices),
 * its answer (none when refused), why it was refused, and the refused
 * values as given, which the form shows back.
 */
export interface MapSearch {
  query: SearchQuery
  result: SearchResult | null
  refusals: Refusal[]
  rejected: Partial<Record<string, string>>
  /** The "near" field: as typed, and the city read from it (the query's `near`). */
  place: PlaceField
  /** For a search that found nothing: what to leave out to find something. */
  drops: DropLink[]
  /** True when nothing at all is searchable here yet: the page says how listings arrive (first-run.ts). */
  emptyDirectory?: boolean
}

/** The parts of the page a new search changes, #facets and #results, exactly as the page renders them (GET /fragments/results). */
export function searchFragment(ui: Ui, search: MapSearch, origin: string): string {
  return html`${facetsBox(ui, search)}
${resultsSection(ui, search, origin)}
`.value
}

/** Where a refusal is said next to its field: present (hidden when empty) so search.js can fill it for the next search. */
function slotFor(search: MapSearch, slot: RefusalSlot): SafeHtml {
  const said = search.refusals.filter((r) => r.slot === slot).map((r) => r.message).join(' ')
  return html`<p id="error-${slot}" class="field-error" data-for="${slot}"${said ? '' : ' hidden'}>${said}</p>`
}

/** The attributes tying a control to its refusal slot. */
function describedBy(search: MapSearch, slot: RefusalSlot): SafeHtml {
  return html` aria-describedby="error-${slot}"${search.refusals.some((r) => r.slot === slot) ? html` aria-invalid="true"` : ''}`
}

/** What places.js says itself: the suggestions' name and how many there are. */
const placeMessages = (ui: Ui) => ({ options: ui.t('search.placeOptions'), found: ui.t('search.placesFound'), foundOne: ui.t('search.placeFound'), none: ui.t('search.noPlaces') })

/**
 * Where to search around: a town or city typed by name (search.js offers
 * suggestions as a combobox; without it the server reads the name), or the
 * reader's own position, and how far. The hidden `near` is only the
 * position's: a typed place is read again from its name on each request.
 */
function nearRow(ui: Ui, search: MapSearch): SafeHtml {
  const { query, rejected, place } = search
  return html`<div class="near">
<label for="place">${ui.t('search.place')}</label>
<div class="combo"><input id="place" name="place" type="text" value="${place.text}" placeholder="${ui.t('search.placePlaceholder')}" autocomplete="off" spellcheck="false" maxlength="${MAX_PLACE_TEXT}" data-messages="${JSON.stringify(placeMessages(ui))}"${describedBy(search, 'place')}></div>
${slotFor(search, 'place')}
<button type="button" id="near-me">${ui.t('search.nearMe')}</button>
<label for="radius">${ui.t('search.radius')}</label>
<select id="radius" name="radius"${describedBy(search, 'near')}>
<option value="">${ui.t('search.anyDistance')}</option>
${[10, 50, 200, 1000].map((km) => html`<option value="${km}"${query.radius === km || rejected.radius === String(km) ? ' selected' : ''}>${ui.number(km)} km</option>`)}
</select>
<input type="hidden" id="near" name="near" value="${query.near && !place.text ? `${query.near.lat},${query.near.lng}` : ''}">
<p id="near-status" class="status" role="status"></p>
${slotFor(search, 'near')}
</div>`
}

/** Order and the accepting-clients flag: filters too, but not facets (no counts), so outside #facets. */
function orderAndFlags(ui: Ui, search: MapSearch): SafeHtml {
  const { query, rejected } = search
  const sort = rejected.sort ?? query.sort
  const option = (value: string, key: 'search.sortRelevance' | 'search.sortDistance' | 'search.sortUpdated', disabled = false) =>
    html`<option value="${value}"${(sort === value || (value === '' && sort === 'relevance')) ? ' selected' : ''}${disabled ? ' disabled' : ''}>${ui.t(key)}</option>`
  return html`<div class="order">
<label for="sort">${ui.t('search.sort')}</label>
<select id="sort" name="sort"${describedBy(search, 'sort')}>
${option('', 'search.sortRelevance')}${option('distance', 'search.sortDistance', !query.near)}${option('updated', 'search.sortUpdated')}
</select>
${slotFor(search, 'sort')}
</div>
<p class="flag"><label><input type="checkbox" id="accepting" name="accepting" value="true"${query.accepting ? ' checked' : ''}${describedBy(search, 'accepting')}> ${ui.t('search.accepting')}</label></p>
${slotFor(search, 'accepting')}`
}

/** How many filters are chosen, for the button that opens them. */
function chosenCount(query: SearchQuery): number {
  return query.service.length + query.language.length + query.kind.length + query.country.length + query.origin.length + (query.accepting ? 1 : 0)
}

function filtersBox(ui: Ui, search: MapSearch): SafeHtml {
  const { query } = search
  const chosen = chosenCount(query)
  // open when it holds the reason a search was refused, so the reader sees it
  const open = search.refusals.some((r) => r.slot === 'sort' || r.slot === 'accepting')
  return html`<details id="filters" class="filters"${open ? ' open' : ''}>
<summary>${ui.t('search.filters')} <span id="chosen" class="chosen"${chosen ? '' : ' hidden'}>${ui.t('search.chosen', { count: chosen })}</span></summary>
${orderAndFlags(ui, search)}
${facetsBox(ui, search)}
${query.bbox ? html`<input type="hidden" name="bbox" value="${[query.bbox.minLng, query.bbox.minLat, query.bbox.maxLng, query.bbox.maxLat].join(',')}">` : ''}
${query.perPage !== DEFAULT_QUERY.perPage ? html`<input type="hidden" name="perPage" value="${query.perPage}">` : ''}
<p class="actions"><button type="submit" class="apply">${ui.t('search.apply')}</button> <a href="/" id="clear">${ui.t('search.clear')}</a></p>
</details>`
}

function searchForm(ui: Ui, search: MapSearch): SafeHtml {
  return html`<form id="search" class="search-form" role="search" action="/" method="get">
<label for="q">${ui.t('search.label')}</label>
<div class="search-row">
<input id="q" name="q" type="search" value="${search.query.q || (search.rejected.q ?? '')}" placeholder="${ui.t('search.placeholder')}" autocomplete="off"${describedBy(search, 'q')}>
<button type="submit">${ui.t('search.submit')}</button>
</div>
${slotFor(search, 'q')}
${nearRow(ui, search)}
${filtersBox(ui, search)}
</form>`
}

/** The list/map switch of a phone screen; shown by search.js, which makes it work (styles.css hides it on wide screens). */
function viewTabs(ui: Ui): SafeHtml {
  return html`<div id="views" class="views" role="tablist" aria-label="${ui.t('search.views')}">
<button type="button" role="tab" id="tab-list" aria-controls="results" aria-selected="true">${ui.t('search.list')}</button>
<button type="button" role="tab" id="tab-map" aria-controls="map" aria-selected="false" tabindex="-1">${ui.t('search.mapTab')}</button>
</div>`
}

export function mapPage(ctx: MapPageContext, search: MapSearch): string {
  const { ui } = ctx
  // what the scripts say themselves: the clusters' titles, the map's status lines, the chosen-filters count
  const messages = { results: ui.t('search.results'), mapNote: ui.t('search.mapNote'), locating: ui.t('search.locating'), noLocation: ui.t('search.noLocation'), chosen: ui.t('search.chosen'), ...mapMessages(ui) }
  const body = html`<div id="search-page" class="search-page" data-messages="${JSON.stringify(messages)}" data-origin="${ctx.origin}" data-tiles="${ctx.tileUrl}" data-attribution="${ctx.tileAttribution}" data-lang="${ui.lang}">
${searchForm(ui, search)}
${viewTabs(ui)}
<div id="map" class="map" role="region" aria-label="${ui.t('search.map')}"></div>
<p id="map-note" class="status" role="status"></p>
${resultsSection(ui, search, ctx.origin)}
</div>`
  return page({
    title: ui.t('nav.map'), ui, url: ctx.url, body, wide: true,
    head: html`<link rel="stylesheet" href="/static/vendor/leaflet/leaflet.css">`,
    scripts: ['/static/vendor/leaflet/leaflet.js', '/static/vendor/supercluster/supercluster.min.js', '/static/places.js', '/static/search.js', ...MAP_SCRIPTS]
  })
}
