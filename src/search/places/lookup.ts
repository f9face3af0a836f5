/**
 * Finding the place in a free-text query ("correo cifrado Oaxaca", "web
 * hosting in São Paulo", "hébergement près de Montréal"): every run of
 * words that is a whole place name is a candidate; the longest wins, then
 * one that a linking word announces, then the most populous. One pass over
 * the words, each extended only while some name starts that way.
 */
import { countryOf, placeOf, weightOf, type Place } from './place'
import type { PlaceTables } from './tables'
import { cut, joinedBy, wordsOf, foldKey, type Word } from './text'
import { countryName, placeLanguage } from './countries'
import { COMMON_WORDS, LINKERS } from './words'

/** A place found in a query. */
export interface PlaceMatch {
  place: Place
  /** The words naming the place, as typed ("São Paulo", "Recife, Brasil"). */
  matchedText: string
  /** The query without those words and the linking words before them ("web hosting"). */
  rest: string
  /**
   * Other cities of the same name, most populous first (at most 5): the
   * gazetteer picks the most populous Valencia, a directory may know better
   * which one its readers mean. Empty when the name is unambiguous or the
   * query said which ("Córdoba, España").
   */
  alternatives: Place[]
}

/** A run of words naming a place. */
interface Candidate {
  /** First and one-past-last word, the country after a city ("Córdoba, España") included. */
  from: number
  to: number
  target: number
  /** The linking phrase before it: its first word (`from` when none) and how clearly it announces a place. */
  linkFrom: number
  link: Link
  /** The name's other targets, when the name alone chose among them. */
  others?: Int32Array
}

/** How a place is announced: by a phrase that means "a place comes next" ("near", "cerca de"), by a mere preposition ("de", "en"), or not at all. */
export type Link = 'strong' | 'weak' | 'none'
const LINK_RANK: Record<Link, number> = { strong: 2, weak: 1, none: 0 }

// A single word naming only a small town is read as a place only when announced ("Price", "Economy": towns of 9,000 in the US).
const UNANNOUNCED_MIN_POPULATION = 15_000
// A country is the reading of its own name unless a city of that name outweighs the country's capital this much ("Granada").
const CITY_OVER_COUNTRY = 10
const MAX_NAME_WORDS = 7
const MAX_ALTERNATIVES = 5

/** One query being read: the tables, its text and words, the reader's language. */
interface Reading {
  t: PlaceTables
  /** Folded words never read as a place on their own. */
  denied: ReadonlySet<string>
  text: string
  words: Word[]
  lang: string
}

/** The best place named in `input`, if any. `denied`: folded words never read as a place alone. */
export function findPlace(t: PlaceTables, denied: ReadonlySet<string>, input: string, lang: string): PlaceMatch | undefined {
  const text = input.normalize('NFC')
  const words = wordsOf(text)
  const r: Reading = { t, denied, text, words, lang }
  const maxWords = Math.min(t.maxWords, MAX_NAME_WORDS)
  let best: Candidate | undefined
  for (let i = 0; i < words.length; i++) {
    let key = ''
    let found: Candidate | undefined
    for (let j = i; j < words.length && j - i < maxWords; j++) {
      key = j === i ? (words[j] as Word).key : `${key} ${(words[j] as Word).key}`
      const targets = t.index.exact(key)
      const c = targets.length > 0 ? candidate(r, i, j + 1, key, targets) : undefined
      if (c) found = c
      if (!t.index.hasPrefix(`${key} `)) break
    }
    if (found && (!best || better(t, found, best))) best = found
  }
  if (!best) return undefined
  const from = (words[best.from] as Word).start
  const to = (words[best.to - 1] as Word).end
  const chosen = best.target
  const others = [...(best.others ?? [])].filter((c) => c >= 0 && c !== chosen).sort((a, b) => weightOf(t, b) - weightOf(t, a))
  const alternatives = others.slice(0, MAX_ALTERNATIVES).map((c) => placeOf(t, c, lang))
  return { place: placeOf(t, chosen, lang), matchedText: text.slice(from, to), rest: cut(text, (words[best.linkFrom] as Word).start, to), alternatives: chosen >= 0 ? alternatives : [] }
}

