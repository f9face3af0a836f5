import { validateListing, mergePatch, sanitizeSummary } from '../../src/directory/validate'
import { listingToActor, instanceActor, publicContact } from '../../src/federation/actor-mapping'
import { demoListings } from '../../src/directory/demo/demo-data'
import { SERVICES, KINDS } from '../../src/directory/vocabulary'
import type { Listing } from '../../src/directory/listing'
import schema from '../../schemas/listing.schema.json'

const base: Listing = {
  slug: 'telar', name: 'Telar', kind: 'worker-coop', id: 'https://t.test/orgs/telar', origin: 'https://t.test',
  published: new Date('2026-01-01T00:00:00Z'), updated: new Date('2026-02-01T00:00:00Z'), moderation: 'approved', version: 3,
  provenance: { origin: 'https://t.test', via: 'local', firstSeen: new Date(0), lastVerified: new Date(0) }
}

describe('validation', () => {
  test('read-only fields are ignored on input', () => {
    const r = validateListing({ slug: 'a', name: 'A', kind: 'other', id: 'https://evil/x', origin: 'https://evil', moderation: 'approved', version: 99 })
    expect(r).toEqual({ ok: true, value: { slug: 'a', name: 'A', kind: 'other' } })
  })

  test('every error is reported, with field names', () => {
    const r = validateListing({ slug: 'A B', kind: 'x', location: [{ latitude: 91 }] })
    expect(r.ok).toBe(false)
    const fields = r.ok ? [] : r.error.map((e) => e.field).sort()
    expect(fields).toEqual(['kind', 'location.0.latitude', 'location.0.longitude', 'name', 'slug'])
  })

  test('summaries keep safe HTML only', () => {
    expect(sanitizeSummary('<p style="x">a<img src=x onerror=y><script>z</script></p>')).toBe('<p>a</p>')
  })

  // Simple, balanced markup skips sanitize-html; everything else goes through it.
  test.each([
    ['  <p>Hosting <strong>and</strong> email</p>  ', '<p>Hosting <strong>and</strong> email</p>'],
    ['<ul><li>a</li><li>b</li></ul>', '<ul><li>a</li><li>b</li></ul>'],
    ['<p>unclosed', '<p>unclosed</p>'],
    ['</p>stray close', '<p></p>stray close'],
    ['<P>Upper</P>', '<p>Upper</p>'],
    ['<p>x<br>y</p>', '<p>x<br />y</p>'],
    ['<p>a & b</p>', '<p>a &amp; b</p>'],
    ['<p><em>mis</p></em>', '<p><em>mis</em></p>'],
    ['<p onclick="x()">hi</p>', '<p>hi</p>']
  ])('sanitizes %j to %j', (input, expected) => {
    expect(sanitizeSummary(input)).toBe(expected)
  })

  test('merge patch: null removes, objects merge, arrays replace', () => {
    expect(mergePatch({ a: 1, b: { c: 1, d: 2 }, e: [1, 2] }, { a: null, b: { d: null, f: 3 }, e: [3] })).toEqual({ b: { c: 1, f: 3 }, e: [3] })
  })

  test('every kind in the schema is mapped to ESSGLOBAL (but "other")', () => {
    expect(KINDS.map((k) => k.id).sort()).toEqual([...schema.properties.kind.enum].sort())
    for (const kind of KINDS.filter((k) => k.id !== 'other')) {
      expect(kind.essglobal?.organisationalStructure).toMatch(/^http:\/\/purl\.org\/essglobal\/standard\/organisational-structure\/OS\d+$/)
    }
  })

  test('the services vocabulary has at least 40 unique ids, each labelled in four languages', () => {
    expect(SERVICES.length).toBeGreaterThanOrEqual(40)
    expect(new Set(SERVICES.map((s) => s.id)).size).toBe(SERVICES.length)
    for (const s of SERVICES) for (const lang of ['en', 'es', 'fr', 'pt']) expect(s.labels[lang as 'en']).toBeTruthy()
  })
})

describe('listing → Organization actor', () => {
  test('minimal listing', () => {
    const actor = listingToActor(base, { publicKeyPem: 'PEM' }, 'https://t.test/actor')
    expect(actor).toMatchObject({
      id: base.id, type: 'Organization', preferredUsername: 'telar', name: 'Telar', summary: '', url: base.id,
      publicKey: { id: `${base.id}#main-key`, owner: base.id, publicKeyPem: 'PEM' },
      endpoints: { sharedInbox: 'https://t.test/actor/inbox' },
      published: '2026-01-01T00:00:00.000Z', updated: '2026-02-01T00:00:00.000Z', attachment: [], location: []
    })
    expect(actor.icon).toBeUndefined()
  })

  test('contact: public fields become PropertyValues, partner-only fields stay out', () => {
    const listing: Listing = {
      ...base,
      contact: { website: 'https://telar.example/"x', email: 'a@telar.example', phone: '+1 555 0100' },
      contactVisibility: { email: 'partners' }, icon: 'https://telar.example/logo.png', dataLicense: 'CC-BY-SA-4.0'
    }
    expect(publicContact(listing)).toEqual({ website: 'https://telar.example/"x', phone: '+1 555 0100' })
    const actor = listingToActor(listing, { publicKeyPem: 'PEM' }, 'https://t.test/actor')
    expect(actor.attachment).toEqual([
      { type: 'PropertyValue', name: 'Website', value: '<a href="https://telar.example/&quot;x" rel="me nofollow noopener noreferrer" target="_blank">telar.example/&quot;x</a>' },
      { type: 'PropertyValue', name: 'Phone', value: '+1 555 0100' }
    ])
    expect(JSON.stringify(actor)).not.toContain('a@telar.example')
    expect(actor.icon).toEqual({ type: 'Image', url: 'https://telar.example/logo.png' })
    expect(actor.dataLicense).toBe('https://creativecommons.org/licenses/by-sa/4.0/')
  })

  test('instance actor', () => {
    const actor = instanceActor({ id: 'https://t.test/actor', host: 't.test', name: 'T', publicUrl: 'https://t.test' }, { publicKeyPem: 'PEM' })
    expect(actor).toMatchObject({ type: 'Application', preferredUsername: 't.test', inbox: 'https://t.test/actor/inbox', manuallyApprovesFollowers: true })
  })
})

describe('demo data', () => {
  const demo = demoListings(320)

  test('is valid, unique, fictional and deterministic', () => {
    expect(demo.length).toBeGreaterThanOrEqual(300)
    expect(new Set(demo.map((l) => l.slug)).size).toBe(demo.length)
    for (const l of demo) {
      expect(validateListing(l)).toMatchObject({ ok: true })
      expect(l.example).toBe(true)
      expect(l.tags).toContain('example-data')
    }
    expect(demoListings(320)).toEqual(demo)
  })

  test('uses every service, spans three continents and several languages', () => {
    const used = new Set(demo.flatMap((l) => l.services ?? []))
    expect(SERVICES.filter((s) => !used.has(s.id))).toEqual([])
    const lngs = demo.flatMap((l) => l.location ?? []).map((p) => ({ lat: p.latitude, lng: p.longitude }))
    expect(lngs.some((p) => p.lng < -30)).toBe(true) // the Americas
    expect(lngs.some((p) => p.lng > -30 && p.lat > 36)).toBe(true) // Europe
    expect(lngs.some((p) => p.lng > -20 && p.lat < 30)).toBe(true) // Africa
    const languages = new Set(demo.flatMap((l) => l.languages ?? []))
    for (const lang of ['es', 'pt', 'fr', 'en', 'de', 'sw', 'ar']) expect(languages).toContain(lang)
  })
})
