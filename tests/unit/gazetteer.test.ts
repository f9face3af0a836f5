import { createGazetteer, type Gazetteer } from '../../src/search/places/gazetteer'
import { buildTables } from '../../src/search/places/tables'
import { packagedCities } from '../../src/search/places/cities-file'
import { CITY_ALIASES } from '../../src/search/places/aliases'
import { registerCountryLocales } from '../../src/search/places/countries'
import { SERVICES, SERVICE_CATEGORIES, KINDS } from '../../src/directory/vocabulary'
import { COMMON_WORDS } from '../../src/search/places/words'
import { STOP_WORDS } from '../../src/search/reading/stop-words'

let g: Gazetteer
beforeAll(() => {
  g = createGazetteer()
  g.warm()
})

/** [query, lang, place name in that language, ISO country, kind, matched text, rest]. */
const FOUND: [string, string, string, string, 'city' | 'country' | 'region', string, string][] = [
  ['internet comunitario en Chiapas', 'es', 'Chiapas', 'MX', 'region', 'Chiapas', 'internet comunitario'],
  ['alojamiento web Cataluña', 'es', 'Cataluña', 'ES', 'region', 'Cataluña', 'alojamiento web'],
  ['hébergement en Catalogne', 'fr', 'Catalogne', 'ES', 'region', 'Catalogne', 'hébergement'],
  ['desenvolvimento de sites Pernambuco', 'pt', 'Pernambuco', 'BR', 'region', 'Pernambuco', 'desenvolvimento de sites'],
  ['hébergement Île-de-France', 'fr', 'Île-de-France', 'FR', 'region', 'Île-de-France', 'hébergement'],
  ['web design Ontario', 'en', 'Ontario', 'CA', 'region', 'Ontario', 'web design'],
  ['correo cifrado Oaxaca', 'es', 'Oaxaca', 'MX', 'city', 'Oaxaca', 'correo cifrado'],
  ['email oaxaca', 'en', 'Oaxaca', 'MX', 'city', 'oaxaca', 'email'],
  ['web hosting in São Paulo', 'en', 'São Paulo', 'BR', 'city', 'São Paulo', 'web hosting'],
  ['hospedagem de sites em Sao Paulo', 'pt', 'São Paulo', 'BR', 'city', 'Sao Paulo', 'hospedagem de sites'],
  ['SAO PAULO', 'pt', 'São Paulo', 'BR', 'city', 'SAO PAULO', ''],
  ['hébergement près de Montréal', 'fr', 'Montréal', 'CA', 'city', 'Montréal', 'hébergement'],
  ['hebergement pres de montreal', 'fr', 'Montréal', 'CA', 'city', 'montreal', 'hebergement'],
  ['coop near new york', 'en', 'New York', 'US', 'city', 'new york', 'coop'],
  ['cooperativas en Buenos Aires', 'es', 'Buenos Aires', 'AR', 'city', 'Buenos Aires', 'cooperativas'],
  ['cooperativa perto de Recife', 'pt', 'Recife', 'BR', 'city', 'Recife', 'cooperativa'],
  ['suporte de TI no Recife', 'pt', 'Recife', 'BR', 'city', 'Recife', 'suporte de TI'],
  ['Lisboa', 'pt', 'Lisboa', 'PT', 'city', 'Lisboa', ''],
  ['lisbon web design', 'en', 'Lisbon', 'PT', 'city', 'lisbon', 'web design'],
  ['formation à Lisbonne', 'fr', 'Lisbonne', 'PT', 'city', 'Lisbonne', 'formation'],
  ['diseño web para cooperativas en la Ciudad de México', 'es', 'Ciudad de México', 'MX', 'city', 'Ciudad de México', 'diseño web para cooperativas'],
  ['Mexico City hosting', 'en', 'Mexico City', 'MX', 'city', 'Mexico City', 'hosting'],
  ['CDMX', 'es', 'Ciudad de México', 'MX', 'city', 'CDMX', ''],
  ['hébergement à Mexico', 'fr', 'Mexico', 'MX', 'city', 'Mexico', 'hébergement'],
  ['correo seguro México', 'es', 'México', 'MX', 'country', 'México', 'correo seguro'],
  ['secure email in Mexico', 'en', 'Mexico', 'MX', 'country', 'Mexico', 'secure email'],
  ['cooperativas no Brasil', 'pt', 'Brasil', 'BR', 'country', 'Brasil', 'cooperativas'],
  ['Brasil', 'es', 'Brasil', 'BR', 'country', 'Brasil', ''],
  ['co-ops in Brazil', 'en', 'Brazil', 'BR', 'country', 'Brazil', 'co-ops'],
  ['hébergement Allemagne', 'fr', 'Allemagne', 'DE', 'country', 'Allemagne', 'hébergement'],
  ['Germany', 'en', 'Germany', 'DE', 'country', 'Germany', ''],
  ['alojamiento en Alemania', 'es', 'Alemania', 'DE', 'country', 'Alemania', 'alojamiento'],
  ['hospedagem na Alemanha', 'pt', 'Alemanha', 'DE', 'country', 'Alemanha', 'hospedagem'],
  ['Recife, Brasil', 'pt', 'Recife', 'BR', 'city', 'Recife, Brasil', ''],
  ['Córdoba', 'es', 'Córdoba', 'AR', 'city', 'Córdoba', ''],
  ['web en Córdoba, España', 'es', 'Córdoba', 'ES', 'city', 'Córdoba, España', 'web'],
  ['Granada', 'es', 'Granada', 'ES', 'city', 'Granada', ''],
  ['web design in Reading', 'en', 'Reading', 'GB', 'city', 'Reading', 'web design'],
  ['hosting in Geneva', 'en', 'Geneva', 'CH', 'city', 'Geneva', 'hosting'],
  ['sitio web cerca de Plano', 'es', 'Plano', 'US', 'city', 'Plano', 'sitio web'],
  ['radio comunitaria Juchitán', 'es', 'Juchitán de Zaragoza', 'MX', 'city', 'Juchitán', 'radio comunitaria'],
  ['cooperativas de Tlaxiaco', 'es', 'Heroica Ciudad de Tlaxiaco', 'MX', 'city', 'Tlaxiaco', 'cooperativas']
]

