/**
 * What the search page says about an answer besides its hits: the place
 * it searched around (typed in the "near" field, or read by the engine in
 * the words), words left out because no listing matched them all, "did you
 * mean" for a misspelled word, and, when nothing was found, what to drop
 * to find something: each a link that does it.
 */
import type { SearchResult } from '../../../search/search-index'
import { placeLabel } from '../../../search/places/near'
import { html, type SafeHtml } from '../html'
import type { MessageKey } from '../i18n/messages'
import type { Ui } from '../i18n/translate'
import { facetLabel, FACET_TITLES } from './facets'
import { withoutWords, type Drop, type DropLink } from './drops'
import { searchHref } from './search-url'
import type { MapSearch } from './view'
import { firstRunGuide } from './first-run'

/** A message with `{name}` filled by HTML (a link, a <time>): the message's own text stays escaped around it. */
export function filled(ui: Ui, key: MessageKey, name: string, inner: SafeHtml, values: Record<string, string | number> = {}): SafeHtml {
  const [before, ...after] = ui.t(key, values).split(`{${name}}`)
  return after.length ? html`${before}${inner}${after.join('')}` : html`${before} ${inner}`
}

/** "320 results", or "1 result": the plural form of the reader's language. */
export function totalText(ui: Ui, total: number): string {
  return ui.t(new Intl.PluralRules(ui.lang).select(total) === 'one' ? 'search.resultOne' : 'search.results', { count: total })
}

/** “inquilinos” and “sindicato”: words as the reader typed them, quoted and listed the reader's way. */
function wordList(ui: Ui, words: readonly string[]): string {
  return new Intl.ListFormat(ui.lang, { type: 'conjunction' }).format(words.map((word) => ui.t('search.quoted', { word })))
}

/** Where the search is centred, and how the answer treats it; its point (data-near) for search.js to hand the map. */
function placeNote(ui: Ui, { query, place, result }: MapSearch): SafeHtml | '' {
  if (place.place && query.near) {
    const label = placeLabel(place.place)
    const text = query.radius !== undefined ? ui.t('search.withinPlace', { km: query.radius, place: label }) : ui.t('search.nearPlace', { place: label })
    return html`<p id="place-note" class="understood" data-near="${query.near.lat},${query.near.lng}">${text}</p>`
  }
  const read = result?.place
  if (!read) return ''
  return html`<p id="place-note" class="understood">${ui.t('search.placeFromWords', { place: placeLabel(read), words: ui.t('search.quoted', { word: read.matchedText }) })}</p>`
}

/** Words the engine left out to find anything, and the search without them. */
function relaxedNote(ui: Ui, { query, place, result }: MapSearch): SafeHtml | '' {
  const words = result?.relaxed ?? []
  if (!words.length) return ''
  const list = wordList(ui, words)
  const href = searchHref({ ...query, q: withoutWords(query.q, words), page: 1 }, place.text)
  return html`<p class="relaxed">${ui.t('search.relaxed', { words: list })} <a href="${href}">${ui.t('search.dropWords', { words: list })}</a></p>`
}

/** "Did you mean …?", the suggested words a link to their search. */
function didYouMean(ui: Ui, { query, place, result }: MapSearch): SafeHtml | '' {
  const suggestion = result?.didYouMean
  if (!suggestion || suggestion === query.q) return ''
  const link = html`<a href="${searchHref({ ...query, q: suggestion, page: 1 }, place.text)}" class="suggestion">${suggestion}</a>`
  return html`<p class="did-you-mean">${filled(ui, 'search.didYouMean', 'suggestion', link)}</p>`
}

/** What the link of one drop says it does. */
function dropText(ui: Ui, drop: Drop, query: string): string {
  switch (drop.kind) {
    case 'words': return ui.t('search.dropWords', { words: wordList(ui, drop.words) })
    case 'filter': return ui.t('search.dropFilter', { facet: ui.t(FACET_TITLES[drop.facet]), value: facetLabel(ui, drop.facet, drop.value) })
    case 'accepting': return ui.t('search.dropAccepting')
    case 'radius': return ui.t('search.dropRadius')
    case 'area': return ui.t('search.dropArea')
    case 'filters': return ui.t('search.dropFilters', { words: ui.t('search.quoted', { word: query }) })
  }
}

function dropItem(ui: Ui, { drop, href, total }: DropLink, query: string): SafeHtml {
  return html`<li><a href="${href}">${dropText(ui, drop, query)}</a> <span class="count">(${totalText(ui, total)})</span></li>`
}

/** Nothing found: what to drop to find something, or a fresh start when no one drop is enough. */
function nothingFound(ui: Ui, search: MapSearch): SafeHtml {
  const { drops, query, place } = search
  const something = searchHref({ ...query, page: 1 }, place.text) !== '/'
  const tries = drops.length ? html`<p>${ui.t('search.tryDropping')}</p>
<ul class="drops">${drops.map((d) => dropItem(ui, d, query.q))}</ul>` : something ? html`<p><a href="/">${ui.t('search.startOver')}</a></p>` : ''
  return html`<p class="none">${ui.t('search.none')}</p>
${tries ? html`<div class="tries">${tries}</div>` : ''}`
}

/** The notes above the hits: the place, words left out, a spelling to try. */
export function answerNotes(ui: Ui, search: MapSearch): SafeHtml {
  return html`${placeNote(ui, search)}${relaxedNote(ui, search)}${didYouMean(ui, search)}`
}

/** Below the (empty) list of a search that found nothing. */
export function emptyAnswer(ui: Ui, search: MapSearch, result: SearchResult | null): SafeHtml | '' {
  if (!result || result.total !== 0) return ''
  return search.emptyDirectory ? firstRunGuide(ui) : nothingFound(ui, search)
}
