/**
 * The Murmurations organizations schema (organizations_schema-v1.0.0), as
 * the index validates a profile against it: Ajv, draft-07, the library's
 * field files under the ids their relative $refs resolve to. The files are
 * the library's own, shipped in schemas/murmurations/ (a copy of
 * ../shared/vocab/murmurations) so nothing is fetched. Built once, on first use.
 */
import fs from 'node:fs'
import path from 'node:path'
import Ajv, { type ValidateFunction } from 'ajv'
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json'
import { ORGANIZATIONS_SCHEMA } from '../murmurations-profile'

const FILES = path.join(__dirname, '..', '..', '..', 'schemas', 'murmurations')
const LIBRARY = 'https://test-library.murmurations.network/v2'

let compiled: ValidateFunction | undefined

function organizations(): ValidateFunction {
  if (compiled) return compiled
  // strict off: the library's files carry a `metadata` keyword of their own
  const ajv = new Ajv({ strict: false, allErrors: true })
  // the library names draft-07 by its https address; it is the meta-schema Ajv has under http
  ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' })
  for (const file of fs.readdirSync(path.join(FILES, 'fields'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(FILES, 'fields', file), 'utf8')) as object, `${LIBRARY}/fields/${file}`)
  }
  compiled = ajv.compile(JSON.parse(fs.readFileSync(path.join(FILES, 'schemas', `${ORGANIZATIONS_SCHEMA}.json`), 'utf8')) as object)
  return compiled
}

/** Why a profile is not a valid organizations profile (each error a line), or undefined when it is. */
export function profileProblems(profile: unknown): string | undefined {
  if (!profile || typeof profile !== 'object' || Array.isArray(profile)) return 'a profile is a JSON object'
  const linked = (profile as { linked_schemas?: unknown }).linked_schemas
  if (!Array.isArray(linked) || !linked.includes(ORGANIZATIONS_SCHEMA)) return `not an ${ORGANIZATIONS_SCHEMA} profile (its linked_schemas does not name it)`
  const validate = organizations()
  if (validate(profile)) return undefined
  return (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(profile)'} ${e.message ?? 'is invalid'}`).join('; ')
}
