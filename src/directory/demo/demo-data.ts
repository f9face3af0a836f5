/**
 * Fictional demo listings (flagged `example: true`, tagged "example-data"):
 * co-ops and collectives across the Americas, Europe and Africa, in several
 * languages, using every service in the vocabulary. Their summaries say what
 * they do in the listing's language (demo-phrases.ts) and their offices have
 * street addresses of their city (demo-places.ts). Deterministic: the same
 * count always yields the same listings, so seeding is idempotent.
 */
import { SERVICES } from '../vocabulary'
import { summaryHtml, summaryLanguage, type SummaryFacts } from './demo-phrases'
import { demoPlace } from './demo-places'
import type { ListingInput } from '../listing'

interface City { name: string; country: string; region?: string; lat: number; lng: number; langs: string[] }

const CITIES: City[] = [
  { name: 'Oaxaca', country: 'MX', region: 'MX-OAX', lat: 17.0732, lng: -96.7266, langs: ['es'] },
  { name: 'Ciudad de México', country: 'MX', region: 'MX-CMX', lat: 19.4326, lng: -99.1332, langs: ['es', 'en'] },
  { name: 'Guadalajara', country: 'MX', region: 'MX-JAL', lat: 20.6597, lng: -103.3496, langs: ['es'] },
  { name: 'San Cristóbal de las Casas', country: 'MX', region: 'MX-CHP', lat: 16.737, lng: -92.6376, langs: ['es'] },
  { name: 'Bogotá', country: 'CO', region: 'CO-DC', lat: 4.711, lng: -74.0721, langs: ['es'] },
  { name: 'Medellín', country: 'CO', region: 'CO-ANT', lat: 6.2442, lng: -75.5812, langs: ['es'] },
  { name: 'Quito', country: 'EC', region: 'EC-P', lat: -0.1807, lng: -78.4678, langs: ['es'] },
  { name: 'Lima', country: 'PE', region: 'PE-LIM', lat: -12.0464, lng: -77.0428, langs: ['es'] },
  { name: 'La Paz', country: 'BO', region: 'BO-L', lat: -16.4897, lng: -68.1193, langs: ['es'] },
  { name: 'Santiago', country: 'CL', region: 'CL-RM', lat: -33.4489, lng: -70.6693, langs: ['es'] },
  { name: 'Buenos Aires', country: 'AR', region: 'AR-C', lat: -34.6037, lng: -58.3816, langs: ['es'] },
  { name: 'Rosario', country: 'AR', region: 'AR-S', lat: -32.9442, lng: -60.6505, langs: ['es'] },
  { name: 'Montevideo', country: 'UY', region: 'UY-MO', lat: -34.9011, lng: -56.1645, langs: ['es'] },
  { name: 'São Paulo', country: 'BR', region: 'BR-SP', lat: -23.5505, lng: -46.6333, langs: ['pt'] },
  { name: 'Porto Alegre', country: 'BR', region: 'BR-RS', lat: -30.0346, lng: -51.2177, langs: ['pt', 'es'] },
  { name: 'Recife', country: 'BR', region: 'BR-PE', lat: -8.0476, lng: -34.877, langs: ['pt'] },
  { name: 'Belo Horizonte', country: 'BR', region: 'BR-MG', lat: -19.9167, lng: -43.9345, langs: ['pt'] },
  { name: 'Havana', country: 'CU', lat: 23.1136, lng: -82.3666, langs: ['es'] },
  { name: 'San Juan', country: 'PR', lat: 18.4655, lng: -66.1057, langs: ['es', 'en'] },
  { name: 'Guatemala City', country: 'GT', lat: 14.6349, lng: -90.5069, langs: ['es'] },
  { name: 'Managua', country: 'NI', lat: 12.1364, lng: -86.2514, langs: ['es'] },
  { name: 'Oakland', country: 'US', region: 'US-CA', lat: 37.8044, lng: -122.2712, langs: ['en', 'es'] },
  { name: 'Detroit', country: 'US', region: 'US-MI', lat: 42.3314, lng: -83.0458, langs: ['en'] },
  { name: 'New York', country: 'US', region: 'US-NY', lat: 40.7128, lng: -74.006, langs: ['en', 'es'] },
  { name: 'Jackson', country: 'US', region: 'US-MS', lat: 32.2988, lng: -90.1848, langs: ['en'] },
  { name: 'Montréal', country: 'CA', region: 'CA-QC', lat: 45.5017, lng: -73.5673, langs: ['fr', 'en'] },
  { name: 'Toronto', country: 'CA', region: 'CA-ON', lat: 43.6532, lng: -79.3832, langs: ['en'] },
  { name: 'Port-au-Prince', country: 'HT', lat: 18.5944, lng: -72.3074, langs: ['fr', 'ht'] },
  { name: 'Barcelona', country: 'ES', region: 'ES-CT', lat: 41.3874, lng: 2.1686, langs: ['ca', 'es', 'en'] },
  { name: 'Madrid', country: 'ES', region: 'ES-MD', lat: 40.4168, lng: -3.7038, langs: ['es'] },
  { name: 'Bilbao', country: 'ES', region: 'ES-PV', lat: 43.263, lng: -2.935, langs: ['eu', 'es'] },
  { name: 'Lisboa', country: 'PT', region: 'PT-11', lat: 38.7223, lng: -9.1393, langs: ['pt', 'en'] },
  { name: 'Porto', country: 'PT', region: 'PT-13', lat: 41.1579, lng: -8.6291, langs: ['pt'] },
  { name: 'Paris', country: 'FR', region: 'FR-IDF', lat: 48.8566, lng: 2.3522, langs: ['fr', 'en'] },
  { name: 'Lyon', country: 'FR', region: 'FR-ARA', lat: 45.764, lng: 4.8357, langs: ['fr'] },
  { name: 'Marseille', country: 'FR', region: 'FR-PAC', lat: 43.2965, lng: 5.3698, langs: ['fr', 'ar'] },
  { name: 'Bruxelles', country: 'BE', region: 'BE-BRU', lat: 50.8503, lng: 4.3517, langs: ['fr', 'nl', 'en'] },
  { name: 'Berlin', country: 'DE', region: 'DE-BE', lat: 52.52, lng: 13.405, langs: ['de', 'en'] },
  { name: 'Leipzig', country: 'DE', region: 'DE-SN', lat: 51.3397, lng: 12.3731, langs: ['de'] },
  { name: 'Amsterdam', country: 'NL', region: 'NL-NH', lat: 52.3676, lng: 4.9041, langs: ['nl', 'en'] },
  { name: 'Manchester', country: 'GB', region: 'GB-MAN', lat: 53.4808, lng: -2.2426, langs: ['en'] },
  { name: 'Glasgow', country: 'GB', region: 'GB-GLG', lat: 55.8642, lng: -4.2518, langs: ['en'] },
  { name: 'Bologna', country: 'IT', region: 'IT-BO', lat: 44.4949, lng: 11.3426, langs: ['it', 'en'] },
  { name: 'Athina', country: 'GR', region: 'GR-I', lat: 37.9838, lng: 23.7275, langs: ['el', 'en'] },
  { name: 'Zagreb', country: 'HR', lat: 45.815, lng: 15.9819, langs: ['hr', 'en'] },
  { name: 'Dakar', country: 'SN', region: 'SN-DK', lat: 14.7167, lng: -17.4677, langs: ['fr', 'wo'] },
  { name: 'Abidjan', country: 'CI', lat: 5.36, lng: -4.0083, langs: ['fr'] },
  { name: 'Ouagadougou', country: 'BF', lat: 12.3714, lng: -1.5197, langs: ['fr'] },
  { name: 'Bamako', country: 'ML', lat: 12.6392, lng: -8.0029, langs: ['fr', 'bm'] },
  { name: 'Accra', country: 'GH', lat: 5.6037, lng: -0.187, langs: ['en'] },
  { name: 'Lagos', country: 'NG', region: 'NG-LA', lat: 6.5244, lng: 3.3792, langs: ['en', 'yo'] },
  { name: 'Nairobi', country: 'KE', region: 'KE-30', lat: -1.2921, lng: 36.8219, langs: ['en', 'sw'] },
  { name: 'Kampala', country: 'UG', lat: 0.3476, lng: 32.5825, langs: ['en', 'sw'] },
  { name: 'Dar es Salaam', country: 'TZ', lat: -6.7924, lng: 39.2083, langs: ['sw', 'en'] },
  { name: 'Kigali', country: 'RW', lat: -1.9441, lng: 30.0619, langs: ['rw', 'fr', 'en'] },
  { name: 'Johannesburg', country: 'ZA', region: 'ZA-GP', lat: -26.2041, lng: 28.0473, langs: ['en', 'zu'] },
  { name: 'Cape Town', country: 'ZA', region: 'ZA-WC', lat: -33.9249, lng: 18.4241, langs: ['en', 'af', 'xh'] },
  { name: 'Maputo', country: 'MZ', lat: -25.9692, lng: 32.5732, langs: ['pt'] },
  { name: 'Luanda', country: 'AO', lat: -8.839, lng: 13.2894, langs: ['pt'] },
  { name: 'Tunis', country: 'TN', lat: 36.8065, lng: 10.1815, langs: ['ar', 'fr'] },
  { name: 'Casablanca', country: 'MA', lat: 33.5731, lng: -7.5898, langs: ['ar', 'fr'] },
  { name: 'Cairo', country: 'EG', lat: 30.0444, lng: 31.2357, langs: ['ar', 'en'] }
]

