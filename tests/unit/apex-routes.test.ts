import { actorIri, actorStreams, collectionInfoParser, INSTANCE_ACTOR_NAME } from '../../src/federation/apex-routes'

const base = 'https://tejido.test'
const parse = collectionInfoParser(base)

describe('apex IRI helpers for /actor and /orgs/SLUG', () => {
  test('actor IRIs and streams', () => {
    expect(actorIri(base, INSTANCE_ACTOR_NAME)).toBe(`${base}/actor`)
    expect(actorIri(base, 'red')).toBe(`${base}/orgs/red`)
    expect(actorStreams(base, 'red').followers).toBe(`${base}/orgs/red/followers`)
    expect(actorStreams(base, INSTANCE_ACTOR_NAME).inbox).toBe(`${base}/actor/inbox`)
  })

  test.each([
    [`${base}/actor/followers`, { name: 'followers', actor: INSTANCE_ACTOR_NAME }],
    [`${base}/orgs/red-tejida/outbox`, { name: 'outbox', actor: 'red-tejida' }],
    [`${base}/orgs/red/c/featured`, { name: 'collections', actor: 'red', id: 'featured' }],
    [`${base}/s/abc/likes`, { name: 'likes', activity: 'abc' }],
    [`${base}/orgs/red`, undefined],
    ['https://other.test/actor/followers', undefined],
    [`${base}/orgs/../actor/followers`, undefined]
  ])('%s', (iri, expected) => {
    expect(parse(iri)).toEqual(expected)
  })
})
