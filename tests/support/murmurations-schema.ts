/**
 * The Murmurations organizations schema as the index resolves it, from the
 * shared reference copy (../shared/vocab/murmurations): Ajv, draft-07, each
 * field file under the id its relative $refs resolve to. The tests' own
 * judge of a valid profile, apart from the copy the code ships.
 */
import fs from 'node:fs'
import path from 'node:path'
import Ajv, { type ValidateFunction } from 'ajv'
import draft07 from 'ajv/dist/refs/json-schema-draft-07.json'

export const VOCAB = path.join(__dirname, '..', '..', '..', 'shared', 'vocab', 'murmurations')
const LIBRARY = 'https://test-library.murmurations.network/v2'

export function organizationsValidator(): ValidateFunction {
  // strict off: the library's files carry a `metadata` keyword of their own
  const ajv = new Ajv({ strict: false, allErrors: true })
  // the library names draft-07 by its https address; it is the same meta-schema Ajv has under http
  ajv.addMetaSchema({ ...draft07, $id: 'https://json-schema.org/draft-07/schema' })
  for (const file of fs.readdirSync(path.join(VOCAB, 'fields'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(VOCAB, 'fields', file), 'utf8')), `${LIBRARY}/fields/${file}`)
  }
  return ajv.compile(JSON.parse(fs.readFileSync(path.join(VOCAB, 'schemas', 'organizations_schema-v1.0.0.json'), 'utf8')))
}
