/** Regions served in the reader's words: one rule for the form, the profile and the operator's diff. */
import { ui } from '../../src/http/site/i18n/translate'
import { regionName } from '../../src/http/site/i18n/region-name'
import { shown } from '../../src/http/site/review/diff'
import { fieldLabel } from '../../src/http/site/form/render'

const fieldLabelOf = (name: string): string => fieldLabel(ui('es'), name)

test('remote is translated, a country named, a subdivision named by its code and country, anything else left as stored', () => {
  expect(['remote', 'BR', 'MX-OAX', 'not a code'].map((r) => regionName(ui('es'), r))).toEqual(['remoto', 'Brasil', 'MX-OAX (México)', 'not a code'])
  expect(regionName(ui('fr'), 'remote')).toBe('à distance')
})

test('the diff says regions and who sees each contact in the reader\'s language', () => {
  expect(shown(ui('pt'), ['regionsServed'], ['MX', 'remote'])).toBe('México, remoto')
  const es = ui('es')
  expect(shown(es, ['contactVisibility'], { email: 'partners', phone: 'public' })).toBe(`${fieldLabelOf('contact.email')}: ${es.t('join.visibilityPartners')}, ${fieldLabelOf('contact.phone')}: ${es.t('join.visibilityPublic')}`)
  expect(es.t('join.visibilityPartners')).not.toBe(ui('en').t('join.visibilityPartners'))
})
