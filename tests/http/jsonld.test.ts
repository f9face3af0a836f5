/**
 * The `jsonld` export and GET /essglobal/SLUG.jsonld (issue 13): JSON-LD
 * with ESSGLOBAL terms, in the shape DigitalCommons/se-open-data publishes.
 * Read by the `jsonld` library (installed here with activitypub-express)
 * with a document loader that refuses every fetch, so the inline context
 * alone must resolve each term: the expanded document is checked against
 * the IRIs of the ESSGLOBAL vocabularies in ../shared/vocab/essglobal
 * (xml:base + rdf:about). Only public contacts; 410 once withdrawn, 404
 * while pending.
 */
import fs from 'node:fs'
import path from 'node:path'
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'

interface JsonLd { expand(doc: unknown, options: { documentLoader: (url: string) => Promise<never> }): Promise<Array<Record<string, unknown>>> }
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the library ships no types; this is the one call the test needs
const jsonld = require('jsonld') as JsonLd

const VOCAB = path.join(__dirname, '..', '..', '..', 'shared', 'vocab', 'essglobal')
/** Every concept IRI a vocabulary file defines. */
function concepts(file: string): Set<string> {
  const text = fs.readFileSync(path.join(VOCAB, file), 'utf8')
  const base = /xml:base="([^"]+)"/.exec(text)?.[1] ?? ''
  return new Set([...text.matchAll(/<skos:Concept rdf:about="([^"]+)"/g)].map((m) => `${base}${m[1]}`))
}
const offline = (url: string): Promise<never> => Promise.reject(new Error(`no fetch: ${url}`))

const ESS = 'http://purl.org/essglobal/vocab/'
const VCARD = 'http://www.w3.org/2006/vcard/ns#'
const GEO = 'http://www.w3.org/2003/01/geo/wgs84_pos#'
const KNOWN = [ESS, VCARD, GEO, 'http://purl.org/goodrelations/v1#', 'http://purl.org/dc/terms/', 'http://xmlns.com/foaf/0.1/', 'https://tejido.coop/ns/v1#']

let inst: TestInstance
const app = () => request(inst.tejido.app)
beforeAll(async () => {
  inst = await composeInstance()
  await app().post('/api/listings').set(inst.auth).send(sampleListing({ services: ['web-hosting', 'technical-training', 'tech-consulting'], contactVisibility: { email: 'partners' } })).expect(201)
  await app().post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'otra', name: 'Otra', kind: 'collective', location: [], dataLicense: 'CC-BY-SA-4.0' })).expect(201)
  await inst.tejido.listings.create(sampleListing({ slug: 'en-espera' }), 'pending')
})
afterAll(() => inst?.close())

/** Every property IRI used anywhere in an expanded document. */
function properties(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => properties(n, found))
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (!key.startsWith('@')) found.add(key)
      properties(value, found)
    }
  }
  return found
}