function better(t: PlaceTables, a: Candidate, b: Candidate): boolean {
  if (a.to - a.from !== b.to - b.from) return a.to - a.from > b.to - b.from
  if (a.target >= 0 !== b.target >= 0) return a.target >= 0 // a city is the more precise reading
  if (a.link !== b.link) return LINK_RANK[a.link] > LINK_RANK[b.link]
  return weightOf(t, a.target) > weightOf(t, b.target)
}

/** Words [from, to) as a place, or undefined when they are better read as ordinary words. */
function candidate(r: Reading, from: number, to: number, key: string, targets: Int32Array): Candidate | undefined {
  const { linkFrom, link } = linker(r.words, from)
  const open = openWords(r, from, to)
  if (open.length === 0) return undefined
  const withCountry = cityInNamedCountry(r, to, targets)
  if (withCountry) return { from, to: withCountry.to, target: withCountry.city, linkFrom, link }
  const target = choose(r.t, key, targets, r.lang)
  return open.length > 1 || oneWordReadsAsPlace(r, open[0] as Word, target, link) ? { from, to, target, linkFrom, link, others: targets } : undefined
}

/** The words of [from, to) that are not denied ("forest" in "De Forest"). */
function openWords(r: Reading, from: number, to: number): Word[] {
  const out: Word[] = []
  for (let k = from; k < to; k++) if (!r.denied.has((r.words[k] as Word).key)) out.push(r.words[k] as Word)
  return out
}

/**
 * A name that is one open word is the weakest evidence of a place: never
 * a word of two letters; a common word ("mesa", "plano") only after
 * "near", "cerca de"...; a small town only when the whole query, after
 * "near"..., or after a preposition and capitalised ("de Tlaxiaco", not
 * "de alta disponibilidad").
 */
function oneWordReadsAsPlace(r: Reading, word: Word, target: number, link: Link): boolean {
  if (word.key.length < 3) return false
  if (COMMON_WORDS.has(word.key)) return link === 'strong'
  if (target < 0 || link === 'strong' || r.words.length === 1 || weightOf(r.t, target) >= UNANNOUNCED_MIN_POPULATION) return true
  const initial = r.text.charAt(word.start)
  return link === 'weak' && initial !== initial.toLowerCase()
}

const MAX_LINKER_WORDS = 4 // "en la ciudad de"

/** The linking phrase ending just before word `at` ("cerca de", "in"), longest first. */
export function linker(words: Word[], at: number): { linkFrom: number; link: Link } {
  for (let n = Math.min(MAX_LINKER_WORDS, at); n >= 1; n--) {
    let phrase = (words[at - n] as Word).key
    for (let k = at - n + 1; k < at; k++) phrase += ` ${(words[k] as Word).key}`
    const strength = LINKERS.get(phrase)
    if (strength) return { linkFrom: at - n, link: strength }
  }
  return { linkFrom: at, link: 'none' }
}

/** Among places named `key`: the country, unless a city of that name is clearly what is meant. */
function choose(t: PlaceTables, key: string, targets: Int32Array, lang: string): number {
  let city = -1
  let country = 0
  for (const target of targets) {
    if (target >= 0 && city === -1) city = target
    if (target < 0 && country === 0) country = target
  }
  if (country === 0) return city
  if (city === -1) return country
  const seat = t.countries[-country - 1]?.seat ?? -1
  if (seat >= 0 && weightOf(t, city) > CITY_OVER_COUNTRY * weightOf(t, seat)) return city
  // "Mexico" in French is the city: its French name, while the country is "Mexique"
  const local = t.localNames.get(city)?.[placeLanguage(lang)]
  return local !== undefined && foldKey(local) === key && foldKey(countryName(countryOf(t, country), lang) ?? '') !== key ? city : country
}

/** "Córdoba, España": the most populous city of that name in the country named right after it. */
function cityInNamedCountry(r: Reading, at: number, targets: Int32Array): { city: number; to: number } | undefined {
  const { t, words, text } = r
  if (at >= words.length || !joinedBy(text, (words[at - 1] as Word).end, (words[at] as Word).start)) return undefined
  let key = ''
  for (let j = at; j < words.length && j - at < 4; j++) {
    key = j === at ? (words[j] as Word).key : `${key} ${(words[j] as Word).key}`
    for (const country of t.index.exact(key)) {
      if (country >= 0) continue
      const code = countryOf(t, country)
      for (const city of targets) if (city >= 0 && countryOf(t, city) === code) return { city, to: j + 1 }
    }
    if (!t.index.hasPrefix(`${key} `)) return undefined
  }
  return undefined
}
