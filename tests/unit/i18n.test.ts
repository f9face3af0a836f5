/** The four catalogs say something for every key, with the same placeholders as English. */
import { CATALOGS } from '../../src/http/site/i18n/messages'
import { ui } from '../../src/http/site/i18n/translate'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

test.each(['es', 'fr', 'pt'] as const)('%s has every key, none empty, placeholders as in English', (lang) => {
  const en = CATALOGS.en
  const other = CATALOGS[lang]
  expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort())
  for (const [key, text] of Object.entries(en)) {
    const translated = other[key as keyof typeof en]
    expect(translated.trim()).not.toBe('')
    expect([key, placeholders(translated)]).toEqual([key, placeholders(text)])
  }
})

test('values are filled in and numbers and dates localised', () => {
  expect(ui('es').t('search.results', { count: 12345 })).toBe('12.345 resultados')
  expect(ui('en').t('search.results', { count: 12345 })).toBe('12,345 results')
  expect(ui('fr').date(new Date(Date.UTC(2026, 10, 22)))).toBe('22 novembre 2026')
  expect(ui('pt').languageName('es')).toBe('espanhol')
  expect(ui('en').countryName('MX')).toBe('Mexico')
  expect(ui('en').countryName('not a code')).toBe('NOT A CODE')
})
