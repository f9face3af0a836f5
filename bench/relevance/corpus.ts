/**
 * The relevance corpus: about 3,000 fictional listings in the cities of
 * cities.ts (each city its weight in listings), written in the city's
 * language (es, pt, fr, en) with an English summary for some, offering
 * services of the shared vocabulary around one main category, and saying so
 * in words. Deterministic: listing i is drawn from its own seeded generator,
 * so the corpus is the same on every run and machine. Every listing passes
 * the listing schema (validateListing), as the ListingService would require.
 */
import { SERVICES, KINDS } from '../../src/directory/vocabulary'
import { validateListing } from '../../src/directory/validate'
import type { Listing, ListingInput, Place } from '../../src/directory/listing'
import { rng } from '../../tests/support/random'
import { CITIES, writingLanguage, type City, type Lang } from './cities'
import { DESCRIBED_SERVICES } from './phrases'
import { NAME_PATTERNS, NAME_QUALIFIERS, NAME_WORDS, address, summary } from './writing'

/** A listing of the corpus with what its construction knows of it (for judging). */
export interface CorpusEntry {
  listing: Listing
  /** The city of each of its locations, in order. */
  cities: City[]
  /** The distinctive word of its name ("Colmena" in "Cooperativa Colmena"). */
  nameWord: string
  lang: Lang
}

export const ORIGIN = 'https://relevance.test'

const KIND_WEIGHTS: Array<[string, number]> = [['worker-coop', 40], ['multi-stakeholder-coop', 10], ['consumer-coop', 5], ['collective', 20], ['non-profit', 15], ['informal-group', 5], ['other', 5]]

const weighted = (r: () => number, table: Array<[string, number]>): string => {
  let x = r() * table.reduce((n, [, w]) => n + w, 0)
  for (const [value, w] of table) if ((x -= w) < 0) return value
  return (table[table.length - 1] as [string, number])[0]
}
const pickOf = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T

const slugify = (s: string): string =>
  s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 56).replace(/-$/, '')

/**
 * Two to five services: the listing's main one (the vocabulary in turn, so a
 * city of 50 listings offers every service and a smaller one as many as it
 * has listings), another of its category, email for half the hosting co-ops,
 * and up to two more of any kind.
 */
function servicesOf(main: string, r: () => number): string[] {
  const category = SERVICES.find((s) => s.id === main)?.category
  const own = SERVICES.filter((s) => s.category === category && s.id !== main)
  const chosen = new Set<string>([main])
  if (own.length) chosen.add(pickOf(r, own).id)
  if (category === 'hosting' && r() < 0.5) chosen.add('email-hosting')
  const extra = Math.floor(r() * 3)
  for (let k = 0; k < extra; k++) chosen.add(pickOf(r, SERVICES).id)
  return [...chosen]
}

/** A point near the city centre (within about 5 km). */
const near = (c: City, r: () => number): Pick<Place, 'latitude' | 'longitude'> => ({
  latitude: Number((c.lat + (r() - 0.5) * 0.08).toFixed(5)),
  longitude: Number((c.lng + (r() - 0.5) * 0.08 / Math.cos((c.lat * Math.PI) / 180)).toFixed(5))
})

/** A name not used yet: a root word, often a qualifier, a pattern; after 20 draws the city is added (as real co-ops do). */
function nameFor(lang: Lang, c: City, r: () => number, used: Set<string>): { name: string; word: string } {
  let name = ''
  let word = ''
  for (let attempt = 0; attempt < 20; attempt++) {
    word = pickOf(r, NAME_WORDS[lang])
    const drawn = r() < 0.6 ? pickOf(r, NAME_QUALIFIERS[lang]) : ''
    const qualifier = word.includes(drawn) ? '' : drawn // never "Free Free Cloud"
    const root = !qualifier ? word : lang === 'en' ? `${qualifier} ${word}` : `${word} ${qualifier}`
    name = pickOf(r, NAME_PATTERNS[lang])(root)
    if (!used.has(name)) break
  }
  for (let n = 1; used.has(name); n++) name = n === 1 ? `${name} ${c.name}` : `${name.replace(/ \d+$/, '')} ${n}`
  used.add(name)
  return { name, word }
}

