/** Matching import rows to listings (issue 13): external id, then slug, then — for rows without one — website; fresh slugs from names. */
import { websiteKey } from '../../src/exchange/website-key'
import { ImportMatcher } from '../../src/exchange/import-match'
import type { Listing } from '../../src/directory/listing'
import { err, ok } from '../../src/directory/result'

test('a website key ignores scheme, www, case, trailing slashes, query and fragment, but keeps the path', () => {
  expect(websiteKey('https://www.Example.coop/')).toBe('example.coop')
  expect(websiteKey('example.coop')).toBe('example.coop')
  expect(websiteKey('http://example.coop:80/?utm=x#top')).toBe('example.coop')
  expect(websiteKey('https://example.org/coop-a/')).toBe('example.org/coop-a')
  expect(websiteKey('https://example.org/coop-a')).not.toBe(websiteKey('https://example.org/coop-b'))
  expect(websiteKey('mailto:a@example.coop')).toBeUndefined()
  expect(websiteKey('not a site')).toBeUndefined()
  expect(websiteKey(42)).toBeUndefined()
})

const held = [
  { slug: 'telar', externalIds: { 'sea-csv': 'R000001' }, contact: { website: 'https://telar.example' } },
  { slug: 'mare', contact: { website: 'https://www.mare.example/' } }
] as unknown as Listing[]

const service = (deleted: string[] = []) => ({
  origin: 'https://here.example',
  all: async function* () {
    yield* held
  },
  get: async (slug: string) => {
    const found = held.find((l) => l.slug === slug)
    if (found) return ok(found)
    return err({ kind: deleted.includes(slug) ? ('gone' as const) : ('not-found' as const), what: slug })
  }
})

test('a row is matched by its external id first, then its own slug, then (without a slug) its website', async () => {
  const matcher = await ImportMatcher.of(service() as never)
  expect(matcher.existing({ name: 'X', externalIds: { 'sea-csv': 'R000001' }, contact: { website: 'https://mare.example' } })).toBe('telar')
  expect(matcher.existing({ slug: 'mare', name: 'X' })).toBe('mare')
  expect(matcher.existing({ slug: 'other', contact: { website: 'https://telar.example' } })).toBeUndefined()
  expect(matcher.existing({ name: 'Mare', contact: { website: 'mare.example' } })).toBe('mare')
  expect(matcher.existing({ name: 'New', externalIds: { 'kvm-csv': 'abc' } })).toBeUndefined()
})

test('a fresh slug comes from the name and skips held, deleted and already given slugs; rows remembered are found', async () => {
  const matcher = await ImportMatcher.of(service(['cosecha']) as never)
  expect(await matcher.freshSlug('Telar')).toBe('telar-2')
  expect(await matcher.freshSlug('Telar')).toBe('telar-3')
  expect(await matcher.freshSlug('Cosecha')).toBe('cosecha-2')
  expect(await matcher.freshSlug('Código Común')).toBe('codigo-comun')
  matcher.remember({ slug: 'nueva', externalIds: { 'kvm-csv': 'k1' } })
  expect(matcher.existing({ name: 'Nueva', externalIds: { 'kvm-csv': 'k1' } })).toBe('nueva')
})
