/**
 * Meilisearch's `synonyms` setting, generated from the vocabulary: every
 * label and alternative label of a service (or kind) becomes a synonym of all
 * the others, so "correo seguro" finds listings whose text says "Correo
 * cifrado" or "encrypted email". Pure; the engine puts the result in its
 * index settings.
 *
 * What Meilisearch does with it, and why the shape below:
 * - a synonym is one-way (`phone → iphone`); a mutual association is each
 *   phrase listing the others, which is what one vocabulary entry is;
 * - phrases may have several words, but a query only looks synonyms up for
 *   runs of one to three words, so a longer phrase is a value, never a key
 *   (reached from the shorter ones: one-way);
 * - synonyms are lowercased and de-unicoded at indexing, so phrases that
 *   differ only in case or accents are one (we keep the first);
 * - one word derives at most 50 synonym phrases of at most 100 words in all;
 *   beyond that Meilisearch drops some, so we choose: the entry's labels
 *   first, since they are in every listing's indexed services text.
 */
import { KINDS, SERVICES, termKey } from '../../directory/vocabulary'

/** The words of one vocabulary entry: its labels (indexed with each listing) and its alternative labels. */
export interface SynonymGroup {
  /** Labels in every language; they come first among each key's synonyms. */
  labels: readonly string[]
  /** Alternative labels in every language. */
  altLabels: readonly string[]
}

/** Meilisearch's limits on synonyms (milli `search/new/limits.rs` and the synonyms guide). */
export const MEILI_SYNONYM_LIMITS = { keyWords: 3, phrasesPerKey: 50, wordsPerKey: 100 } as const

/** Meilisearch's `synonyms` setting: a lowercased phrase → the phrases it also stands for. */
export type MeiliSynonyms = Record<string, string[]>

const phraseOf = (term: string): string => term.trim().replace(/\s+/g, ' ').toLowerCase()
const wordCount = (phrase: string): number => termKey(phrase).split(' ').filter(Boolean).length

/** A group's phrases, labels first, each once (by folded form), empty ones dropped. */
function phrasesOf(group: SynonymGroup): string[] {
  const byKey = new Map<string, string>()
  for (const term of [...group.labels, ...group.altLabels]) {
    const phrase = phraseOf(term)
    const key = termKey(phrase)
    if (key && !byKey.has(key)) byKey.set(key, phrase)
  }
  return [...byKey.values()]
}

/** The phrases a key stands for, in order, within Meilisearch's per-word budget. */
function valuesFor(key: string, phrases: readonly string[]): string[] {
  const values: string[] = []
  let words = 0
  for (const phrase of phrases) {
    if (phrase === key || values.length === MEILI_SYNONYM_LIMITS.phrasesPerKey) continue
    const n = wordCount(phrase)
    if (words + n > MEILI_SYNONYM_LIMITS.wordsPerKey) continue
    values.push(phrase)
    words += n
  }
  return values
}

/**
 * Mutual synonyms within each group. A phrase found in two groups is no key
 * (it would send one service's query to another's listings) but remains a
 * value of each. Keys are sorted, so the setting compares equal run to run.
 */
export function meiliSynonyms(groups: readonly SynonymGroup[]): MeiliSynonyms {
  const phraseGroups = groups.map(phrasesOf)
  const owners = new Map<string, number>()
  for (const phrases of phraseGroups) for (const p of phrases) owners.set(termKey(p), (owners.get(termKey(p)) ?? 0) + 1)
  const out: MeiliSynonyms = {}
  for (const phrases of phraseGroups) {
    for (const key of phrases) {
      if (owners.get(termKey(key)) !== 1 || wordCount(key) > MEILI_SYNONYM_LIMITS.keyWords) continue
      const values = valuesFor(key, phrases)
      if (values.length > 0) out[key] = values
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

const groupOf = (entry: { labels: Record<string, string>; altLabels: Readonly<Record<string, readonly string[]>> }): SynonymGroup => ({
  labels: Object.values(entry.labels),
  altLabels: Object.values(entry.altLabels).flat()
})

/** The synonyms setting for the shipped vocabulary: every service and every kind. */
export const vocabularySynonyms = (): MeiliSynonyms => meiliSynonyms([...SERVICES, ...KINDS].map(groupOf))
