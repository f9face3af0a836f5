/**
 * "Download these results" on the search page (issue 13, Build 4): links to
 * GET /api/export with exactly this search's filters (the place typed in
 * "near" as the point it was read as), so the file holds the listings the
 * search returns — all of them, not this page's. Paging and sort are the
 * page's business, not the file's.
 */
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'
import type { SearchQuery } from '../../../search/query'
import { searchParams } from './search-url'

/** The formats offered, by the export format's contract name. */
const OFFERED: ReadonlyArray<[format: string, label: MessageKey, type: string]> = [
  ['csv', 'dl.csv', 'text/csv'],
  ['geojson', 'dl.geojson', 'application/geo+json']
]

/** The export of this search in `format`. */
export function exportHref(query: SearchQuery, format: string): string {
  const params = searchParams(query)
  for (const name of ['sort', 'perPage', 'page']) params.delete(name)
  params.set('format', format)
  return `/api/export?${params.toString()}`
}

export function downloadLinks(ui: Ui, query: SearchQuery): SafeHtml {
  return html`<section class="downloads" aria-labelledby="downloads-title"><h2 id="downloads-title">${ui.t('dl.title')}</h2>
<ul>${OFFERED.map(([format, label, type]) => html`<li><a href="${exportHref(query, format)}" type="${type}" download data-format="${format}">${ui.t(label)}</a></li>`)}</ul>
<p class="meta">${ui.t('dl.note')}</p></section>`
}
