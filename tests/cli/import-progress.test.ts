/** `npm run import` shows progress on stderr for long files, throttled by a clock the test controls, and the summary at the end. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadConfig } from '../../src/config/config'
import { importFile, importOptions, type ImportCommand } from '../../src/cli/import'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-import-progress-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

test('progress lines at most once a (test) second with rows, rows/s and the time left; the summary at the end', async () => {
  const file = path.join(dir, 'rows.jsonl')
  fs.writeFileSync(file, Array.from({ length: 300 }, (_, i) => JSON.stringify({ slug: `fila-${i}`, name: `Fila ${i}`, kind: 'collective' })).join('\n'))
  let now = 0
  const lines: string[] = []
  const clock = () => (now += 25) // every reading of the clock is 25 ms later
  const command = importOptions([file]) as ImportCommand
  const config = loadConfig({ DATA_DIR: path.join(dir, 'data'), PUBLIC_URL: 'https://tejido.test', LOG_LEVEL: 'silent' })
  const outcome = await importFile(config, command, { progress: (line) => lines.push(line), clock })
  expect(outcome).toEqual({ code: 0, text: 'Created 300, updated 0; 0 unchanged, 0 skipped, 0 refused.' })
  expect(lines.length).toBeGreaterThan(3)
  for (const line of lines) expect(line).toMatch(/^[\d,]+ of 300 rows \(\d+%\), [\d,]+ rows\/s, about [\d,]+ s left$/)
  const done = lines.map((l) => Number(l.split(' ')[0]))
  expect(done).toEqual([...done].sort((a, b) => a - b))
  expect(done.at(-1)).toBeLessThanOrEqual(300)
})
