import request from 'supertest'
import { composeInstance, sampleListing, PUBLIC_URL, type TestInstance } from '../support/instance'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
  await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'red-tejida' })).expect(201)
  await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'xss-name', name: '<img src=x onerror=alert(1)>', nameMap: undefined, location: [] })).expect(201)
})
afterAll(() => inst.close())

const app = () => request(inst.tejido.app)
const AP = 'application/activity+json'
const LD = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'

describe('listing actors', () => {
  test.each([AP, LD])('Accept %s gets the Organization actor', async (accept) => {
    const res = await app().get('/orgs/red-tejida').set('Accept', accept)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/activity\+json/)
    expect(res.headers.vary).toMatch(/Accept/)
    const actor = JSON.parse(res.text)
    const id = `${PUBLIC_URL}/orgs/red-tejida`
    expect(actor).toMatchObject({
      id, type: 'Organization', preferredUsername: 'red-tejida', name: 'Red Tejida',
      nameMap: { es: 'Red Tejida', en: 'Woven Network' },
      inbox: `${id}/inbox`, outbox: `${id}/outbox`, followers: `${id}/followers`, following: `${id}/following`,
      url: id, discoverable: true,
      publicKey: { id: `${id}#main-key`, owner: id },
      location: [{ type: 'Place', name: 'Oaxaca office', address: 'Calle Falsa 123, Oaxaca', latitude: 17.0732, longitude: -96.7266 }],
      kind: 'worker-coop', essglobalForm: 'http://purl.org/essglobal/standard/organisational-structure/OS60',
      services: ['web-hosting', 'encrypted-email'], languagesServed: ['es', 'en']
    })
    expect(actor.publicKey.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/)
    expect(actor['@context'][0]).toBe('https://www.w3.org/ns/activitystreams')
    expect(typeof actor['@context'][2]).toBe('object') // Tejido's context, inlined
    const names = actor.attachment.map((a: { type: string; name: string }) => `${a.type}:${a.name}`)
    expect(names).toEqual(['PropertyValue:Website', 'PropertyValue:Email'])
    expect(JSON.stringify(actor)).not.toContain('+52 951') // partner-only phone stays private
    expect(JSON.stringify(actor)).not.toContain('PRIVATE KEY')
  })

  test('the key is stable across fetches', async () => {
    const a = JSON.parse((await app().get('/orgs/red-tejida').set('Accept', AP)).text)
    const b = JSON.parse((await app().get('/orgs/red-tejida').set('Accept', AP)).text)
    expect(a.publicKey.publicKeyPem).toBe(b.publicKey.publicKeyPem)
  })

  test('a browser gets the HTML profile, every value escaped', async () => {
    const res = await app().get('/orgs/red-tejida').set('Accept', 'text/html,application/xhtml+xml,*/*;q=0.8')
    expect(res.status).toBe(200)
    expect(res.type).toBe('text/html')
    expect(res.text).toContain('<h1 itemprop="name" lang="en">Woven Network</h1>')
    expect(res.text).toContain('Web hosting')
    const xss = await app().get('/orgs/xss-name').set('Accept', 'text/html')
    expect(xss.text).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(xss.text).not.toContain('<img src=x')
  })

  test('labels follow the reader\'s language', async () => {
    const res = await app().get('/orgs/red-tejida').set('Accept', 'text/html').set('Accept-Language', 'es-MX,es;q=0.9')
    expect(res.text).toContain('Alojamiento web')
    expect(res.text).toContain('Alojamiento y correo seguro')
    expect(res.text).toContain('lang="es"')
  })

  test('unknown, deleted and unapproved listings are not served', async () => {
    expect((await app().get('/orgs/nobody').set('Accept', AP)).status).toBe(404)
    await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'short-lived' })).expect(201)
    await app().delete('/api/listings/short-lived').set(inst.auth).expect(204)
    expect((await app().get('/orgs/short-lived').set('Accept', AP)).status).toBe(410)
    await inst.tejido.listings.create(sampleListing({ slug: 'waiting' }), 'pending')
    expect((await app().get('/orgs/waiting').set('Accept', AP)).status).toBe(404)
    expect((await app().get('/.well-known/webfinger?resource=acct:waiting@tejido.test')).status).toBe(404)
  })

  test('apex serves the listing\'s collections', async () => {
    await inst.tejido.bridge.idle()
    const res = await app().get('/orgs/red-tejida/followers').set('Accept', AP)
    expect(res.status).toBe(200)
    expect(JSON.parse(res.text)).toMatchObject({ id: `${PUBLIC_URL}/orgs/red-tejida/followers`, type: 'OrderedCollection', totalItems: 0 })
    const outbox = await app().get('/orgs/red-tejida/outbox').set('Accept', AP)
    expect(JSON.parse(outbox.text)).toMatchObject({ type: 'OrderedCollection' })
  })
})

