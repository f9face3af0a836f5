/**
 * The demo data reads like real listings: summaries in the listing's own
 * language that say each service in words (never its id), and offices with
 * a neighbourhood and a street address of their city.
 */
import { demoListings } from '../../src/directory/demo/demo-data'
import { describeServices, summaryHtml, summaryLanguage, type SummaryFacts } from '../../src/directory/demo/demo-phrases'
import { PHRASE_LANGS, servicePhrase } from '../../src/directory/demo/demo-service-phrases'
import { hasPlaces, demoPlace } from '../../src/directory/demo/demo-places'
import { SERVICES } from '../../src/directory/vocabulary'

const demo = demoListings(320)
const facts = (over: Partial<SummaryFacts>): SummaryFacts => ({
  name: 'Nodo Sur', city: 'Oaxaca', kind: 'worker-coop', founded: 2010, services: ['web-hosting'], slidingScale: false, accepting: true, choice: { intro: 0, offer: 0, audience: 0 }, ...over
})

describe('demo summaries', () => {
  test('every service of the vocabulary has words in every summary language', () => {
    for (const s of SERVICES) for (const lang of PHRASE_LANGS) expect([s.id, lang, servicePhrase(s.id, lang)]).toEqual([s.id, lang, expect.stringMatching(/\S/)])
  })

  test('each summary is in one of the listing’s languages (English otherwise), with an English version beside it', () => {
    for (const l of demo) {
      const lang = l.defaultLanguage as string
      expect(lang === 'en' || l.languages?.includes(lang)).toBe(true)
      if (lang !== 'en') expect(Object.keys(l.summaryMap ?? {}).sort()).toEqual([lang, 'en'].sort())
      if (lang !== 'en') expect(l.summaryMap?.[lang]).toBe(l.summary)
    }
    expect(new Set(demo.map((l) => l.defaultLanguage))).toEqual(new Set(['es', 'pt', 'fr', 'en', 'de']))
  })

  test('a summary says its services in words, never by id', () => {
    const ids = SERVICES.map((s) => s.id).filter((id) => id.includes('-'))
    for (const l of demo) {
      const lang = summaryLanguage([l.defaultLanguage as string])
      for (const id of (l.services ?? []).slice(0, 4)) expect(l.summary).toContain(servicePhrase(id, lang))
      for (const text of [l.summary, ...Object.values(l.summaryMap ?? {})]) expect(ids.filter((id) => text?.includes(id))).toEqual([])
    }
  })

  test.each<[string, Parameters<typeof describeServices>[1], string]>([
    ['es', ['web-hosting'], 'alojamiento para sitios web'],
    ['es', ['web-hosting', 'network-installation'], 'alojamiento para sitios web e instalación de redes y wifi'],
    ['es', ['network-installation', 'web-hosting', 'vpn'], 'instalación de redes y wifi, alojamiento para sitios web y una VPN para activistas'],
    ['en', ['encrypted-email', 'web-hosting'], 'end-to-end encrypted email and hosting for websites'],
    ['pt', ['encrypted-email', 'web-hosting'], 'e-mail com criptografia de ponta a ponta e hospedagem de sites e blogs'],
    ['fr', ['encrypted-email', 'web-hosting'], 'du courriel chiffré de bout en bout et de l’hébergement de sites']
  ])('%s: %j → %s', (lang, services, text) => {
    expect(describeServices(lang as 'en', services)).toBe(text)
  })

  test('the intro never contradicts the name: "Cooperativa X" that is a non-profit is "an organisation"', () => {
    expect(summaryHtml('es', facts({ name: 'Nodo Sur', kind: 'non-profit' }))).toContain('Nodo Sur es una asociación civil de Oaxaca')
    expect(summaryHtml('es', facts({ name: 'Cooperativa Sur', kind: 'non-profit' }))).toContain('Cooperativa Sur es una organización de Oaxaca')
    expect(summaryHtml('es', facts({ name: 'Cooperativa Sur', kind: 'worker-coop' }))).toContain('Cooperativa Sur es una cooperativa de trabajo de Oaxaca')
    expect(summaryHtml('en', facts({ name: 'Loom Collective', kind: 'collective' }))).toContain('Loom Collective is a collective in Oaxaca')
  })

  test('sliding-scale prices and a closed list are said; a summary ends by saying it is fictional', () => {
    const text = summaryHtml('pt', facts({ city: 'Porto', slidingScale: true, accepting: false }))
    expect(text).toContain('no Porto')
    expect(text).toContain('Temos preços solidários')
    expect(text).toContain('não estamos aceitando novos projetos')
    expect(text).toMatch(/<p>Organização fictícia: dados de exemplo\.<\/p>$/)
  })
})

describe('demo places', () => {
  test('every office has a neighbourhood of its city and a street address there', () => {
    for (const l of demo) {
      for (const p of l.location ?? []) {
        const city = (p.name ?? '').split(', ')[1]
        expect(hasPlaces(city as string)).toBe(true)
        expect(p.address).toMatch(/\p{L}{3,}/u)
        expect(p.address).not.toContain('Example Street')
        if (!/Ciudad de Guatemala|La Habana/.test(p.address ?? '')) expect(p.address).toContain(city)
      }
      const areas = (l.location ?? []).map((p) => p.name)
      expect(new Set(areas).size).toBe(areas.length)
    }
  })

  test.each([
    ['Oaxaca', 0, 0, 215, 'Centro, Oaxaca', 'Calle Macedonio Alcalá 215, Col. Centro, 68000 Oaxaca'],
    ['Bogotá', 0, 0, 45, 'Chapinero, Bogotá', 'Carrera 7 # 46-55, Chapinero, Bogotá'],
    ['São Paulo', 0, 0, 1200, 'Consolação, São Paulo', 'Rua Augusta, 1200 – Consolação, São Paulo, 01302-000'],
    ['Paris', 1, 0, 12, 'La Chapelle, Paris', '12 rue Marx Dormoy, 75018 Paris'],
    ['Montréal', 0, 0, 4050, 'Plateau-Mont-Royal, Montréal', '4050, boulevard Saint-Laurent, Montréal (Québec) H2T 1S6'],
    ['Berlin', 0, 0, 45, 'Neukölln, Berlin', 'Karl-Marx-Straße 45, 12043 Berlin'],
    ['Manchester', 0, 0, 20, 'Northern Quarter, Manchester', '20 Oldham Street, Northern Quarter, Manchester M4 1HN'],
    ['Havana', 0, 0, 10, 'Vedado, Havana', 'Calle 23 10, Vedado, La Habana'],
    ['Nowhere', 0, 0, 10, 'Nowhere', '10 Main Street, Nowhere']
  ])('%s, office %i: %s', (city, office, pick, n, name, address) => {
    expect(demoPlace(city as string, office as number, pick as number, n as number)).toEqual({ name, address })
  })
})
