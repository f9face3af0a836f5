/**
 * The layer rule in eslint.config.mjs (docs/adr/0004-layout-and-layers.md),
 * run through ESLint's own API on small snippets placed in each folder, so
 * the rule cannot silently stop matching (a renamed folder, a changed option,
 * a block that overrides another) while `npx eslint .` stays green.
 */
import path from 'node:path'
import { ESLint } from 'eslint'

const root = path.resolve(__dirname, '../..')
const eslint = new ESLint({ cwd: root })

/** The layer-rule messages ESLint gives `code` as if it were the file at `file` (relative to the repository). */
async function layerViolations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: path.join(root, file) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('the layer rule', () => {
  test.each([
    // the domain: nothing of storage, search, federation, http or composition; no driver, no web framework
    ['src/directory/x.ts', "import { EmbeddedClient } from '../storage/embedded/client'"],
    ['src/directory/x.ts', "import type { DocumentListingStore } from '../storage/document-listing-store'"],
    ['src/directory/x.ts', "import { isDuplicateKey } from '../storage/document-db'"],
    ['src/directory/x.ts', "import type { DocumentDb } from '../storage/document-db'"],
    ['src/directory/x.ts', "import type { SearchIndex } from '../search/search-index'"],
    ['src/directory/x.ts', "import { actorToListingInput } from '../federation/mirror-mapping'"],
    ['src/directory/x.ts', "import { sendProblem } from '../http/problem'"],
    ['src/directory/x.ts', "import { compose } from '../composition/compose'"],
    ['src/directory/x.ts', "import type { Db } from 'mongodb'"],
    ['src/directory/x.ts', "import express from 'express'"],
    ['src/directory/deeper/x.ts', "import { sendProblem } from '../../http/problem'"],
    ['src/directory/x.ts', "export { sendProblem } from '../http/problem'"],
    // federation: nothing of http or composition
    ['src/federation/inbox/x.ts', "import { sendProblem } from '../../http/problem'"],
    ['src/federation/x.ts', "import type { Federation } from '../composition/federation'"],
    // and, like search and storage, nothing of Express: only http/ handles requests
    ['src/federation/inbox/x.ts', "import type { Request } from 'express'"],
    ['src/search/x.ts', "import { Router } from 'express'"],
    ['src/storage/x.ts', "import express from 'express'"],
    // search: nothing of http, federation or composition
    ['src/search/x.ts', "import { sendProblem } from '../http/problem'"],
    ['src/search/embedded/x.ts', "import { originOf } from '../../federation/json-ld'"],
    ['src/search/x.ts', "import { openSearch } from '../composition/search'"],
    // storage: nothing of http, federation, search or composition
    ['src/storage/x.ts', "import { sendProblem } from '../http/problem'"],
    ['src/storage/embedded/x.ts', "import { originOf } from '../../federation/json-ld'"],
    ['src/storage/x.ts', "import type { SearchIndex } from '../search/search-index'"],
    ['src/storage/x.ts', "import { openStore } from '../composition/store'"],
    // composition: only main.ts and cli/ build the application
    ['src/http/site/operators/x.ts', "import type { Federation } from '../../../composition/federation'"],
    ['src/http/x.ts', "import { compose } from '../composition/compose'"],
    ['src/app.ts', "import type { Federation } from './composition/federation'"],
    ['src/support/x.ts', "import { compose } from '../composition/compose'"]
  ])('%s may not %s', async (file, code) => {
    expect(await layerViolations(file, code)).toHaveLength(1)
  })

  test.each([
    ['src/directory/x.ts', "import type { Listing } from './listing'"],
    ['src/directory/x.ts', "import crypto from 'node:crypto'"],
    ['src/storage/x.ts', "import type { ListingStore } from '../directory/listing-store'"],
    ['src/storage/x.ts', "import type { Db } from 'mongodb'"],
    ['src/storage/x.ts', "import { hashPassword } from '../directory/passwords'"],
    ['src/federation/x.ts', "import type { DocumentDb } from '../storage/document-db'"],
    ['src/search/x.ts', "import { isPublished } from '../directory/listing'"],
    ['src/federation/x.ts', "import type { ListingStore } from '../directory/listing-store'"],
    ['src/federation/x.ts', "import ActivitypubExpress from 'activitypub-express'"],
    ['src/http/x.ts', "import express from 'express'"],
    ['src/http/api/x.ts', "import type { Peering } from '../../federation/peers/peering'"],
    ['src/http/api/x.ts', "import type { SearchIndex } from '../../search/search-index'"],
    ['src/composition/x.ts', "import { peersApi } from '../http/api/peers'"],
    ['src/composition/x.ts', "import { openStore } from './store'"],
    ['src/main.ts', "import { compose } from './composition/compose'"],
    ['src/cli/x.ts', "import { openStore } from '../composition/store'"],
    ['tests/unit/x.test.ts', "import { compose } from '../../src/composition/compose'"]
  ])('%s may %s', async (file, code) => {
    expect(await layerViolations(file, code)).toEqual([])
  })
})
