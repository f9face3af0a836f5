/**
 * SEA / Mykomap CSV terms ↔ Tejido fields (issue 13), as tables.
 *
 * Organisational structure ↔ kind: schemas/legal-forms.json is the one home
 * of "kind → ESSGLOBAL term" (export); reading, every term that names the
 * same form maps back, and these further structures map where a Tejido
 * kind is the same thing. Any other structure makes the listing `other`
 * and is kept as a tag (its English label).
 *
 * Activities ↔ services: ESSGLOBAL's activity vocabularies are economic
 * sectors (Agriculture, Housing, Education…); none of them is one of
 * Tejido's tech services, so they are kept as tags. Tejido's own service
 * terms (`https://tejido.coop/ns/services/1.0#email-hosting`, or the bare
 * id) are services: the export writes them in Primary Activity and
 * Activities, so a SEA file from Tejido keeps its services.
 */
import services from '../../../schemas/services.json'
import { KINDS, isServiceId } from '../../directory/vocabulary'
import { ACTIVITIES, ORGANISATIONAL_STRUCTURES, codeIn, termCode } from './essglobal-terms'

/** Structures that are a Tejido kind, beyond the ones legal-forms.json names for each kind. */
const FURTHER_STRUCTURES: Readonly<Record<string, string>> = {
  OS40: 'non-profit', // Charity
  OS70: 'consumer-coop', // Housing co-operative: owned by its users
  OS140: 'worker-coop' // Employee trust
}

/** The services vocabulary's URI: a service's term is it, `#`, and the service id. */
const SERVICES_ID: string = services.id

const KIND_OF_STRUCTURE: ReadonlyMap<string, string> = new Map([
  ...Object.entries(FURTHER_STRUCTURES),
  ...KINDS.flatMap((kind) => (kind.essglobal ? [[termCode(kind.essglobal.organisationalStructure), kind.id] as [string, string]] : []))
])

/** The schema's longest tag. */
const TAG_MAX = 50

/** A term's English label as a tag, or its code when the label is too long for one. */
const tagOf = (table: Readonly<Record<string, string>>, code: string): string => {
  const label = table[code] as string
  return label.length <= TAG_MAX ? label : code
}

/** A cell of Organisational Structure as a kind, and the tag that keeps a structure no kind matches. */
export function kindOfStructure(value: string): { kind: string; tag?: string } {
  if (!value.trim()) return { kind: 'other' }
  const code = codeIn(ORGANISATIONAL_STRUCTURES, value)
  const kind = code ? KIND_OF_STRUCTURE.get(code) : undefined
  if (kind) return { kind }
  return { kind: 'other', tag: code ? tagOf(ORGANISATIONAL_STRUCTURES, code) : value.trim().slice(0, TAG_MAX) }
}

/** The ESSGLOBAL organisational-structure URI of a kind (legal-forms.json), or "" for a kind with none. */
export const structureOfKind = (kind: string): string => KINDS.find((k) => k.id === kind)?.essglobal?.organisationalStructure ?? ''

/** The URI Tejido writes for one of its services. */
export const serviceTerm = (id: string): string => `${SERVICES_ID}#${id}`

/** An activity term as a Tejido service (its own terms) or a tag (ESSGLOBAL's label, or the value itself). */
export function activityOf(value: string): { service: string } | { tag: string } {
  const trimmed = value.trim()
  const id = trimmed.startsWith(`${SERVICES_ID}#`) ? trimmed.slice(SERVICES_ID.length + 1) : trimmed
  if (isServiceId(id)) return { service: id }
  const code = codeIn(ACTIVITIES, trimmed)
  return { tag: code ? tagOf(ACTIVITIES, code) : trimmed.slice(0, TAG_MAX) }
}