describe('lookup: places inside a query', () => {
  test.each(FOUND)('%s (%s)', (query, lang, name, country, kind, matchedText, rest) => {
    const m = g.lookup(query, lang)
    expect(m && { name: m.place.name, country: m.place.country, kind: m.place.kind, matchedText: m.matchedText, rest: m.rest }).toEqual({ name, country, kind, matchedText, rest })
  })

  test('a place has a point, a population and the country named in the asked language', () => {
    const oaxaca = g.lookup('Oaxaca', 'fr')?.place
    expect(oaxaca).toMatchObject({ kind: 'city', country: 'MX', countryName: 'Mexique', id: 'geonames:3522507' })
    expect(oaxaca?.latitude).toBeCloseTo(17.065, 2)
    expect(oaxaca?.longitude).toBeCloseTo(-96.724, 2)
    expect(oaxaca?.population).toBeGreaterThan(200_000)
    const germany = g.lookup('Germany', 'en')?.place
    const berlin = g.lookup('Berlin', 'en')?.place
    expect(germany && berlin && [germany.latitude, germany.longitude]).toEqual(berlin && [berlin.latitude, berlin.longitude])
  })

  test('the most populous city wins an ambiguous name; a longer name beats a shorter one inside it', () => {
    expect(g.lookup('Paris', 'en')?.place.country).toBe('FR')
    expect(g.lookup('London', 'en')?.place.country).toBe('GB')
    expect(g.lookup('hosting New York', 'en')?.place.name).toBe('New York') // not York, England
  })
})

