/** Reading CSV (csv/read.ts): delimiter detection, header matching, spreadsheet row numbers, files refused whole. */
import { delimited, detectDelimiter, Header, readCsv, type CsvRecord } from '../../../src/exchange/csv/read'
import { isNumberText, needsGuard } from '../../../src/exchange/csv/cells'

async function all(text: string): Promise<{ header: readonly string[]; records: CsvRecord[] }> {
  const file = await readCsv(text)
  if (!file.ok) throw new Error(file.message)
  const records: CsvRecord[] = []
  for await (const r of file.records) records.push(r)
  return { header: file.header.names, records }
}

describe('the delimiter', () => {
  test.each([
    ['a,b,c\n1;2;3', ','],
    ['a;b;c\n1,2,3', ';'],
    ['a\tb\tc\n', '\t'],
    ['"x,y,z";b;c\n', ';'],
    ['"one\n,,,,";b\n', ';'],
    ['single\n', ','],
    ['a;b,c\n', ',']
  ])('of %j is %j (counted in the header line, outside quotes)', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter)
  })
})

test("Excel's sep= line names the delimiter and is no row", async () => {
  expect(delimited('sep=;\r\na,b;c\n')).toEqual({ body: 'a,b;c\n', delimiter: ';' })
  expect(delimited('sep=x;y\na;b\n')).toEqual({ body: 'sep=x;y\na;b\n', delimiter: ';' }) // names no delimiter we read: an ordinary header line
  const { header, records } = await all('sep=\t\nname\tkind\nA\tB\n')
  expect(header).toEqual(['name', 'kind'])
  expect(records).toEqual([{ row: 2, cells: ['A', 'B'] }])
})

describe('headers', () => {
  test('match ignoring case and surrounding spaces', () => {
    const header = new Header([' Name ', 'KIND', 'name:PT-br'])
    expect(header.has('name')).toBe(true)
    expect(header.cell(['  Red  ', 'collective'], 'kind')).toBe('collective')
    expect(header.cell(['x'], 'missing')).toBe('')
    expect(header.suffixed('Name')).toEqual([{ suffix: 'PT-br', index: 2 }])
  })
})

describe('records', () => {
  test('are numbered as a spreadsheet shows them: a quoted newline is no row, a blank line is one', async () => {
    const { header, records } = await all('name;note\r\n"A";"two\nlines and ""quotes"""\r\n\r\nB;x\r\n')
    expect(header).toEqual(['name', 'note'])
    expect(records).toEqual([
      { row: 2, cells: ['A', 'two\nlines and "quotes"'] },
      { row: 4, cells: ['B', 'x'] }
    ])
  })

  test('short rows and empty trailing columns are tolerated; a stray quote in a field is text', async () => {
    const { records } = await all('a,b,c,,\n1\n2,3,4,,,\n5,say "hi",6\n')
    expect(records.map((r) => r.cells)).toEqual([['1'], ['2', '3', '4', '', '', ''], ['5', 'say "hi"', '6']])
  })

  test('a quote that never closes refuses the file whole, naming the row', async () => {
    const file = await readCsv('a,b\n1,2\n3,"open\n4,5\n')
    expect(file.ok).toBe(false)
    expect(!file.ok && file.row).toBe(3)
    expect(!file.ok && file.message).toContain('quotes')
  })
})

test('a long run of digits is no plain number (the pattern backtracks linearly, and is never tried past 40 characters); numbers are numbers', () => {
  const long = `${'1'.repeat(200_000)}x`
  expect(isNumberText(long)).toBe(false)
  expect(needsGuard(`-${long}`)).toBe(true)
  for (const n of ['-60.65', '+3', '1e-7', '.5', '5.', '10']) expect(isNumberText(n)).toBe(true)
  for (const n of ['1.2.3', '--1', 'e5', '', '1 2']) expect(isNumberText(n)).toBe(false)
})
