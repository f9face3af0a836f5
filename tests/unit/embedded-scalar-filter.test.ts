/** The embedded store's fast path for scalar equality filters answers as mingo (MongoDB's rules) does. */
import { Query } from 'mingo/query'
import { Context } from 'mingo/core'
import * as queryOperators from 'mingo/operators/query'
import { compileFilter } from '../../src/storage/embedded/matcher'

const context = Context.init().addQueryOps(queryOperators)
const mingo = (filter: object) => new Query(filter, { context })

const docs = [
  { origin: 'https://a.example', slug: 'telar', version: 1, example: true },
  { origin: 'https://a.example', slug: 'mare', version: 2, tags: ['mail', 'web'] },
  { origin: 'https://b.example', slug: 'telar', version: 1.0, example: false, nested: { slug: 'telar' } },
  { origin: 'https://b.example', slug: ['telar', 'x'], version: '1' },
  { slug: null, version: 0 }
]

const filters = [
  { origin: 'https://a.example' },
  { origin: 'https://a.example', slug: 'telar' },
  { slug: 'telar' },
  { version: 1 },
  { version: '1' },
  { example: true },
  { example: false },
  { tags: 'mail' },
  { tags: 'nope' },
  { origin: 'https://c.example' },
  { version: 0 }
]

test.each(filters)('%j matches the same documents as mingo', (filter) => {
  const ours = docs.filter((d) => compileFilter(filter).test(d))
  const theirs = docs.filter((d) => mingo(filter).test(d))
  expect(ours).toEqual(theirs)
})

test('filters with operators, dotted paths, null or objects still go to mingo', () => {
  expect(docs.filter((d) => compileFilter({ 'nested.slug': 'telar' }).test(d))).toHaveLength(1)
  expect(docs.filter((d) => compileFilter({ version: { $gte: 1 } }).test(d))).toHaveLength(3)
  expect(docs.filter((d) => compileFilter({ slug: null }).test(d))).toEqual(docs.filter((d) => mingo({ slug: null }).test(d)))
  expect(() => compileFilter({ version: { $bogus: 1 } })).toThrow()
})
