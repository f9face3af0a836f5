/**
 * The `murmurations` import format (issue 13): a file of organizations
 * profiles (our own export's, an array; or one profile) read back into
 * listings. A round trip of our export keeps exactly what the README's
 * Murmurations table says, and nothing else; importing it again changes
 * nothing (matched by externalIds.murmurations, the profile's primary_url);
 * a profile the schema refuses is a refused row.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { inputOf } from '../../src/directory/listing-service'

let from: TestInstance
let to: TestInstance

beforeAll(async () => {
  ;[from, to] = await Promise.all([composeInstance(), composeInstance()])
  expect((await from.tejido.listings.create(sampleListing({ icon: 'https://red-tejida.example/logo.png' }))).ok).toBe(true)
  expect((await from.tejido.listings.create({ slug: 'minima', name: 'Mínima', kind: 'collective' })).ok).toBe(true)
})
afterAll(async () => {
  await Promise.all([from?.close(), to?.close()])
})

const exported = async (): Promise<string> => (await request(from.tejido.app).get('/api/export?format=murmurations').set(from.auth).expect(200).buffer(true).parse((res, done) => {
  let text = ''
  res.on('data', (c: Buffer) => (text += c.toString()))
  res.on('end', () => done(null, text))
})).body as string
const post = (body: string) => request(to.tejido.app).post('/api/import?format=murmurations').set(to.auth).set('Content-Type', 'application/octet-stream').send(Buffer.from(body, 'utf8'))
const held = async (slug: string) => {
  const got = await to.tejido.listings.get(slug)
  if (!got.ok) throw new Error(`${slug} not imported`)
  return inputOf(got.value)
}

test('our export\'s profiles come back as listings keeping what the README table says, and only that', async () => {
  const first = await post(await exported()).expect(200)
  expect(first.body.created.sort()).toEqual(['minima', 'red-tejida'])
  expect(first.body.refused).toEqual([])
  // README "Murmurations" table: kept, changed and lost, field by field
  expect(await held('red-tejida')).toEqual({
    slug: 'red-tejida', // made from the name: a profile has no slug
    name: 'Red Tejida', // nameMap: lost (one name)
    summary: '<p>Worker-owned hosting and secure email.</p>', // plain text, in the default language; summaryMap lost
    kind: 'other', // not carried
    services: ['web-hosting', 'encrypted-email'], // their labels travel as tags
    tags: ['solidarity'],
    location: [{ address: 'Calle Falsa 123, Oaxaca, Oaxaca office', country: 'MX', latitude: 17.0732, longitude: -96.7266 }], // the first place; its name joins the address
    contact: { website: 'https://red-tejida.example', email: 'hola@red-tejida.example' }, // partners-only contacts (the phone) are never exported
    icon: 'https://red-tejida.example/logo.png',
    founded: 2015,
    externalIds: { murmurations: 'https://red-tejida.example' } // the profile's primary_url
  }) // languages, regionsServed, size, acceptingClients, pricing, networks, dataLicense, contactVisibility: lost
  // a listing with no site of its own: primary_url is its Tejido profile, which is no website
  expect(await held('minima')).toEqual({ slug: 'minima', name: 'Mínima', kind: 'other', externalIds: { murmurations: 'https://tejido.test/orgs/minima' } })
  const again = await post(await exported()).expect(200)
  expect(again.body).toMatchObject({ created: [], updated: [], unchanged: expect.arrayContaining(['red-tejida', 'minima']), refused: [] })
})

test('one profile alone is a file too; a profile the schema refuses is a refused row, the others go in', async () => {
  const one = { linked_schemas: ['organizations_schema-v1.0.0'], name: 'Cooperativa Sola', primary_url: 'https://sola.example', tags: ['Web hosting', 'worker co-op'], telephone: 'call us on weekdays', contact_details: { email: 'hola@sola.example' } }
  const res = await post(JSON.stringify(one)).expect(200)
  expect(res.body).toMatchObject({ created: ['cooperativa-sola'], refused: [] })
  // a phone the listing schema would refuse is left out, not the profile
  expect(await held('cooperativa-sola')).toMatchObject({ kind: 'worker-coop', services: ['web-hosting'], contact: { website: 'https://sola.example', email: 'hola@sola.example' } })
  expect((await held('cooperativa-sola')).contact).toEqual({ website: 'https://sola.example', email: 'hola@sola.example' })
  const broken = await post(JSON.stringify([{ ...one, primary_url: 'https://otra.example', name: 'Otra' }, { linked_schemas: ['organizations_schema-v1.0.0'], name: 'Sin', geolocation: { lat: 200, lon: 0 } }, { name: 'No schema' }])).expect(200)
  expect(broken.body.created).toEqual(['otra'])
  expect(broken.body.refused).toEqual([
    { row: 2, field: '(row)', message: expect.stringMatching(/^not a valid Murmurations profile: \/geolocation\/lat must be <= 90/) },
    { row: 3, field: '(row)', message: 'not a valid Murmurations profile: not an organizations_schema-v1.0.0 profile (its linked_schemas does not name it)' }
  ])
})