describe('lookup: regions', () => {
  test('a region has a centre where its people live and a reach', () => {
    const chiapas = g.lookup('Chiapas', 'es')?.place
    expect(chiapas).toMatchObject({ id: 'region:MX-CHP', kind: 'region', countryName: 'México' })
    // Tuxtla Gutiérrez and San Cristóbal de las Casas are inside its reach
    expect(chiapas?.radiusKm).toBeGreaterThan(60)
    expect(chiapas?.radiusKm).toBeLessThan(400)
    expect(g.place('region:MX-CHP', 'fr')?.name).toBe('Chiapas')
  })

  test('a city of the same name is read first unless the region dwarfs it', () => {
    expect(g.lookup('correo Oaxaca', 'es')?.place.kind).toBe('city')
    expect(g.lookup('hosting Puebla', 'es')?.place.kind).toBe('city')
    expect(g.lookup('web design Ontario', 'en')?.place.kind).toBe('region')
  })

  test('one-word region names that are ordinary words stay words', () => {
    for (const q of ['nube norte', 'soporte central', 'servidores del sur']) expect(g.lookup(q, 'es')?.place.kind).not.toBe('region')
  })
})

describe('lookup: ordinary words stay words', () => {
  test.each([
    ['email', 'en'], ['web', 'en'], ['design', 'fr'], ['para', 'es'], ['Mail', 'en'], ['correo seguro', 'es'], ['secure email', 'en'],
    ['web design', 'en'], ['mobile apps', 'en'], ['best web hosting', 'en'], ['juegos de mesa', 'es'], ['outils de réunion', 'fr'],
    ['plano de hospedagem', 'pt'], ['loja virtual', 'pt'], ['java developers', 'en'], ['a co-op', 'en'], ['de la', 'es'],
    ['best price hosting', 'en'], ['solidarity economy', 'en'], ['servicios de alta disponibilidad', 'es'], ['acesso à internet no campo', 'pt'],
    ['servicios de forest', 'es']
  ])('%s (%s)', (query, lang) => {
    expect(g.lookup(query, lang)).toBeUndefined()
  })

  test('no label of the services vocabulary or of the kinds, in any language, reads as a place', () => {
    const labels = [...SERVICES.map((s) => s.labels), ...Object.values(SERVICE_CATEGORIES), ...KINDS.map((k) => k.labels)]
    const found = labels.flatMap((l) => Object.entries(l)).filter(([lang, label]) => g.lookup(label, lang) !== undefined)
    expect(found).toEqual([])
  })

  test('no stop word of the four languages, and no common word that is also a town, reads as a place alone', () => {
    expect([...STOP_WORDS, ...COMMON_WORDS].filter((w) => g.lookup(w, 'en') !== undefined)).toEqual([])
    expect(g.lookup('hosting near Mesa', 'en')?.place.name).toBe('Mesa') // but "near" announces one
  })

  test('more denied words can be given (e.g. the engine\'s synonyms)', () => {
    const small = createGazetteer({ deny: ['Oaxaca'], minPopulation: 100_000 })
    expect(small.lookup('Oaxaca', 'es')).toBeUndefined()
    expect(small.lookup('Recife', 'pt')?.place.name).toBe('Recife')
  })

  test('a long input is read in linear time', () => {
    const long = `${'correo cifrado '.repeat(5000)}Oaxaca ${'é'.repeat(50_000)}`
    const start = Date.now()
    g.lookup(long, 'es')
    g.suggest('ñ'.repeat(50_000), 'es')
    expect(Date.now() - start).toBeLessThan(500)
  })
})

