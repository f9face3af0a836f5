/**
 * A peer's Organization actor as the directory's MirrorInput: the id checked
 * against the origin before anything else, the fields mapped and validated,
 * the dates read (absent or unparseable ones left for the service's clock),
 * and entities in a website link decoded once.
 */
import { toMirrorInput } from '../../src/federation/mirror-mapping'
import { isOnOrigin } from '../../src/directory/mirror-service'
import { unescapeHtml } from '../../src/support/escape-html'

const origin = 'https://peer.test'
const target = { origin, via: 'delivery' as const, moderation: 'pending' as const }
const actor = (extra: Record<string, unknown> = {}) => ({
  id: `${origin}/orgs/telar`, type: 'Organization', preferredUsername: 'telar', name: 'Telar', kind: 'worker-coop',
  published: '2026-01-01T00:00:00Z', updated: '2026-02-01T00:00:00Z', ...extra
})

describe('toMirrorInput', () => {
  test('maps and validates an actor on its origin', () => {
    const r = toMirrorInput(actor(), target)
    expect(r).toEqual({
      ok: true,
      value: { ...target, id: `${origin}/orgs/telar`, listing: { slug: 'telar', name: 'Telar', kind: 'worker-coop' }, published: new Date('2026-01-01T00:00:00Z'), updated: new Date('2026-02-01T00:00:00Z') }
    })
  })

  test.each([
    ['another origin', { id: 'https://elsewhere.test/orgs/telar' }],
    ['the bare origin', { id: origin }],
    ['no id', { id: undefined }],
    // the id is checked first: a listing on another origin is refused for that, whatever else is wrong
    ['another origin and no name', { id: 'https://elsewhere.test/orgs/telar', name: undefined }]
  ])('refuses %s as an invalid id', (_label, extra) => {
    expect(toMirrorInput(actor(extra), target)).toEqual({ ok: false, error: { kind: 'invalid', errors: [{ field: 'id', message: `must be on ${origin}` }] } })
  })

  test('reports the fields that do not validate', () => {
    const r = toMirrorInput(actor({ name: undefined, preferredUsername: 'Not A Slug!' }), target)
    expect(r.ok ? [] : r.error.kind === 'invalid' ? r.error.errors.map((e) => e.field).sort() : r.error.kind).toEqual(['name', 'slug'])
  })

  test('leaves out dates that are absent or unparseable', () => {
    const r = toMirrorInput(actor({ published: 'yesterday', updated: undefined }), target)
    expect(r.ok && [r.value.published, r.value.updated]).toEqual([undefined, undefined])
  })

  test('decodes a website link once', () => {
    const r = toMirrorInput(actor({ attachment: [{ type: 'PropertyValue', name: 'Website', value: '<a href="https://telar.test/?a=1&amp;b=2">telar.test</a>' }] }), target)
    expect(r.ok && r.value.listing.contact?.website).toBe('https://telar.test/?a=1&b=2')
  })
})

test('a mirror lives on its origin', () => {
  expect(isOnOrigin(`${origin}/orgs/telar`, origin)).toBe(true)
  expect(isOnOrigin(origin, origin)).toBe(false)
  expect(isOnOrigin('https://peer.test.evil/orgs/telar', origin)).toBe(false)
})

test.each([
  ['a &amp; b', 'a & b'],
  ['&lt;p&gt; &quot;q&quot; &#39;s&#39;', '<p> "q" \'s\''],
  ['&amp;lt; stays one level', '&lt; stays one level'],
  ['&copy; is not one of ours', '&copy; is not one of ours'],
  ['no entities', 'no entities']
])('unescapeHtml(%j)', (html, text) => {
  expect(unescapeHtml(html)).toBe(text)
})
