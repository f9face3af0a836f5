/**
 * The vocabulary → Meilisearch `synonyms` setting, as tables: mutual within
 * an entry, labels first, Meilisearch's normalisation and limits respected,
 * and no phrase that would send one service's query to another's listings.
 */
import { meiliSynonyms, vocabularySynonyms, MEILI_SYNONYM_LIMITS, type SynonymGroup } from '../../src/search/meilisearch/synonyms'
import { termKey } from '../../src/directory/vocabulary'

const group = (labels: string[], altLabels: string[] = []): SynonymGroup => ({ labels, altLabels })

describe('meiliSynonyms', () => {
  test.each<[string, SynonymGroup[], Record<string, string[]>]>([
    ['one phrase: nothing to map', [group(['VPN'])], {}],
    ['mutual within a group, keys sorted, lowercased', [group(['Encrypted email'], ['Secure email', 'Correo seguro'])], {
      'correo seguro': ['encrypted email', 'secure email'],
      'encrypted email': ['secure email', 'correo seguro'],
      'secure email': ['encrypted email', 'correo seguro']
    }],
    ['labels come before alternative labels', [group(['Backups', 'Copias de seguridad'], ['respaldos'])], {
      backups: ['copias de seguridad', 'respaldos'],
      'copias de seguridad': ['backups', 'respaldos'],
      respaldos: ['backups', 'copias de seguridad']
    }],
    ['a phrase of more than three words is a value only (Meilisearch looks up 1 to 3 words)', [group(['VPN'], ['virtual private network', 'end-to-end encrypted tunnel'])], {
      vpn: ['virtual private network', 'end-to-end encrypted tunnel'],
      'virtual private network': ['vpn', 'end-to-end encrypted tunnel']
    }],
    ['case, accents and spacing: one phrase (Meilisearch de-unicodes), the first spelling kept', [group(['Courriel chiffré', 'E-mail criptografado'], ['courriel  chiffre', 'COURRIEL CHIFFRÉ'])], {
      'courriel chiffré': ['e-mail criptografado'],
      'e-mail criptografado': ['courriel chiffré']
    }],
    ['a phrase in two groups is no key, but a value of each', [group(['Web hosting'], ['hosting']), group(['Email hosting'], ['Hosting'])], {
      'web hosting': ['hosting'],
      'email hosting': ['hosting']
    }],
    ['blank phrases are dropped', [group(['Loomio'], ['  ', 'decision tools'])], {
      loomio: ['decision tools'],
      'decision tools': ['loomio']
    }]
  ])('%s', (_label, groups, expected) => {
    const synonyms = meiliSynonyms(groups)
    expect(synonyms).toEqual(expected)
    expect(Object.keys(synonyms)).toEqual(Object.keys(expected).sort())
  })

  test('at most 50 phrases per key', () => {
    const many = Array.from({ length: 60 }, (_, i) => `term${i}`)
    const synonyms = meiliSynonyms([group(['label'], many)])
    expect(synonyms.label).toHaveLength(MEILI_SYNONYM_LIMITS.phrasesPerKey)
    expect(synonyms.label?.[0]).toBe('term0')
    expect(synonyms.term0?.[0]).toBe('label')
  })

  test('at most 100 words per key: a phrase that would pass the budget is skipped, a shorter one after it still fits', () => {
    const long = Array.from({ length: 12 }, (_, i) => Array.from('abcdefghi', (c) => `w${i}${c}`).join(' ')) // 9 words each
    const synonyms = meiliSynonyms([group(['key'], [...long, 'single'])])
    expect(synonyms.key).toEqual([...long.slice(0, 11), 'single']) // 11 × 9 = 99 words; the 12th would make 108; 'single' makes 100
  })
})

describe('vocabularySynonyms', () => {
  const synonyms = vocabularySynonyms()

  test.each([
    ['correo seguro', 'correo cifrado'],
    ['correo seguro', 'encrypted email'],
    ['secure email', 'courriel chiffré'],
    ['e-mail seguro', 'e-mail criptografado'],
    ['courriel sécurisé', 'correo cifrado'],
    ['hospedaje web', 'alojamiento web'],
    ['scop', 'worker co-op'],
    ['scic', 'multi-stakeholder co-op'],
    ['ong', 'non-profit']
  ])('"%s" also finds "%s"', (key, value) => {
    expect(synonyms[key]).toContain(value)
  })

  test('every key is a lowercased, trimmed phrase of 1 to 3 words, within the limits, never its own synonym', () => {
    expect(Object.keys(synonyms).length).toBeGreaterThan(1000)
    for (const [key, values] of Object.entries(synonyms)) {
      expect(key).toBe(key.trim().toLowerCase())
      expect(termKey(key).split(' ').length).toBeLessThanOrEqual(MEILI_SYNONYM_LIMITS.keyWords)
      expect(values.length).toBeGreaterThan(0)
      expect(values.length).toBeLessThanOrEqual(MEILI_SYNONYM_LIMITS.phrasesPerKey)
      expect(values.reduce((n, p) => n + termKey(p).split(' ').length, 0)).toBeLessThanOrEqual(MEILI_SYNONYM_LIMITS.wordsPerKey)
      expect(values.map(termKey)).not.toContain(termKey(key))
      expect(new Set(values.map(termKey)).size).toBe(values.length)
    }
  })

  test('no two services are synonyms of each other', () => {
    expect(synonyms['correo seguro']).not.toContain('correo electrónico')
    expect(synonyms['web hosting']).not.toContain('email hosting')
  })
})