describe('suggest: the near field', () => {
  test('prefixes, any accents and case, most populous first, labelled in the reader\'s language', () => {
    expect(g.suggest('oax', 'es', 3)[0]?.label).toBe('Oaxaca, México')
    expect(g.suggest('sao p', 'pt', 3)[0]?.label).toBe('São Paulo, Brasil')
    expect(g.suggest('SÃO P', 'pt', 3).map((s) => s.label)).toEqual(g.suggest('sao p', 'pt', 3).map((s) => s.label))
    expect(g.suggest('montre', 'fr', 3)[0]?.label).toBe('Montréal, Canada')
    expect(g.suggest('lisb', 'pt', 3)[0]?.label).toBe('Lisboa, Portugal')
    expect(g.suggest('lisb', 'en', 3)[0]?.label).toBe('Lisbon, Portugal')
    expect(g.suggest('ciudad de m', 'es', 3)[0]?.label).toBe('Ciudad de México, México')
    expect(g.suggest('buenos', 'es', 3)[0]?.label).toBe('Buenos Aires, Argentina')
    expect(g.suggest('ale', 'es', 3)[0]?.label).toBe('Alemania')
  })

  test('ranked by population, at most `limit`, each place once', () => {
    const list = g.suggest('mon', 'en', 10)
    expect(list).toHaveLength(10)
    const populations = list.map((s) => s.place.population)
    expect(populations).toEqual([...populations].sort((a, b) => b - a))
    expect(new Set(list.map((s) => s.place.id)).size).toBe(10)
    expect(g.suggest('s', 'en', 8)).toHaveLength(8)
    expect(g.suggest('', 'en')).toEqual([])
    expect(g.suggest('s', 'en', 1e9)).toHaveLength(50)
    expect(g.suggest('s', 'en', Number.NaN)).toEqual([])
    expect(g.suggest('zzzzqx', 'en')).toEqual([])
  })

  test('"City, Country" narrows to that country', () => {
    expect(g.suggest('córdoba, esp', 'es').map((s) => s.label)).toEqual(['Córdoba, España'])
    expect(g.suggest('cordoba, mex', 'es')[0]?.label).toBe('Córdoba, México')
  })

  test('a suggestion\'s label, typed back, finds the same place', () => {
    for (const [prefix, lang] of [['cord', 'es'], ['san j', 'es'], ['mont', 'fr'], ['lisb', 'pt'], ['new y', 'en'], ['bra', 'pt'], ['rec', 'pt']] as const) {
      for (const s of g.suggest(prefix, lang, 6)) expect([s.label, g.lookup(s.label, lang)?.place.id]).toEqual([s.label, s.place.id])
    }
  })
})

describe('countries', () => {
  test('names in the four languages', () => {
    expect(g.country('MX', 'fr')).toBe('Mexique')
    expect(g.country('de', 'es')).toBe('Alemania')
    expect(g.country('BR', 'pt-BR')).toBe('Brasil')
    expect(g.country('BR', 'en')).toBe('Brazil')
    expect(g.country('ZZ', 'en')).toBeUndefined()
  })

  test('codes from names in any of them, any accents or case', () => {
    expect(g.countryByName('allemagne')).toBe('DE')
    expect(g.countryByName('MÉXICO')).toBe('MX')
    expect(g.countryByName('Mexique')).toBe('MX')
    expect(g.countryByName('Estados Unidos')).toBe('US')
    expect(g.countryByName('Côte d’Ivoire')).toBe('CI')
    expect(g.countryByName('Atlantis')).toBeUndefined()
  })
})

describe('the data', () => {
  test('every alias row names a city the gazetteer keeps', () => {
    registerCountryLocales()
    const t = buildTables(packagedCities())
    const kept = new Set([...t.localNames.keys()].map((i) => `${t.cities.names[i]}|${t.cities.countryCodes[t.cities.country[i] as number]}`))
    expect(CITY_ALIASES.map((row) => `${row[0]}|${row[1]}`).filter((id) => !kept.has(id))).toEqual([])
  })

  test('places are found again by id', () => {
    const recife = g.lookup('Recife', 'pt')?.place
    expect(recife && g.place(recife.id, 'pt')).toEqual(recife)
    expect(g.place('country:BR', 'pt')?.name).toBe('Brasil')
    expect(g.place('geonames:0', 'pt')).toBeUndefined()
    expect(g.place('nonsense', 'pt')).toBeUndefined()
  })
})