const WORDS: Record<string, string[]> = {
  es: ['Telar', 'Semilla', 'Raíz', 'Colmena', 'Minga', 'Tequio', 'Faro', 'Hilo', 'Tejemos', 'Milpa', 'Nube Libre', 'Código Común'],
  pt: ['Mutirão', 'Tear', 'Semente', 'Raiz', 'Colmeia', 'Ciranda', 'Farol', 'Fio', 'Nuvem Livre', 'Roça'],
  fr: ['Métier', 'Racine', 'Ruche', 'Fil Commun', 'Phare', 'Graine', 'Nuage Libre', 'Atelier'],
  en: ['Loom', 'Commons', 'Hive', 'Seedbank', 'Lantern', 'Thread', 'Free Cloud', 'Mutual Aid Tech', 'Root'],
  de: ['Webstuhl', 'Wurzel', 'Bienenstock', 'Faden', 'Freie Wolke'],
  it: ['Telaio', 'Radice', 'Alveare', 'Filo'],
  nl: ['Weefgetouw', 'Wortel', 'Bijenkorf'],
  other: ['Ubuntu', 'Harambee', 'Sankofa', 'Umoja', 'Tisser', 'Ujamaa', 'Kente']
}

const KINDS = ['worker-coop', 'worker-coop', 'multi-stakeholder-coop', 'consumer-coop', 'collective', 'non-profit', 'informal-group', 'other'] as const

