/** The cells of every CSV format: lists, entries, the formula guard, the writer's quoting (csv/cells.ts, csv/write.ts). */
import { guardCell, joinEntries, joinList, needsGuard, splitEntries, splitKeepingEmpty, splitList, unguardCell } from '../../../src/exchange/csv/cells'
import { BOM, csvLine } from '../../../src/exchange/csv/write'
import { readCell, writeCell } from '../../../src/exchange/csv/typed-cells'

describe('lists split by ;', () => {
  test.each([
    [['a', 'b'], 'a;b'],
    [['semi;colon', 'back\\slash'], 'semi\\;colon;back\\\\slash'],
    [['trailing\\'], 'trailing\\\\']
  ])('%j is written %s and read back', (items, cell) => {
    expect(joinList(items)).toBe(cell)
    expect(splitList(cell)).toEqual(items)
  })

  test('items are trimmed and empty ones dropped; parallel lists keep every position', () => {
    expect(splitList(' a ; ;b; ')).toEqual(['a', 'b'])
    expect(splitKeepingEmpty('x;;z')).toEqual(['x', '', 'z'])
    expect(splitKeepingEmpty('')).toEqual([])
  })

  test('entries are tag=text, the text may hold = and ;', () => {
    const cell = joinEntries([['qu', 'Awasqa; Llika'], ['de', 'a=b']])
    expect(splitEntries(cell)).toEqual([['qu', 'Awasqa; Llika'], ['de', 'a=b']])
    expect(splitEntries('nolang')).toEqual([['nolang', undefined]])
  })
})

describe('the formula guard', () => {
  test.each(['=HYPERLINK("http://evil")', '@SUM(A1)', '+cmd|calc', '-2+3*A1', '\tx', '\rx', "'=x", "''@y", '+52 951 000 0000', '-96.7;-99.1'])('%j is guarded and read back unchanged', (cell) => {
    expect(needsGuard(cell)).toBe(true)
    expect(guardCell(cell)).toBe(`'${cell}`)
    expect(unguardCell(guardCell(cell))).toBe(cell)
  })

  test.each(['-60.6505388', '+3', '-1e-7', '17.07', 'plain text', "'t Hoekje", '', 'a=b', "'-60.65"])('%j is not a formula and is left alone', (cell) => {
    expect(needsGuard(cell)).toBe(false)
    expect(guardCell(cell)).toBe(cell)
    expect(unguardCell(cell)).toBe(cell)
  })
})

describe('the writer', () => {
  test('quotes cells with commas, quotes, newlines or edge spaces, doubles quotes, ends lines in CRLF', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', 'two\nlines', ' pad', ''])).toBe('a,"b,c","say ""hi""","two\nlines"," pad",\r\n')
  })

  test('guards formulas and opens files with a BOM', () => {
    expect(csvLine(['=1+1'])).toBe("'=1+1\r\n")
    expect(BOM).toBe('\ufeff')
  })

  test('typed cells read their type, or pass the text on for the schema to refuse', () => {
    expect(readCell('', 'text')).toBeUndefined()
    expect(readCell('17.0732', 'number')).toBe(17.0732)
    expect(readCell('-1e3', 'number')).toBe(-1000)
    expect(readCell('about 1990', 'number')).toBe('about 1990')
    expect(readCell('Yes', 'boolean')).toBe(true)
    expect(readCell('false', 'boolean')).toBe(false)
    expect(readCell('maybe', 'boolean')).toBe('maybe')
    expect(readCell('a;b', 'list')).toEqual(['a', 'b'])
    expect(writeCell([1.5, 'x;y'])).toBe('1.5;x\\;y')
    expect(writeCell(undefined)).toBe('')
  })
})
