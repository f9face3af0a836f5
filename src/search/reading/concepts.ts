/**
 * The services and kinds of organisation a query names, in any of their
 * labels or alternative labels, in any of the four languages, with typos:
 * "correo seguro", "courriel sécurisé", "secure emial" all name
 * encrypted-email. Two readings:
 * - a phrase: a run of query words that is a whole label ("copias de
 *   seguridad", "vpn"), matched word by word within each word's typo budget;
 *   its listings rank as strongly as a name match;
 * - a word: a query word found in some label ("seguridad" is in three
 *   services' labels), as if every listing's services were written out in
 *   every label; it ranks as a services match.
 * The dictionary is the vocabulary's own (schemas/), built once per process.
 */
import SearchableMap from 'minisearch/SearchableMap'
import { SERVICES, KINDS, serviceTerms, kindTerms } from '../../directory/vocabulary'
import { tokenize } from '../embedded/term-table'
import { STOP_WORDS } from './stop-words'
import { typoBudget, withinTypos } from './typos'

/** A service or kind of the vocabulary. */
export interface Concept { type: 'service' | 'kind'; id: string }

/** A concept a query word names, and how. */
export interface ConceptMatch {
  concept: Concept
  /** Typos in the word (a phrase: in all its words). */
  typos: number
  /** The word is the start of one of the concept's words (the reader is still typing it). */
  prefix: boolean
  /** The word is part of a phrase that is a whole label of the concept. */
  phrase: boolean
}

/** A word of the reader's query, folded, and whether it may still be growing. */
export interface ReadWord { key: string; stop: boolean; typing: boolean }

interface PhraseNode { next: Map<string, PhraseNode>; ends: number[] }

// A prefix names concepts only from this many letters ("se" would name half the vocabulary).
const MIN_PREFIX = 3
const MAX_PHRASE_WORDS = 8

class ConceptDictionary {
  readonly concepts: Concept[] = []
  /** Word → the concepts whose labels hold it. */
  private readonly words = new SearchableMap<number[]>()
  private readonly phrases: PhraseNode = { next: new Map(), ends: [] }

  constructor() {
    for (const s of SERVICES) this.add({ type: 'service', id: s.id }, [s.id, ...serviceTerms(s.id)])
    for (const k of KINDS) this.add({ type: 'kind', id: k.id }, [k.id, ...kindTerms(k.id)])
  }

  private add(concept: Concept, terms: string[]): void {
    const index = this.concepts.push(concept) - 1
    for (const term of terms) {
      const keys = tokenize(term)
      if (!keys.length) continue
      let node = this.phrases
      for (const key of keys) {
        let child = node.next.get(key)
        if (!child) node.next.set(key, (child = { next: new Map(), ends: [] }))
        node = child
        if (STOP_WORDS.has(key)) continue
        const holders = this.words.get(key) ?? []
        if (!holders.includes(index)) this.words.set(key, [...holders, index])
      }
      if (!node.ends.includes(index)) node.ends.push(index)
    }
  }

  /** The concepts each word names (same order as `words`); stop words name none on their own. */
  read(words: readonly ReadWord[]): ConceptMatch[][] {
    const candidates = words.map((w) => this.neighbours(w))
    const out: ConceptMatch[][] = words.map((w, i) => (w.stop ? [] : this.wordMatches(candidates[i] as Candidates)))
    for (let i = 0; i < words.length; ) {
      const phrase = this.longestPhrase(candidates, i)
      if (!phrase) {
        i++
        continue
      }
      for (let j = i; j < phrase.end; j++) {
        for (const c of phrase.concepts) (out[j] as ConceptMatch[]).push({ concept: this.concepts[c] as Concept, typos: phrase.typos, prefix: false, phrase: true })
      }
      i = phrase.end
    }
    return out
  }

  /** Dictionary words a query word may be: itself, within its typos, or (while typing) a continuation. */
  private neighbours(w: ReadWord): Candidates {
    const out: Candidates = new Map()
    for (const [key, { typos }] of withinTypos(this.words, w.key, typoBudget(w.key))) out.set(key, { typos, prefix: false })
    if (!out.has(w.key)) out.set(w.key, { typos: 0, prefix: false }) // a stop word, which only phrases hold ("copias de seguridad")
    if (w.typing && w.key.length >= MIN_PREFIX) {
      for (const [key] of this.words.atPrefix(w.key)) if (!out.has(key)) out.set(key, { typos: 0, prefix: true })
    }
    return out
  }

  private wordMatches(candidates: Candidates): ConceptMatch[] {
    const best = new Map<number, ConceptMatch>()
    for (const [key, { typos, prefix }] of candidates) {
      for (const c of this.words.get(key) ?? []) {
        const known = best.get(c)
        if (!known || rank(known) > typos + (prefix ? 0.5 : 0)) best.set(c, { concept: this.concepts[c] as Concept, typos, prefix, phrase: false })
      }
    }
    return [...best.values()]
  }

  /** The longest run of words from `start` that is a whole label, with the fewest typos among runs as long. */
  private longestPhrase(candidates: Candidates[], start: number): { end: number; concepts: number[]; typos: number } | undefined {
    let frontier: Array<{ node: PhraseNode; typos: number }> = [{ node: this.phrases, typos: 0 }]
    let found: { end: number; concepts: number[]; typos: number } | undefined
    for (let j = start; j < candidates.length && j - start < MAX_PHRASE_WORDS && frontier.length; j++) {
      const next: Array<{ node: PhraseNode; typos: number }> = []
      for (const { node, typos } of frontier) {
        for (const [key, c] of candidates[j] as Candidates) {
          const child = node.next.get(key)
          if (child && !c.prefix) next.push({ node: child, typos: typos + c.typos })
        }
      }
      const ends = next.filter((n) => n.node.ends.length).sort((a, b) => a.typos - b.typos)
      const first = ends[0]
      if (first) found = { end: j + 1, concepts: [...new Set(ends.filter((n) => n.typos === first.typos).flatMap((n) => n.node.ends))], typos: first.typos }
      frontier = next
    }
    return found
  }
}

type Candidates = Map<string, { typos: number; prefix: boolean }>

const rank = (m: ConceptMatch): number => m.typos + (m.prefix ? 0.5 : 0)

let dictionary: ConceptDictionary | undefined

/** The concepts each word of a query names (see the header); the dictionary is built on first use. */
export function conceptsOf(words: readonly ReadWord[]): ConceptMatch[][] {
  dictionary ??= new ConceptDictionary()
  return dictionary.read(words)
}
