import { ObjectId } from 'mongodb'
import { compareValues, valueKey, valuesAtPath, cloneValue } from '../../src/storage/embedded/values'
import { compileProjection } from '../../src/storage/embedded/projection'
import { sortDocs, normaliseSort } from '../../src/storage/embedded/sort'
import { seedFromFilter, parseUpdate } from '../../src/storage/embedded/update-ops'
import { equalityValues } from '../../src/storage/embedded/indexes'

describe('BSON order', () => {
  test('types order as MongoDB sorts them', () => {
    const oid = new ObjectId()
    const values = [new Date(0), true, oid, [1], { a: 1 }, 'a', 1, null]
    const sorted = [...values].sort(compareValues)
    expect(sorted).toEqual([null, 1, 'a', { a: 1 }, [1], oid, true, new Date(0)])
  })

  test('ObjectIds order by time, dates by instant, numbers numerically', () => {
    const a = new ObjectId('000000010000000000000000')
    const b = new ObjectId('000000020000000000000000')
    expect(compareValues(a, b)).toBeLessThan(0)
    expect(compareValues(new Date(2), new Date(1))).toBeGreaterThan(0)
    expect(compareValues(10, 9)).toBeGreaterThan(0)
    expect(compareValues('b', 'a')).toBeGreaterThan(0)
  })
})

describe('index keys', () => {
  test('equal values share a key; null and missing are one', () => {
    expect(valueKey(1)).toBe(valueKey(1.0))
    expect(valueKey(null)).toBe(valueKey(undefined))
    expect(valueKey(new ObjectId('0123456789abcdef01234567'))).toBe(valueKey(new ObjectId('0123456789abcdef01234567')))
    expect(valueKey('1')).not.toBe(valueKey(1))
    expect(valueKey({ a: 1, b: 2 })).not.toBe(valueKey({ b: 2, a: 1 }))
  })

  test.each([
    [{ a: 1 }, 'a', [1]],
    [{ a: { $eq: 'x' } }, 'a', ['x']],
    [{ a: { $in: [1, 2] } }, 'a', [1, 2]],
    [{ a: { $gt: 1 } }, 'a', null],
    [{ a: /x/ }, 'a', null],
    [{ a: [1, 2] }, 'a', null],
    [{ b: 1 }, 'a', null]
  ])('equalityValues(%j, %s)', (filter, field, expected) => {
    expect(equalityValues(filter, field)).toEqual(expected)
  })
})

describe('paths, clones, projections, sorts', () => {
  test('paths descend into arrays', () => {
    expect(valuesAtPath({ a: [{ b: 1 }, { b: 2 }, 3] }, 'a.b')).toEqual([1, 2])
    expect(valuesAtPath({ a: [5, 6] }, 'a.1')).toEqual([6])
    expect(valuesAtPath({}, 'a.b')).toEqual([])
  })

  test('clones keep ObjectId and Date', () => {
    const src = { _id: new ObjectId(), d: new Date(5), n: { list: [1, { x: 2 }] } }
    const copy = cloneValue(src)
    expect(copy).toEqual(src)
    expect(copy._id).toBeInstanceOf(ObjectId)
    expect(copy.n).not.toBe(src.n)
  })

  test('projection: inclusion, exclusion, nested through arrays, mixed refused', () => {
    const doc = () => ({ _id: 1, a: 1, b: { c: 2, d: 3 }, list: [{ x: 1, y: 2 }, 7] })
    expect(compileProjection({ a: 1 })(doc())).toEqual({ _id: 1, a: 1 })
    expect(compileProjection({ _id: 0, 'b.c': 1 })(doc())).toEqual({ b: { c: 2 } })
    expect(compileProjection({ 'list.x': 1, _id: 0 })(doc())).toEqual({ list: [{ x: 1 }] })
    expect(compileProjection({ 'list.y': 0, b: 0 })(doc())).toEqual({ _id: 1, a: 1, list: [{ x: 1 }, 7] })
    expect(() => compileProjection({ a: 1, b: 0 })).toThrow(/exclusion/)
  })

  test('sorts on several keys, arrays by min ascending and max descending', () => {
    const docs = [{ k: 2, t: [5, 1] }, { k: 1, t: [3] }, { k: 2, t: [0, 9] }]
    expect(sortDocs(docs, { k: 1, t: 1 }).map((d) => d.t)).toEqual([[3], [0, 9], [5, 1]])
    expect(sortDocs(docs, { t: -1 }).map((d) => d.k)).toEqual([2, 2, 1])
    expect(normaliseSort([['a', 'desc']])).toEqual({ a: -1 })
    expect(normaliseSort(['a', 1])).toEqual({ a: 1 })
    expect(() => normaliseSort({ a: 2 })).toThrow()
  })

  test('upserts seed from equalities only', () => {
    expect(seedFromFilter({ a: 1, 'b.c': 'x', d: { $gt: 1 }, e: { $eq: 2 }, $and: [{ f: 3 }], $or: [{ g: 1 }] })).toEqual({ a: 1, b: { c: 'x' }, e: 2, f: 3 })
  })

  test('update documents must be operators', () => {
    expect(() => parseUpdate({ a: 1 })).toThrow(/atomic operators/)
    expect(() => parseUpdate({})).toThrow()
    expect(() => parseUpdate([{ $set: { a: 1 } }])).toThrow(/pipeline/)
    expect(parseUpdate({ $set: { a: 1 }, $setOnInsert: { b: 1 } })).toEqual({ operators: { $set: { a: 1 } }, setOnInsert: { b: 1 } })
  })
})
