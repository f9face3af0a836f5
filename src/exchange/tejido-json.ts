/** Reading Tejido JSON and JSON Lines, the export's own formats, into import rows (exchange/import.ts). */
import { parseJsonFile } from './json-file'
import type { ImportRow } from './import'

/** Rows of a Tejido JSON file (an array of listings) or JSON Lines (one a line, blank lines ignored); a line that is no JSON is refused by its number. */
export async function* tejidoJsonRows(text: string, format: 'json' | 'jsonl'): AsyncGenerator<ImportRow> {
  if (format === 'json') {
    const file = parseJsonFile(text)
    if (!file.ok) {
      yield file.refusal
      return
    }
    const parsed = file.value
    if (!Array.isArray(parsed)) {
      yield { row: 1, unreadable: 'a Tejido JSON file is an array of listings' }
      return
    }
    for (const [i, data] of parsed.entries()) yield { row: i + 1, data }
    return
  }
  // line by line rather than split: a file of 100,000 rows is not held twice
  for (let start = 0, row = 1; start < text.length; row++) {
    const next = text.indexOf('\n', start)
    const end = next === -1 ? text.length : next
    const line = text.slice(start, end)
    start = end + 1
    if (!line.trim()) continue
    try {
      yield { row, data: JSON.parse(line) as unknown }
    } catch {
      yield { row, unreadable: 'this line is not JSON' }
    }
  }
}
