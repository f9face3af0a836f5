/**
 * A held change in words (src/http/site/review/diff.ts): one row per
 * language of a name map, labels as the form gives them (or the review
 * field's own), values by name in the reader's language, and the value at
 * the time of the proposal when the field changed since.
 */
import { ui } from '../../src/http/site/i18n/translate'
import { fieldLabel } from '../../src/http/site/form/render'
import { diffRows } from '../../src/http/site/review/diff'
import { kindLabel, serviceLabel } from '../../src/directory/vocabulary'
import type { HeldValue } from '../../src/directory/change-review'

const values: HeldValue[] = [
  { path: ['nameMap'], before: { es: 'Red', ja: '網' }, after: { es: 'Red', ja: '新しい網', fr: 'Réseau' } },
  { path: ['kind'], before: 'worker-coop', after: 'collective' },
  { path: ['services'], before: ['web-hosting'], after: ['web-hosting', 'encrypted-email'] },
  { path: ['example'], before: null, after: true }, // a field no form shows: labelled by the review field's own label
  { path: ['contact', 'website'], before: 'https://old.example', after: null }
]
const publishedNow = (path: readonly string[]): unknown => (path.join('.') === 'contact.website' ? 'https://changed.example' : values.find((v) => v.path.join('.') === path.join('.'))?.before ?? null)

test.each(['en', 'es'] as const)('rows in %s', (lang) => {
  const reader = ui(lang)
  expect(diffRows(reader, values, publishedNow)).toEqual([
    { label: fieldLabel(reader, 'nameMap.fr'), before: '', after: 'Réseau' },
    { label: fieldLabel(reader, 'nameMap.ja'), before: '網', after: '新しい網' },
    { label: fieldLabel(reader, 'kind'), before: kindLabel('worker-coop', lang), after: kindLabel('collective', lang) },
    { label: fieldLabel(reader, 'services'), before: serviceLabel('web-hosting', lang), after: `${serviceLabel('web-hosting', lang)}, ${serviceLabel('encrypted-email', lang)}` },
    { label: lang === 'en' ? 'example mark' : 'marca de ejemplo', before: '', after: lang === 'en' ? 'Yes' : 'Sí' },
    { label: fieldLabel(reader, 'contact.website'), before: 'https://changed.example', after: '', then: 'https://old.example' }
  ])
  expect(fieldLabel(reader, 'nameMap.ja')).toContain(reader.languageName('ja'))
})
