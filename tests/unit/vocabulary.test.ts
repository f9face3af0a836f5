/**
 * The vocabularies' alternative labels: present in the four languages, clean,
 * and unambiguous, since search turns each into a way of finding its entry.
 */
import { SERVICES, KINDS, SERVICES_VERSION, KINDS_VERSION, serviceTerms, kindTerms, termKey, type Service, type Kind } from '../../src/directory/vocabulary'

const LANGS = ['en', 'es', 'fr', 'pt']
const entries: Array<[string, Service | Kind]> = [...SERVICES.map((s): [string, Service] => [`service ${s.id}`, s]), ...KINDS.map((k): [string, Kind] => [`kind ${k.id}`, k])]

describe('alternative labels', () => {
  test.each(entries)('%s has 3 to 8 in each of en, es, fr, pt, trimmed and non-empty', (_name, entry) => {
    expect(Object.keys(entry.altLabels).sort()).toEqual(LANGS)
    for (const lang of LANGS) {
      const alt = entry.altLabels[lang] ?? []
      expect(alt.length).toBeGreaterThanOrEqual(3)
      expect(alt.length).toBeLessThanOrEqual(8)
      for (const term of alt) expect(term).toMatch(/^\S(.*\S)?$/)
      for (const term of alt) expect(term).not.toMatch(/\s{2}/)
    }
  })

  test.each(entries)('%s: none repeats a label of its own, none twice in a language', (_name, entry) => {
    const labels = new Set(Object.values(entry.labels).map(termKey))
    for (const lang of LANGS) {
      const keys = (entry.altLabels[lang] ?? []).map(termKey)
      expect(keys.filter((k) => labels.has(k))).toEqual([])
      expect(new Set(keys).size).toBe(keys.length)
    }
  })

  test('no word (label or alternative label) belongs to two entries', () => {
    const owners = new Map<string, Set<string>>()
    for (const [name, entry] of entries) {
      for (const term of [...Object.values(entry.labels), ...Object.values(entry.altLabels).flat()]) {
        const key = termKey(term)
        owners.set(key, (owners.get(key) ?? new Set()).add(name))
      }
    }
    const shared = [...owners].filter(([, names]) => names.size > 1).map(([key, names]) => `${key}: ${[...names].join(', ')}`)
    expect(shared).toEqual([])
  })

  test('the vocabularies carry a semantic version', () => {
    expect(SERVICES_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
    expect(KINDS_VERSION).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('serviceTerms and kindTerms', () => {
  test('every label and alternative label, in every language, each once', () => {
    const terms = serviceTerms('encrypted-email')
    for (const t of ['Encrypted email', 'Correo cifrado', 'Courriel chiffré', 'E-mail criptografado', 'secure email', 'correo seguro', 'e-mail seguro', 'courriel sécurisé']) expect(terms).toContain(t)
    expect(new Set(terms).size).toBe(terms.length)
    const service = SERVICES.find((s) => s.id === 'encrypted-email') as Service
    expect(terms).toHaveLength(new Set([...Object.values(service.labels), ...Object.values(service.altLabels).flat()]).size)
  })

  test('labels come first, in the vocabulary order of languages', () => {
    expect(serviceTerms('vpn').slice(0, 4)).toEqual(['VPN services', 'Servicios de VPN', 'Services VPN', 'Serviços de VPN'])
    expect(kindTerms('worker-coop').slice(0, 4)).toEqual(['Worker co-op', 'Cooperativa de trabajo', 'Coopérative de travail', 'Cooperativa de trabalho'])
  })

  test('a kind has its own words: SCOP is a worker co-op, SCIC a multi-stakeholder one', () => {
    expect(kindTerms('worker-coop')).toContain('SCOP')
    expect(kindTerms('multi-stakeholder-coop')).toContain('SCIC')
  })

  test('an unknown id has no terms', () => {
    expect(serviceTerms('no-such-service')).toEqual([])
    expect(kindTerms('no-such-kind')).toEqual([])
  })
})

describe('termKey', () => {
  test.each([
    ['E-mail seguro', 'e mail seguro'],
    ['  Courriel   sécurisé ', 'courriel securise'],
    ["bureau d'enregistrement", 'bureau d enregistrement'],
    ['Chat hosting (Matrix, XMPP)', 'chat hosting matrix xmpp'],
    ['GNU/Linux', 'gnu linux'],
    ['Ação', 'acao']
  ])('%s → %s', (term, key) => {
    expect(termKey(term)).toBe(key)
  })
})
