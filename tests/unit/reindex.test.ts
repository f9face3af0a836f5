/** `reindex` with the embedded engine drops the saved index, so the next start rebuilds it from the store. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/config'
import { reindex } from '../../src/cli/reindex'

test('the embedded index snapshot is removed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-reindex-'))
  const snapshot = path.join(dir, 'search-index.snapshot')
  fs.writeFileSync(snapshot, 'old')
  expect(await reindex(loadConfig({ DATA_DIR: dir }))).toMatch(/next start rebuilds it/)
  expect(fs.existsSync(snapshot)).toBe(false)
  expect(await reindex(loadConfig({ DATA_DIR: dir }))).toMatch(/next start rebuilds it/) // none: still fine
  fs.rmSync(dir, { recursive: true, force: true })
})
