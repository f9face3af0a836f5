/**
 * The synonyms every engine of the benchmark is given: the vocabulary's
 * labels of each service and kind in every language, and its alternative
 * labels (`altLabels: { en: [], es: [], fr: [], pt: [] }`) when
 * schemas/services.json and schemas/legal-forms.json have them. Read from the
 * JSON itself, so the benchmark picks them up the day they land, with no
 * change here. The libraries get them as indexed text of each listing (the
 * way their documentation handles synonyms: MiniSearch has no synonym
 * option; Orama's open-source core neither); the embedded engine uses what
 * it indexes itself.
 */
import services from '../../schemas/services.json'
import legalForms from '../../schemas/legal-forms.json'

interface Term { id: string; labels: Record<string, string>; altLabels?: unknown }

/** Alternative labels of a vocabulary entry, whatever languages it has; none when absent or malformed. */
function altLabels(term: Term): string[] {
  const alt = term.altLabels
  if (!alt || typeof alt !== 'object') return []
  return Object.values(alt as Record<string, unknown>).flatMap((list) => (Array.isArray(list) ? list.filter((s): s is string => typeof s === 'string') : []))
}

const wordsOf = (terms: readonly Term[]): Map<string, string> =>
  new Map(terms.map((t) => [t.id, [...new Set([...Object.values(t.labels), ...altLabels(t)])].join(' · ')]))

const SERVICE_WORDS = wordsOf(services.services as Term[])
const KIND_WORDS = wordsOf(legalForms.kinds as Term[])

/** A service's labels and alternative labels in every language, as one text. */
export const serviceWords = (id: string): string => SERVICE_WORDS.get(id) ?? id

/** A kind's labels and alternative labels in every language, as one text. */
export const kindWords = (id: string): string => KIND_WORDS.get(id) ?? id

/** How many alternative labels the vocabulary has: 0 means the libraries get the labels only. */
export const altLabelCount = (): number => [...(services.services as Term[]), ...(legalForms.kinds as Term[])].reduce((n, t) => n + altLabels(t).length, 0)
