/**
 * Reading a CSV file's text (already decoded, byte-order mark removed: see
 * decode.ts) into records, with csv-parse, for every CSV import format.
 *
 * - The delimiter is `,`, `;` or a tab, whichever the header line holds
 *   most of outside quotes (a tie goes to `,`): spreadsheets in much of
 *   Europe and Latin America save "CSV" with `;`. Excel's `sep=;` first
 *   line, when present, names it instead (and, as in Excel, is no row).
 * - Quoted fields may hold delimiters, newlines and doubled quotes; a stray
 *   quote inside an unquoted field is kept as text. Short rows and empty
 *   trailing columns are tolerated: a missing cell reads as empty.
 * - Headers match ignoring case and surrounding spaces.
 * - Row numbers are the ones a spreadsheet shows: the header is row 1, the
 *   first record row 2, and a newline inside a quoted field does not count
 *   as a row. Blank lines count (a spreadsheet shows them as empty rows)
 *   but yield nothing.
 * - The whole file is checked before the first row is given out, so a file
 *   whose quotes never close is refused whole, not imported half-way.
 */
import { parse, type Options } from 'csv-parse'

export type Delimiter = ',' | ';' | '\t'
const DELIMITERS: readonly Delimiter[] = [',', ';', '\t']

/** The delimiter the header line (up to the first newline outside quotes) uses most. */
export function detectDelimiter(text: string): Delimiter {
  const counts = new Map<string, number>()
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (c === '"') quoted = !quoted // a doubled quote toggles twice: still right
    else if (!quoted && (c === '\n' || c === '\r')) break
    else if (!quoted) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  let best: Delimiter = ','
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d
  return best
}

/** A header cell as headers are matched: trimmed, lower case. */
export const headerKey = (header: string): string => header.trim().toLowerCase()

/** The header of a file, to find a column by name whatever its case and spaces. */
export class Header {
  private readonly index = new Map<string, number>()
  private readonly bySuffix = new Map<string, Array<{ suffix: string; index: number }>>()

  constructor(readonly names: readonly string[]) {
    names.forEach((name, i) => {
      const key = headerKey(name)
      if (!this.index.has(key)) this.index.set(key, i)
    })
  }

  /** Whether a column of that name is present. */
  has(name: string): boolean {
    return this.index.has(headerKey(name))
  }

  /** The cell of that column in a record, trimmed; "" when the column or the cell is missing. */
  cell(record: readonly string[], name: string): string {
    const i = this.index.get(headerKey(name))
    return i === undefined ? '' : (record[i] ?? '').trim()
  }

  /** Columns named `PREFIX:SUFFIX` (prefix matched ignoring case), with the suffix as written, trimmed. */
  suffixed(prefix: string): ReadonlyArray<{ suffix: string; index: number }> {
    const want = `${headerKey(prefix)}:`
    let found = this.bySuffix.get(want) // asked for every row: worked out once per file
    if (!found) {
      found = this.names.flatMap((name, index) => (headerKey(name).startsWith(want) ? [{ suffix: name.trim().slice(want.length).trim(), index }] : []))
      this.bySuffix.set(want, found)
    }
    return found
  }
}

/** One record of the file: its row number as a spreadsheet shows it, and its cells. */
export interface CsvRecord { row: number; cells: string[] }

export type CsvFile = { ok: true; header: Header; records: AsyncIterable<CsvRecord> } | { ok: false; row: number; message: string }

/** Excel's optional first line naming the delimiter. */
const SEP_LINE = /^sep=([,;\t])\r?\n/

/** The text after a `sep=` line, and the delimiter it names (else the one detected). */
export function delimited(text: string): { body: string; delimiter: Delimiter } {
  const hint = SEP_LINE.exec(text)
  return hint ? { body: text.slice(hint[0].length), delimiter: hint[1] as Delimiter } : { body: text, delimiter: detectDelimiter(text) }
}

const optionsFor = (delimiter: Delimiter): Options => ({
  delimiter,
  bom: true,
  relax_column_count: true,
  relax_quotes: true,
  skip_empty_lines: false
})

const isBlank = (cells: readonly string[]): boolean => cells.every((c) => c.trim() === '')

/** The header and the records after it, numbered by spreadsheet rows, blank ones counted and skipped. */
async function split(text: string, delimiter: Delimiter): Promise<{ header: Header; records: AsyncGenerator<CsvRecord> }> {
  const parsed = (parse(text, optionsFor(delimiter)) as AsyncIterable<string[]>)[Symbol.asyncIterator]()
  const first = await parsed.next()
  const header = new Header(first.done ? [] : first.value)
  async function* records(): AsyncGenerator<CsvRecord> {
    for (let row = 2; ; row++) {
      const next = await parsed.next()
      if (next.done) return
      if (!isBlank(next.value)) yield { row, cells: next.value }
    }
  }
  return { header, records: records() }
}

/** Why csv-parse stopped, with the row it was on (a spreadsheet's number), if it did. */
async function firstProblem(text: string, delimiter: Delimiter): Promise<{ row: number; message: string } | undefined> {
  try {
    for await (const _cells of parse(text, optionsFor(delimiter)) as AsyncIterable<string[]>) continue
    return undefined
  } catch (e) {
    const records = (e as { records?: unknown }).records // csv-parse's CsvError: the records read before the one it stopped in
    const message = e instanceof Error ? e.message : String(e)
    return { row: (typeof records === 'number' ? records : 0) + 1, message: `the file is not readable CSV from this row on (${message}); check its quotes` }
  }
}

/** The file's header and records, or the row where it stops being CSV (then nothing of it is read). */
export async function readCsv(text: string): Promise<CsvFile> {
  const { body, delimiter } = delimited(text)
  const problem = await firstProblem(body, delimiter)
  if (problem) return { ok: false, ...problem }
  return { ok: true, ...(await split(body, delimiter)) }
}
