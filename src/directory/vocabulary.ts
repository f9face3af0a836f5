/**
 * The shared, versioned vocabularies every instance ships: services (stable
 * ids, labels in en/es/fr/pt) and kinds of organisation mapped to ESSGLOBAL.
 */
import services from '../../schemas/services.json'
import legalForms from '../../schemas/legal-forms.json'

export type Labels = Record<string, string>

export interface Service { id: string; category: string; labels: Labels }
export interface Kind { id: string; labels: Labels; essglobal?: { organisationalStructure: string; legalForm: string } }

export const SERVICES_VERSION: string = services.version
export const SERVICES: readonly Service[] = services.services
export const SERVICE_CATEGORIES: Readonly<Record<string, Labels>> = services.categories
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

/** The vocabulary as served at /api/vocabulary/services. */
export function servicesDocument() {
  return { version: SERVICES_VERSION, id: services.id, languages: services.languages, categories: SERVICE_CATEGORIES, services: SERVICES }
}
