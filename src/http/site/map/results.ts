/**
 * The results of the search page (#results): the total, each hit with what
 * a reader decides on (services, languages, where, how far, who lists it),
 * and links to the other pages of results, which work without JavaScript
 * (map.js follows them in place).
 */
import type { SearchHit, SearchResult } from '../../../search/search-index'
import type { SearchQuery } from '../../../search/query'
import { serviceLabel, kindLabel } from '../../../directory/vocabulary'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { Refusal } from './refusals'
import { pageHref } from './search-url'
import { answerNotes, emptyAnswer, filled, totalText } from './answers'
import { downloadLinks } from './downloads'
import type { MapSearch } from './view'

/** Where a hit's profile is read here: local listings at /orgs/SLUG, mirrors with their provenance at /profile. */
export function profileHref(id: string, origin: string): string {
  const local = `${origin}/orgs/`
  return id.startsWith(local) ? `/orgs/${id.slice(local.length)}` : `/profile?id=${encodeURIComponent(id)}`
}

/** An instance's host, as readers know it (an origin that is no URL is shown as it is). */
export function hostOf(origin: string): string {
  try {
    return new URL(origin).host
  } catch {
    return origin
  }
}

/** "Updated 3 May 2025", in the reader's language (a date the engine could not give is left out). */
function updatedText(ui: Ui, hit: SearchHit): SafeHtml | '' {
  const at = new Date(hit.updated)
  if (Number.isNaN(at.getTime())) return ''
  return html` · <span class="updated">${filled(ui, 'search.updated', 'date', html`<time datetime="${at.toISOString().slice(0, 10)}">${ui.date(at)}</time>`)}</span>`
}

/** Kind · place, country · distance · last update: one line, so the eye finds it in the same spot on every hit. */
function metaLine(ui: Ui, hit: SearchHit): SafeHtml {
  const place = [hit.location?.name, hit.country ? ui.countryName(hit.country) : undefined].filter((p): p is string => !!p).join(', ')
  return html`<p class="meta">${kindLabel(hit.kind, ui.lang)}${place ? html` · <span class="place">${place}</span>` : ''}${hit.distanceKm !== undefined ? html` · <span class="distance">${ui.number(Math.round(hit.distanceKm))} km</span>` : ''}${updatedText(ui, hit)}</p>`
}

/**
 * The hit's services, those the search asked for marked: a <mark>, bold
 * with a tick and a border on the page, and said in words to a screen
 * reader, so the highlight never rests on colour alone.
 */
function servicesList(ui: Ui, hit: SearchHit): SafeHtml | '' {
  if (!hit.services.length) return ''
  const matched = new Set(hit.matched?.services ?? [])
  const item = (s: string) => matched.has(s)
    ? html`<li class="matched"><mark><span aria-hidden="true">✓ </span>${serviceLabel(s, ui.lang)}<span class="visually-hidden"> (${ui.t('search.matched')})</span></mark></li>`
    : html`<li>${serviceLabel(s, ui.lang)}</li>`
  return html`<ul class="tags services" aria-label="${ui.t('facet.service')}">${hit.services.map(item)}</ul>`
}

/** Who vouches for a mirrored listing, and whether it has lately: nothing for this instance's own. */
function provenanceLine(ui: Ui, hit: SearchHit, origin: string): SafeHtml | '' {
  if (hit.origin === origin && !hit.stale) return ''
  return html`<p class="provenance">${hit.origin !== origin ? html`<span class="mirror">${ui.t('search.mirror', { host: hostOf(hit.origin) })}</span>` : ''}${hit.origin !== origin && hit.stale ? ' · ' : ''}${hit.stale ? html`<span class="stale-mark">${ui.t('search.stale')}</span>` : ''}</p>`
}

function hitItem(ui: Ui, hit: SearchHit, origin: string): SafeHtml {
  return html`<li class="hit${hit.stale ? ' stale' : ''}" data-id="${hit.id}">
<h3><a href="${profileHref(hit.id, origin)}">${hit.name}</a>${hit.example ? html` <span class="example-mark">${ui.t('firstRun.example')}</span>` : ''}</h3>
${metaLine(ui, hit)}
<p class="excerpt">${hit.summary}</p>
${servicesList(ui, hit)}
${hit.languages.length ? html`<p class="spoken"><span class="label">${ui.t('facet.language')}:</span> ${hit.languages.map((l) => ui.languageName(l)).join(', ')}</p>` : ''}
${provenanceLine(ui, hit, origin)}
</li>`
}

/** "21–40 of 320" between links to the page before and after; nothing when one page holds it all. */
function pager(ui: Ui, query: SearchQuery, result: SearchResult, place: string): SafeHtml | '' {
  const { page, perPage, total } = result
  const pages = Math.max(1, Math.ceil(total / perPage))
  if (pages === 1 && page === 1) return ''
  const from = (page - 1) * perPage + 1
  const to = Math.min(page * perPage, total)
  const range = from <= total ? ui.t('search.range', { from, to, total }) : ui.t('search.pastEnd')
  const link = (n: number, rel: 'prev' | 'next', text: string) => html`<a href="${pageHref(query, n, place)}" rel="${rel}" data-page="${n}">${text}</a>`
  return html`<nav class="pager" aria-label="${ui.t('search.pages')}">
${page > 1 ? link(Math.min(page - 1, pages), 'prev', ui.t('search.previous')) : ''}
<span class="range">${range}</span>
${page < pages ? link(page + 1, 'next', ui.t('search.next')) : ''}
</nav>`
}

/** A refused search says why where the total was; map.js also puts each message next to its field (data-slot). */
function refusalText(list: Refusal[]): SafeHtml {
  return html`${list.map((r, i) => html`${i ? ' ' : ''}<span data-slot="${r.slot}">${r.message}</span>`)}`
}

/** The total, what the answer says about the search, the list, "nothing found" and what to drop, the pages (#results, a polite live region: search.js replaces what is inside it, never the region). */
export function resultsSection(ui: Ui, search: MapSearch, origin: string): SafeHtml {
  const { query, result, refusals } = search
  return html`<section id="results" class="results" aria-live="polite">
<p id="total" class="total">${refusals.length ? refusalText(refusals) : totalText(ui, result?.total ?? 0)}</p>
${result ? answerNotes(ui, search) : ''}
<ol id="hits" class="hits">${(result?.hits ?? []).map((h) => hitItem(ui, h, origin))}</ol>
${emptyAnswer(ui, search, result)}
${result ? pager(ui, query, result, search.place.text) : ''}
${result?.total ? downloadLinks(ui, query) : ''}
</section>`
}
