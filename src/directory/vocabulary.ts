/**
 * The shared, versioned vocabularies every instance ships: services (stable
 * ids, labels in en/es/fr/pt) and kinds of organisation mapped to ESSGLOBAL.
 * Each entry also has alternative labels: the words people type for it across
 * regions (Mexican and Argentine Spanish, Brazilian and European Portuguese,
 * Québec and France French, US and UK English, loanwords), for search.
 */
import services from '../../schemas/services.json'
import legalForms from '../../schemas/legal-forms.json'

export type Labels = Record<string, string>

/** Alternative labels per language: `{ en: [...], es: [...], fr: [...], pt: [...] }`. */
export type AltLabels = Readonly<Record<string, readonly string[]>>

/** A service of the shared vocabulary: a stable id, its category, its labels. */
export interface Service {
  id: string
  category: string
  /** The name shown in each language. */
  labels: Labels
  /** Other words for it in each language, never a label and never another entry's words. */
  altLabels: AltLabels
}

/** A kind of organisation (legal form), mapped to ESSGLOBAL terms where one fits. */
export interface Kind {
  id: string
  /** The name shown in each language. */
  labels: Labels
  /** Other words for it in each language, never a label and never another kind's words. */
  altLabels: AltLabels
  essglobal?: { organisationalStructure: string; legalForm: string }
}

export const SERVICES_VERSION: string = services.version
export const SERVICES: readonly Service[] = services.services
export const SERVICE_CATEGORIES: Readonly<Record<string, Labels>> = services.categories
export const KINDS_VERSION: string = legalForms.version
export const KINDS: readonly Kind[] = legalForms.kinds

const serviceById = new Map(SERVICES.map((s) => [s.id, s]))
const kindById = new Map(KINDS.map((k) => [k.id, k]))

export const isServiceId = (id: string): boolean => serviceById.has(id)
export const kindOf = (id: string): Kind | undefined => kindById.get(id)

/** A label in the reader's language, falling back to English, then the id. */
export function label(labels: Labels | undefined, lang: string, fallback: string): string {
  if (!labels) return fallback
  return labels[lang] ?? labels[lang.split('-')[0] as string] ?? labels.en ?? fallback
}

export const serviceLabel = (id: string, lang: string): string => label(serviceById.get(id)?.labels, lang, id)
export const kindLabel = (id: string, lang: string): string => label(kindById.get(id)?.labels, lang, id)

/** Every label, then every alternative label, of an entry in every language, each once. */
export function termsOf(entry: Pick<Service, 'labels' | 'altLabels'> | undefined): string[] {
  if (!entry) return []
  return [...new Set([...Object.values(entry.labels), ...Object.values(entry.altLabels).flat()])]
}

/** Every word people use for a service (labels and alternative labels, all languages); none for an unknown id. */
export const serviceTerms = (id: string): string[] => termsOf(serviceById.get(id))

/** Every word people use for a kind (labels and alternative labels, all languages); none for an unknown id. */
export const kindTerms = (id: string): string[] => termsOf(kindById.get(id))

/**
 * Two labels that differ only in case, accents, punctuation or spacing are the
 * same term ("E-mail seguro", "e mail seguro"): the key they share. Search
 * engines fold text this way, so the vocabulary's uniqueness rules use it too.
 */
export const termKey = (term: string): string =>
  (term.toLowerCase().normalize('NFD').replace(/\p{Diacritic}/gu, '').match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')

/** The vocabulary as served at /api/vocabulary/services. */
export function servicesDocument() {
  return { version: SERVICES_VERSION, id: services.id, languages: services.languages, categories: SERVICE_CATEGORIES, services: SERVICES }
}
