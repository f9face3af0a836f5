/** A lossy row's identifier (import-match.ts): the one it gives, else (no website) one derived from its name and place, stable and telling rows apart. */
import { derivedId, rowId } from '../../src/exchange/import-match'

test('the same name and place give the same identifier, whatever the case and spacing', () => {
  expect(derivedId(['Cooperativa  Uno', 'Oaxaca', 'MX'])).toBe(derivedId([' cooperativa uno', 'OAXACA ', 'mx']))
})

test('another name, place or order of cells gives another identifier', () => {
  const base = derivedId(['Uno', 'Oaxaca', 'MX'])
  expect(derivedId(['Dos', 'Oaxaca', 'MX'])).not.toBe(base)
  expect(derivedId(['Uno', 'Puebla', 'MX'])).not.toBe(base)
  expect(derivedId(['Uno', 'MX', 'Oaxaca'])).not.toBe(base)
  expect(derivedId(['Uno Oaxaca', '', 'MX'])).not.toBe(derivedId(['Uno', 'Oaxaca', 'MX'])) // cells are kept apart
})

test('a given identifier wins; a row with a website gets none made up', () => {
  expect(rowId('R-1', undefined, ['Uno'])).toBe('R-1')
  expect(rowId('', 'https://uno.example', ['Uno'])).toBeUndefined()
  expect(rowId(undefined, undefined, ['Uno'])).toBe(derivedId(['Uno']))
})
