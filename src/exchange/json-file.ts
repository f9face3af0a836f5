/** A JSON import file parsed, or the row that says it is no JSON: one home for every JSON-based format's first step. */
import type { ImportRow } from './import'

export type ParsedJsonFile = { ok: true; value: unknown } | { ok: false; refusal: ImportRow }

export function parseJsonFile(text: string): ParsedJsonFile {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch (e) {
    return { ok: false, refusal: { row: 1, unreadable: `the file is not JSON (${e instanceof Error ? e.message : String(e)})` } }
  }
}
