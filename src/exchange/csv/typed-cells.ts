/**
 * Typed values in and out of CSV cells. A cell that does not read as its
 * type is passed on as the text it is, so the listing schema refuses it
 * naming the field (`founded: must be integer`) instead of this module
 * guessing.
 */
import { isNumberText, joinList, splitList } from './cells'
import type { CellType } from './tejido-columns'

const TRUE = new Set(['true', 'yes'])
const FALSE = new Set(['false', 'no'])

/** A cell's value by its type; undefined for an empty cell (the field is absent). */
export function readCell(cell: string, type: CellType): unknown {
  if (cell === '') return undefined
  switch (type) {
    case 'text':
      return cell
    case 'list': {
      const items = splitList(cell)
      return items.length ? items : undefined
    }
    case 'number':
      return isNumberText(cell) ? Number(cell) : cell
    case 'boolean': {
      const word = cell.toLowerCase()
      return TRUE.has(word) ? true : FALSE.has(word) ? false : cell
    }
  }
}

/** A value as its cell: "" for none, lists joined, numbers and booleans as JavaScript writes them. */
export function writeCell(value: unknown): string {
  if (value === undefined || value === null) return ''
  if (Array.isArray(value)) return joinList(value.map(String))
  return String(value)
}