const PATTERNS: Record<string, Array<(w: string) => string>> = {
  es: [(w) => `Cooperativa ${w}`, (w) => `Colectivo ${w}`, (w) => `${w} Tecnologías Libres`],
  pt: [(w) => `Cooperativa ${w}`, (w) => `Coletivo ${w}`, (w) => `${w} Tecnologia Livre`],
  fr: [(w) => `Coopérative ${w}`, (w) => `Collectif ${w}`, (w) => `SCIC ${w}`],
  en: [(w) => `${w} Co-op`, (w) => `${w} Collective`, (w) => `${w} Tech Workers`],
  de: [(w) => `${w} eG`, (w) => `Kollektiv ${w}`],
  it: [(w) => `Cooperativa ${w}`, (w) => `Collettivo ${w}`],
  nl: [(w) => `Coöperatie ${w}`],
  other: [(w) => `${w} Digital Co-op`, (w) => `${w} Tech Collective`]
}

function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T

const slugify = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50)

/** Everything drawn at random for the i-th listing, in the order drawn (so each listing stays the same across versions). */
interface Draws {
  name: string
  services: string[]
  offices: Array<{ n: number; lat: number; lng: number }>
  kind: (typeof KINDS)[number]
  tags: string[]
  extraEnglish: boolean
  remote: boolean
  founded: number
  size: number
  accepting: boolean
  slidingScale: boolean
  network: boolean
  cc0: boolean
}

