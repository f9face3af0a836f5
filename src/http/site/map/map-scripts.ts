/**
 * What the search page's map needs from the page (view.ts puts both in): its
 * scripts in the order they load (the pure geometry first, map.js, which
 * uses the others, last), and what they say themselves, in the reader's language.
 */
import type { Ui } from '../i18n/translate'

export const MAP_SCRIPTS = ['/static/map-geometry.js', '/static/map-area.js', '/static/map-markers.js', '/static/map.js'] as const

/** Merged into the page's `data-messages` beside search.js's own. */
export function mapMessages(ui: Ui): Record<'searchArea' | 'anywhere' | 'services', string> {
  return { searchArea: ui.t('map.searchArea'), anywhere: ui.t('map.anywhere'), services: ui.t('facet.service') }
}