function inputFor(i: number, c: City, used: { names: Set<string>; slugs: Set<string> }): { input: ListingInput; cities: City[]; word: string; lang: Lang } {
  const r = rng(7000 + i)
  const lang = writingLanguage(c)
  const { name, word } = nameFor(lang, c, r, used.names)
  let slug = slugify(name)
  if (used.slugs.has(slug)) slug = slugify(`${name}-${c.name}`)
  for (let n = 2; used.slugs.has(slug); n++) slug = `${slugify(`${name}-${c.name}`).slice(0, 52)}-${n}`
  used.slugs.add(slug)
  const kind = weighted(r, KIND_WEIGHTS)
  const services = servicesOf((SERVICES[i % SERVICES.length] as { id: string }).id, r)
  const text = summary(lang, name, kind, c.name, services, r)
  const second = lang !== 'en' && r() < 0.35 ? summary('en', name, kind, c.name, services, r) : undefined
  const others = CITIES.filter((o) => o.country === c.country && o !== c && o.weight > 0)
  const cities = others.length && r() < 0.08 ? [c, pickOf(r, others)] : [c]
  const location: Place[] = cities.map((p) => ({ ...address(lang, p.name, r), country: p.country, ...near(p, r) }))
  const tags = [...(r() < 0.25 ? ['feminist-tech'] : []), ...(r() < 0.3 ? ['free-software'] : []), ...(r() < 0.15 ? ['solidarity-economy'] : [])]
  const input: ListingInput = {
    slug, name, summary: text, defaultLanguage: lang, kind, services, tags,
    ...(second ? { summaryMap: { [lang]: text, en: second } } : {}),
    languages: [...new Set([...c.langs, ...(r() < 0.3 ? ['en'] : [])])],
    regionsServed: [...new Set([...cities.map((p) => p.region), ...(r() < 0.35 ? ['remote'] : [])])],
    location,
    contact: { website: `https://${slug}.example`, email: `hola@${slug}.example` },
    founded: 1995 + Math.floor(r() * 30),
    size: 2 + Math.floor(r() * 40),
    acceptingClients: r() < 0.8,
    dataLicense: r() < 0.7 ? 'CC0-1.0' : 'CC-BY-SA-4.0'
  }
  return { input, cities, word, lang }
}

/** The whole corpus, validated; throws on the first listing the schema refuses (a bug here, not in the engines). */
export function buildCorpus(): CorpusEntry[] {
  const missing = SERVICES.filter((s) => !DESCRIBED_SERVICES.includes(s.id)).map((s) => s.id)
  if (missing.length) throw new Error(`relevance bench: services without phrases: ${missing.join(', ')}`)
  if (!KINDS.every((k) => KIND_WEIGHTS.some(([id]) => id === k.id))) throw new Error('relevance bench: a kind of the vocabulary has no weight in corpus.ts')
  const used = { names: new Set<string>(), slugs: new Set<string>() }
  const out: CorpusEntry[] = []
  const at = Date.UTC(2026, 0, 1)
  let i = 0
  for (const c of CITIES) {
    for (let k = 0; k < c.weight; k++, i++) {
      const { input, cities, word, lang } = inputFor(i, c, used)
      const valid = validateListing(input)
      if (!valid.ok) throw new Error(`relevance bench: listing ${input.slug} is invalid: ${JSON.stringify(valid.error)}`)
      const updated = new Date(at + i * 3_600_000)
      const listing: Listing = {
        ...valid.value, id: `${ORIGIN}/orgs/${input.slug}`, origin: ORIGIN, published: updated, updated, moderation: 'approved', version: 1,
        provenance: { origin: ORIGIN, via: 'local', firstSeen: updated, lastVerified: updated }
      }
      out.push({ listing, cities, nameWord: word, lang })
    }
  }
  return out
}