describe('the instance actor and discovery', () => {
  test('/actor is an Application with a key', async () => {
    const res = await app().get('/actor').set('Accept', AP)
    const actor = JSON.parse(res.text)
    expect(actor).toMatchObject({ id: `${PUBLIC_URL}/actor`, type: 'Application', preferredUsername: 'tejido.test', inbox: `${PUBLIC_URL}/actor/inbox` })
    expect(actor.publicKey.owner).toBe(`${PUBLIC_URL}/actor`)
    expect((await app().get('/actor').set('Accept', 'text/html')).status).toBe(303)
  })

  test.each([
    ['acct:red-tejida@tejido.test', `${PUBLIC_URL}/orgs/red-tejida`, 'acct:red-tejida@tejido.test'],
    ['acct:@red-tejida@tejido.test', `${PUBLIC_URL}/orgs/red-tejida`, 'acct:red-tejida@tejido.test'],
    [`${PUBLIC_URL}/orgs/red-tejida`, `${PUBLIC_URL}/orgs/red-tejida`, 'acct:red-tejida@tejido.test'],
    ['acct:tejido.test@tejido.test', `${PUBLIC_URL}/actor`, 'acct:tejido.test@tejido.test'],
    [`${PUBLIC_URL}/`, `${PUBLIC_URL}/actor`, `${PUBLIC_URL}/`]
  ])('WebFinger %s', async (resource, href, subject) => {
    const res = await app().get('/.well-known/webfinger').query({ resource })
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^application\/jrd\+json/)
    const jrd = JSON.parse(res.text)
    expect(jrd.subject).toBe(subject)
    expect(jrd.links).toContainEqual({ rel: 'self', type: 'application/activity+json', href })
  })

  test.each([
    ['acct:nobody@tejido.test', 404],
    ['acct:red-tejida@elsewhere.test', 404],
    ['https://elsewhere.test/orgs/red-tejida', 404],
    ['', 400]
  ])('WebFinger refuses %s', async (resource, status) => {
    expect((await app().get('/.well-known/webfinger').query({ resource })).status).toBe(status)
  })

  test('NodeInfo links the instance actor (FEP-2677) and counts listings', async () => {
    const wk = await app().get('/.well-known/nodeinfo')
    expect(wk.body.links).toContainEqual({ rel: 'https://www.w3.org/ns/activitystreams#Application', href: `${PUBLIC_URL}/actor` })
    expect(wk.body.links).toContainEqual({ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.1', href: `${PUBLIC_URL}/nodeinfo/2.1` })
    const ni = JSON.parse((await app().get('/nodeinfo/2.1')).text)
    expect(ni).toMatchObject({ version: '2.1', software: { name: 'tejido' }, protocols: ['activitypub'], metadata: { instanceActor: `${PUBLIC_URL}/actor` } })
    expect(ni.usage.users.total).toBeGreaterThanOrEqual(2)
    expect((await app().get('/nodeinfo/1.0')).status).toBe(404)
  })

  test('the JSON-LD context is served', async () => {
    const res = await app().get('/ns/tejido/v1')
    expect(JSON.parse(res.text)['@context'].schema).toBe('http://schema.org#')
  })

  test('the services vocabulary is public', async () => {
    const res = await app().get('/api/vocabulary/services')
    expect(res.body.services.length).toBeGreaterThanOrEqual(40)
    for (const s of res.body.services) expect(Object.keys(s.labels).sort()).toEqual(['en', 'es', 'fr', 'pt'])
  })
})

describe('operations', () => {
  test('health, readiness and metrics', async () => {
    expect((await app().get('/healthz')).body).toEqual({ status: 'ok' })
    expect((await app().get('/readyz')).body).toEqual({ status: 'ready' })
    const metrics = await app().get('/metrics')
    expect(metrics.text).toContain('tejido_http_requests_total')
  })

  test('unknown paths get problem+json', async () => {
    const res = await app().get('/nothing/here')
    expect(res.status).toBe(404)
    expect(res.type).toBe('application/problem+json')
  })
})
