/** The mapping tables of the lossy CSV formats (exchange/mapping/): ESSGLOBAL structures and activities, Karte von Morgen categories and tags. */
import { activityOf, kindOfStructure, serviceTerm, structureOfKind } from '../../../src/exchange/mapping/sea-mapping'
import { codeIn, ORGANISATIONAL_STRUCTURES, termCode } from '../../../src/exchange/mapping/essglobal-terms'
import { KVM_TAG_SERVICES, kindOfCategories, servicesOfTags } from '../../../src/exchange/mapping/kvm-mapping'
import { countryCode, websiteOf } from '../../../src/exchange/csv/foreign-cells'
import { isServiceId, KINDS } from '../../../src/directory/vocabulary'

const OS = 'http://purl.org/essglobal/standard/organisational-structure/'

describe('ESSGLOBAL organisational structure ↔ kind', () => {
  test.each([
    [`${OS}OS60`, 'worker-coop'],
    ['os:OS100', 'multi-stakeholder-coop'],
    ['OS80', 'consumer-coop'],
    ['os10', 'collective'],
    ['OS20', 'non-profit'],
    ['OS160', 'informal-group'],
    ['OS40', 'non-profit'],
    ['OS70', 'consumer-coop'],
    ['Workers co-operative', 'worker-coop'],
    ['consumer/user coop', 'consumer-coop']
  ])('%s is %s', (term, kind) => {
    expect(kindOfStructure(term)).toEqual({ kind })
  })

  test.each([
    ['OS115', 'Co-operative'],
    ['Co-operative', 'Co-operative'],
    ['OS130', 'OS130'], // its label is longer than a tag may be
    ['Genossenschaft', 'Genossenschaft']
  ])('%s is other, kept as the tag %s', (term, tag) => {
    expect(kindOfStructure(term)).toEqual({ kind: 'other', tag })
  })

  test('an empty cell is other, with no tag', () => {
    expect(kindOfStructure('  ')).toEqual({ kind: 'other' })
  })

  test('every kind with an ESSGLOBAL term (legal-forms.json) exports it and reads back as itself', () => {
    for (const kind of KINDS) {
      const uri = structureOfKind(kind.id)
      expect(uri).toBe(kind.essglobal?.organisationalStructure ?? '')
      expect(kindOfStructure(uri).kind).toBe(kind.id)
    }
  })

  test('terms are read by their last segment or their label', () => {
    expect(termCode(`${OS}OS60`)).toBe('OS60')
    expect(termCode('essglobal:OS60')).toBe('OS60')
    expect(codeIn(ORGANISATIONAL_STRUCTURES, 'Not-for-profit organisation')).toBe('OS20')
    expect(codeIn(ORGANISATIONAL_STRUCTURES, 'nothing')).toBeUndefined()
  })
})

describe('activities ↔ services and tags', () => {
  test.each([
    [serviceTerm('email-hosting'), { service: 'email-hosting' }],
    ['web-hosting', { service: 'web-hosting' }],
    ['https://w3id.solidarityeconomy.coop/essglobal/V2a/standard/activities-modified/AM20', { tag: 'Campaigning, Activism & Advocacy' }],
    ['ICA160', { tag: 'Education' }],
    ['Housing', { tag: 'Housing' }],
    ['Bicycle repair', { tag: 'Bicycle repair' }]
  ])('%s is %j', (term, mapped) => {
    expect(activityOf(term)).toEqual(mapped)
  })

  test('Tejido service terms are the vocabulary URI and the id', () => {
    expect(serviceTerm('vpn')).toBe('https://tejido.coop/ns/services/1.0#vpn')
  })
})

describe('Karte von Morgen categories and tags', () => {
  test.each([
    [['2cd00bebec0c48ba9db761da48678134'], 'non-profit'],
    [['77b3c33a92554bcf8e8c2c86cedd6f6f'], 'other'],
    [['77b3c33a92554bcf8e8c2c86cedd6f6f', '2cd00bebec0c48ba9db761da48678134'], 'non-profit'],
    [['unknown'], 'other'],
    [[], 'other']
  ])('categories %j are %s', (ids, kind) => {
    expect(kindOfCategories(ids)).toBe(kind)
  })

  test('tags that name a service become it, once, in order; every table entry is a service of the vocabulary', () => {
    expect(servicesOfTags(['Webhosting', 'fairtrade', 'hosting', 'freifunk'])).toEqual(['web-hosting', 'community-networks'])
    for (const service of Object.values(KVM_TAG_SERVICES)) expect(isServiceId(service)).toBe(true)
  })

  test.each([
    ['DE', 'DE'],
    ['at', 'AT'],
    ['Deutschland', 'DE'],
    ['Österreich', 'AT'],
    ['Germany', 'DE'],
    ['Atlantis', undefined]
  ])('the country %s is %s', (cell, code) => {
    expect(countryCode(cell)).toBe(code)
  })

  test.each([
    ['http://www.tzbz.coop ; www.makeitvisual.es', 'http://www.tzbz.coop'],
    ['www.hosting-eg.example', 'https://www.hosting-eg.example'],
    ['HTTPS://X.example', 'HTTPS://X.example'],
    ['  ', undefined]
  ])('the website cell %j is %s', (cell, url) => {
    expect(websiteOf(cell)).toBe(url)
  })
})
