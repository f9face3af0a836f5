/**
 * The text of an import file. Files are UTF-8, with or without a byte-order
 * mark; a file in another encoding is refused with a message that says what
 * it looks like and how to fix it — or decoded, when the person declares its
 * encoding (`--encoding latin1`, `?encoding=latin1`). Spreadsheets saved
 * "as CSV" on Windows are Windows-1252, the superset of Latin-1 every
 * browser uses for that label, so `latin1` decodes as Windows-1252.
 */

/** The encodings a person can declare for an import file. */
export const FILE_ENCODINGS = ['utf-8', 'latin1', 'windows-1252', 'utf-16le'] as const
export type FileEncoding = (typeof FILE_ENCODINGS)[number]

export const isFileEncoding = (value: unknown): value is FileEncoding => (FILE_ENCODINGS as readonly unknown[]).includes(value)

export type Decoded = { ok: true; text: string } | { ok: false; message: string }

const UTF16LE_BOM = [0xff, 0xfe]
const UTF16BE_BOM = [0xfe, 0xff]

const startsWith = (bytes: Uint8Array, prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b)

/** What a file that is not UTF-8 most likely is, for the message. */
function likelyEncoding(bytes: Uint8Array): string {
  if (startsWith(bytes, UTF16LE_BOM) || startsWith(bytes, UTF16BE_BOM)) return 'UTF-16 (a spreadsheet\'s "Unicode text")'
  return 'Latin-1 / Windows-1252 (a spreadsheet\'s plain "CSV")'
}

/** The file's text without its byte-order mark, or why it cannot be read in `encoding`. */
export function decodeFile(bytes: Uint8Array, encoding: FileEncoding = 'utf-8'): Decoded {
  const label = encoding === 'latin1' ? 'windows-1252' : encoding
  try {
    const text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes)
    return { ok: true, text }
  } catch {
    if (encoding !== 'utf-8') return { ok: false, message: `The file is not valid ${encoding} text.` }
    return {
      ok: false,
      message: `The file is not UTF-8 text; it looks like ${likelyEncoding(bytes)}. Save it as UTF-8 (in a spreadsheet: "CSV UTF-8") and import it again, or declare its encoding (encoding=latin1).`
    }
  }
}