function draw(i: number, city: City): Draws {
  const r = rng(1000 + i)
  const lang = city.langs[0] as string
  const wordLang = lang in WORDS ? lang : 'other'
  const name = pick(r, PATTERNS[wordLang] as Array<(w: string) => string>)(pick(r, WORDS[wordLang] as string[]))
  // Every service is used: each listing takes one in turn, plus a few at random.
  const services = new Set([(SERVICES[i % SERVICES.length] as { id: string }).id])
  const extra = 1 + Math.floor(r() * 4)
  for (let k = 0; k < extra; k++) services.add(pick(r, SERVICES).id)
  const officeCount = r() < 0.12 ? 2 : 1
  const offices = Array.from({ length: officeCount }, () => ({ n: 10 + Math.floor(r() * 300), lat: city.lat + (r() - 0.5) * 0.12, lng: city.lng + (r() - 0.5) * 0.12 }))
  const kind = pick(r, KINDS)
  const tags = ['example-data', ...(r() < 0.3 ? ['feminist-tech'] : []), ...(r() < 0.3 ? ['free-software'] : [])]
  return {
    name, services: [...services], offices, kind, tags, extraEnglish: r() < 0.4, remote: r() < 0.35,
    founded: 1990 + Math.floor(r() * 35), size: 2 + Math.floor(r() * 60), accepting: r() < 0.8,
    slidingScale: r() < 0.5, network: r() < 0.5, cc0: r() < 0.7
  }
}

/** The listing's summary in its language and in English, and its offices, from a generator of their own. */
function describe(i: number, city: City, d: Draws) {
  const w = rng(500_000 + i)
  const choice = { intro: Math.floor(w() * 3), offer: Math.floor(w() * 3), audience: Math.floor(w() * 3) }
  const facts: SummaryFacts = { name: d.name, city: city.name, kind: d.kind, founded: d.founded, services: d.services.slice(0, 4), slidingScale: d.slidingScale, accepting: d.accepting, choice }
  const lang = summaryLanguage(city.langs)
  const at = w()
  const location = d.offices.map((o, k) => ({
    ...demoPlace(city.name, k, at, o.n),
    country: city.country,
    latitude: Number(o.lat.toFixed(5)),
    longitude: Number(o.lng.toFixed(5))
  }))
  return { lang, summary: summaryHtml(lang, facts), english: summaryHtml('en', facts), location }
}

/** `count` fictional listings; the i-th is the same on every run. */
export function demoListings(count = 320): ListingInput[] {
  const out: ListingInput[] = []
  const slugs = new Set<string>()
  for (let i = 0; i < count; i++) {
    const city = CITIES[i % CITIES.length] as City
    const d = draw(i, city)
    let slug = slugify(`${d.name}-${city.name}`)
    for (let n = 2; slugs.has(slug); n++) slug = `${slugify(`${d.name}-${city.name}`).slice(0, 45)}-${n}`
    slugs.add(slug)
    const { lang, summary, english, location } = describe(i, city, d)
    out.push({
      slug,
      name: d.name,
      summary,
      ...(lang !== 'en' ? { summaryMap: { [lang]: summary, en: english } } : {}),
      defaultLanguage: lang,
      kind: d.kind,
      services: d.services,
      tags: d.tags,
      languages: [...new Set([...city.langs, ...(d.extraEnglish ? ['en'] : [])])],
      regionsServed: [city.region ?? city.country, ...(d.remote ? ['remote'] : [])],
      location,
      contact: { website: `https://${slug}.example`, email: `hello@${slug}.example` },
      founded: d.founded,
      size: d.size,
      acceptingClients: d.accepting,
      ...(d.slidingScale ? { pricing: 'Sliding scale for movement organisations' } : {}),
      networks: d.network ? ['Example Network of Tech Co-ops'] : [],
      dataLicense: d.cc0 ? 'CC0-1.0' : 'CC-BY-SA-4.0',
      example: true
    })
  }
  return out
}