test('a listing\'s document expands offline to ESSGLOBAL, vCard and WGS84 terms, with concepts from the vocabularies', async () => {
  const res = await app().get('/essglobal/red-tejida.jsonld').expect(200)
  expect(res.headers['content-type']).toMatch(/^application\/ld\+json/)
  const doc = JSON.parse(res.text) as Record<string, unknown>
  const [node] = await jsonld.expand(doc, { documentLoader: offline })
  if (!node) throw new Error('nothing expanded')
  expect(node['@id']).toBe('https://tejido.test/orgs/red-tejida')
  expect(node['@type']).toEqual([`${ESS}SSEInitiative`])
  for (const iri of properties(node)) expect(KNOWN.some((ns) => iri.startsWith(ns))).toBe(true)
  const ids = (key: string) => (node[key] as Array<{ '@id': string }>).map((v) => v['@id'])
  expect(ids(`${ESS}organisationalStructure`)).toEqual(['http://purl.org/essglobal/standard/organisational-structure/OS60'])
  expect(concepts('organisational-structure.skos').has(ids(`${ESS}organisationalStructure`)[0] as string)).toBe(true)
  expect(concepts('legal-form.skos').has(ids(`${ESS}legalForm`)[0] as string)).toBe(true)
  // technical training is education, tech consulting professional; web hosting has no ICA activity
  const sectors = ids(`${ESS}economicSector`)
  expect(sectors.sort()).toEqual(['http://purl.org/essglobal/standard/activities-ica/ICA110', 'http://purl.org/essglobal/standard/activities-ica/ICA160'])
  for (const s of sectors) expect(concepts('activities-ica.skos').has(s)).toBe(true)
  const [address] = node[`${ESS}hasAddress`] as Array<Record<string, Array<Record<string, string>>>>
  expect(address?.['@type']).toEqual([`${ESS}Address`])
  expect(address?.[`${GEO}lat`]).toEqual([{ '@value': '17.0732', '@type': 'http://www.w3.org/2001/XMLSchema#decimal' }])
  expect(address?.[`${GEO}long`]?.[0]?.['@value']).toBe('-96.7266')
  expect(address?.[`${VCARD}street-address`]).toEqual([{ '@value': 'Calle Falsa 123, Oaxaca' }])
  expect(address?.[`${VCARD}country-name`]).toEqual([{ '@value': 'MX' }])
  const names = node['http://purl.org/goodrelations/v1#name'] as Array<{ '@value': string; '@language': string }>
  expect(names).toEqual(expect.arrayContaining([{ '@value': 'Woven Network', '@language': 'en' }, { '@value': 'Red Tejida', '@language': 'es' }]))
  expect(ids('http://xmlns.com/foaf/0.1/homepage')).toEqual(['https://red-tejida.example'])
  expect(ids('http://purl.org/dc/terms/license')).toEqual(['https://creativecommons.org/publicdomain/zero/1.0/'])
  // the email is for partners only here: not in the open data; the phone is public
  expect(node[`${VCARD}hasEmail`]).toBeUndefined()
  expect(node[`${VCARD}hasTelephone`]).toEqual([{ '@id': 'https://tejido.test/orgs/red-tejida#Telephone', [`${VCARD}value`]: [{ '@value': '+52 951 000 0000' }] }])
})

test('the export is one streamed graph of every published listing, and expands offline', async () => {
  const res = await app().get('/api/export?format=jsonld').expect(200)
  expect(res.headers['content-type']).toMatch(/^application\/ld\+json/)
  expect(res.headers['content-disposition']).toBe('attachment; filename="tejido.jsonld"')
  expect(res.text.startsWith('{"@context":{"essglobal":"http://purl.org/essglobal/vocab/"')).toBe(true)
  const doc = JSON.parse(res.text) as { '@graph': Array<{ '@id': string }> }
  expect(doc['@graph'].map((n) => n['@id']).sort()).toEqual(['https://tejido.test/orgs/otra', 'https://tejido.test/orgs/red-tejida'])
  const expanded = await jsonld.expand(doc, { documentLoader: offline })
  expect(expanded).toHaveLength(2)
  const otra = expanded.find((n) => n['@id'] === 'https://tejido.test/orgs/otra') as Record<string, Array<{ '@id': string }>>
  expect(otra[`${ESS}organisationalStructure`]?.[0]?.['@id']).toBe('http://purl.org/essglobal/standard/organisational-structure/OS10')
  expect(otra['http://purl.org/dc/terms/license']?.[0]?.['@id']).toBe('https://creativecommons.org/licenses/by-sa/4.0/')
  expect(otra[`${ESS}hasAddress`]).toBeUndefined()
})

test('410 once withdrawn or deleted, 404 while pending or unknown; the profile links it', async () => {
  await app().get('/essglobal/en-espera.jsonld').expect(404)
  await app().get('/essglobal/nadie.jsonld').expect(404)
  const page = await app().get('/orgs/red-tejida').set('Accept', 'text/html').expect(200)
  expect(page.text).toContain('href="/essglobal/red-tejida.jsonld"')
  await app().delete('/api/listings/otra').set(inst.auth).expect(204)
  await app().get('/essglobal/otra.jsonld').expect(410)
})
