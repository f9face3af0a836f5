/**
 * What goes inside one CSV cell, for every CSV format (issue 13): lists
 * split by `;`, `tag=value` entries, and the guard against formula
 * injection. All scans are single passes over the cell (linear time).
 *
 * Lists: items are joined by `;`; an item's own `;` is written `\;` and its
 * `\` as `\\`, so any text survives the round trip. A reader splits on an
 * unescaped `;`, trims each item and drops empty ones.
 *
 * Formulas: a spreadsheet runs a cell that starts with `=`, `@`, a tab or a
 * carriage return, and one that starts with `+` or `-` unless it is a plain
 * number (`-2+3`, `+cmd|...`, and `+52 951 000 0000`, which Excel reads as
 * a broken sum). Such a cell is written with a leading apostrophe, which
 * spreadsheets show as "text" and hide; Tejido's readers remove exactly
 * that apostrophe again (a cell that starts with `'` and would need the
 * guard without it), so the round trip is lossless and a foreign value
 * like `'t Hoekje` stays as it is. Plain numbers (`-60.65`) are left alone.
 */

/**
 * A plain number as text: digits with an optional fraction (or a fraction
 * alone) and exponent. The integer and fraction digits are separated by a
 * required point, so no two runs of digits overlap and a failing match
 * backtracks in linear time (`\d+\.?\d*` would be quadratic on a long run
 * of digits followed by a letter). Longer cells are no plain number.
 */
const MAX_NUMBER_TEXT = 40
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/

/** Whether a cell is a plain number, signed or not. */
export const isNumberText = (cell: string): boolean => cell.length <= MAX_NUMBER_TEXT && NUMBER_TEXT.test(cell)

function startsFormula(cell: string): boolean {
  const first = cell[0]
  if (first === '=' || first === '@' || first === '\t' || first === '\r') return true
  return (first === '+' || first === '-') && !isNumberText(cell) // a signed plain number is shown as the number it is
}

/** Whether a cell must be written with the apostrophe guard. */
export function needsGuard(cell: string): boolean {
  let start = 0
  while (cell[start] === "'") start++ // `'=x` is guarded too, so that reading removes only the guard's apostrophe
  return startsFormula(cell.slice(start))
}

/** The cell as written: guarded with an apostrophe when a spreadsheet would run it as a formula. */
export const guardCell = (cell: string): string => (needsGuard(cell) ? `'${cell}` : cell)

/** The cell as read: the guard's apostrophe removed, any other text untouched. */
export const unguardCell = (cell: string): string => (cell.startsWith("'") && needsGuard(cell.slice(1)) ? cell.slice(1) : cell)

/** Items joined into one cell, each item's `\` and `;` escaped. */
export const joinList = (items: readonly string[]): string => items.map((item) => item.replace(/[\\;]/g, (c) => `\\${c}`)).join(';')

/** The items of a list cell, split on unescaped `;`, trimmed, empty ones dropped. */
export function splitList(cell: string): string[] {
  return splitKeepingEmpty(cell).map((item) => item.trim()).filter((item) => item !== '')
}

/**
 * The items of a list cell, every position kept (an empty item is ""), for
 * parallel lists such as the places' columns. An empty cell has no items.
 */
export function splitKeepingEmpty(cell: string): string[] {
  if (cell === '') return []
  const items: string[] = []
  let current = ''
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]
    if (c === '\\' && i + 1 < cell.length) current += cell[++i]
    else if (c === ';') {
      items.push(current)
      current = ''
    } else current += c
  }
  items.push(current)
  return items
}

/** `tag=value` entries (languages beyond the fixed columns, external ids) as one list cell. */
export const joinEntries = (entries: ReadonlyArray<readonly [string, string]>): string => joinList(entries.map(([key, value]) => `${key}=${value}`))

/** The `key=value` entries of a cell; an item without `=` is returned as a key with no value, for the caller to refuse. */
export function splitEntries(cell: string): Array<[string, string | undefined]> {
  return splitList(cell).map((item) => {
    const at = item.indexOf('=')
    return at < 0 ? [item, undefined] : [item.slice(0, at).trim(), item.slice(at + 1).trim()]
  })
}
