/**
 * Issue 9, point 8: /join does not tell who has an account, is rate limited
 * per client, and refuses (writing nothing) once the pending caps are
 * reached. Clients are told apart by X-Forwarded-For, which the app believes
 * from loopback (TRUST_PROXY's default).
 */
import fs from 'node:fs'
import request from 'supertest'
import pino from 'pino'
import { compose } from '../../src/composition/compose'
import { composeInstance, type TestInstance } from '../support/instance'
import { formSession, postForm, application } from '../support/forms'

jest.setTimeout(60000)

const from = (ip: string) => ({ 'X-Forwarded-For': ip })
const pending = async (inst: TestInstance) => (await request(inst.tejido.app).get('/api/listings?moderation=pending&perPage=100').set(inst.auth)).body as { total: number; items: Array<{ name: string }> }
/** The page without what differs per request (the CSRF token). */
const visible = (text: string) => text.replace(/name="_csrf" value="[^"]*"/g, '')

async function apply(inst: TestInstance, ip: string, overrides: Record<string, string | string[]> = {}, lang = 'en') {
  const headers = { ...from(ip), 'Accept-Language': lang }
  const session = await formSession(inst.tejido.app, '/join', headers)
  return postForm(inst.tejido.app, '/join', session, application(overrides), headers)
}

describe('an application with a known email gets the same answer and changes nothing', () => {
  let inst: TestInstance
  beforeAll(async () => {
    inst = await composeInstance()
    expect((await apply(inst, '198.51.100.1', { name: 'Primera', 'account.email': 'known@prueba.example', 'account.password': 'the-first-password' })).status).toBe(303)
  })
  afterAll(() => inst?.close())

  test('known and unknown emails: same status, same page; only the unknown one makes a listing', async () => {
    const known = await apply(inst, '198.51.100.2', { name: 'Segunda', 'account.email': 'KNOWN@prueba.example', 'account.password': 'an-attackers-password' })
    const unknown = await apply(inst, '198.51.100.3', { name: 'Tercera', 'account.email': 'new@prueba.example' })
    expect(known.status).toBe(unknown.status)
    expect(known.headers.location).toBe(unknown.headers.location)
    expect(visible(known.text)).toBe(visible(unknown.text))
    expect(known.text).not.toMatch(/already exists/i)
    expect((await pending(inst)).items.map((l) => l.name).sort()).toEqual(['Primera', 'Tercera'])
  })

  test('the owner of the known email still signs in with their own password', async () => {
    const headers = from('198.51.100.4')
    const session = await formSession(inst.tejido.app, '/editors', headers)
    await postForm(inst.tejido.app, '/editors/sign-in', session, { email: 'known@prueba.example', password: 'an-attackers-password' }, headers).expect(401)
    const res = await postForm(inst.tejido.app, '/editors/sign-in', session, { email: 'known@prueba.example', password: 'the-first-password' }, headers)
    expect(res.status).toBe(303)
    expect(res.headers.location).toBe('/editors/listing')
  })

  test('once that listing is deleted, the address is free again: its owner can apply anew', async () => {
    await request(inst.tejido.app).delete('/api/listings/primera').set(inst.auth).expect(204)
    expect((await apply(inst, '198.51.100.5', { name: 'Primera Otra Vez', 'account.email': 'known@prueba.example', 'account.password': 'a-new-password' })).status).toBe(303)
    expect((await pending(inst)).items.map((l) => l.name).sort()).toEqual(['Primera Otra Vez', 'Tercera'])
    const headers = from('198.51.100.6')
    const session = await formSession(inst.tejido.app, '/editors', headers)
    const res = await postForm(inst.tejido.app, '/editors/sign-in', session, { email: 'known@prueba.example', password: 'a-new-password' }, headers)
    expect(res.status).toBe(303)
  })
})

describe('POST /join is rate limited per client', () => {
  let inst: TestInstance
  beforeAll(async () => { inst = await composeInstance() })
  afterAll(() => inst?.close())

  test('after 20 posts in the window the next gets 429 in the reader\'s language; another client is not affected', async () => {
    const headers = { ...from('2001:db8:1:2::10'), 'Accept-Language': 'es' }
    const session = await formSession(inst.tejido.app, '/join', headers)
    const statuses: number[] = []
    for (let i = 0; i < 20; i++) statuses.push((await postForm(inst.tejido.app, '/join', session, { name: '' }, headers)).status)
    expect(statuses.every((s) => s === 422)).toBe(true)
    // Another address in the same /64 is the same client.
    const limited = await postForm(inst.tejido.app, '/join', session, application(), { ...headers, 'X-Forwarded-For': '2001:db8:1:2::99' })
    expect(limited.status).toBe(429)
    expect(limited.headers['retry-after']).toBeDefined()
    expect(limited.text).toContain('Demasiadas solicitudes desde tu red')
    expect((await pending(inst)).total).toBe(0)
    await postForm(inst.tejido.app, '/join', session, { name: '' }, from('2001:db8:1:3::10')).expect(422)
  })
})

describe('pending caps', () => {
  let inst: TestInstance
  beforeAll(async () => { inst = await composeInstance({ MAX_PENDING_PER_CLIENT: '2', MAX_PENDING_LISTINGS: '3' }) })
  // inst.close() closes the first composition; after the restart the second one is what runs.
  afterAll(async () => {
    await inst?.tejido.close()
    fs.rmSync(inst.dataDir, { recursive: true, force: true })
  })

  test('a client with MAX_PENDING_PER_CLIENT applications waiting is refused with 429, and nothing is written', async () => {
    expect((await apply(inst, '203.0.113.7', { name: 'Uno', 'account.email': 'uno@prueba.example' })).status).toBe(303)
    expect((await apply(inst, '203.0.113.7', { name: 'Dos', 'account.email': 'dos@prueba.example' })).status).toBe(303)
    const refused = await apply(inst, '203.0.113.7', { name: 'Tres', 'account.email': 'tres@prueba.example' }, 'fr')
    expect(refused.status).toBe(429)
    expect(refused.text).toContain('Votre réseau a déjà 2 demandes en attente')
    expect((await pending(inst)).total).toBe(2)
    // Nor was an account made: signing in as tres@ fails like any unknown email.
    const session = await formSession(inst.tejido.app, '/editors', from('203.0.113.8'))
    await postForm(inst.tejido.app, '/editors/sign-in', session, { email: 'tres@prueba.example', password: 'una-contraseña-larga' }, from('203.0.113.8')).expect(401)
  })

  test('the per-client count is kept in the store: it holds after a restart', async () => {
    await inst.tejido.close()
    inst.tejido = await compose(inst.config, pino({ level: 'silent' }))
    expect((await apply(inst, '203.0.113.7', { name: 'Cuatro', 'account.email': 'cuatro@prueba.example' })).status).toBe(429)
    expect((await pending(inst)).total).toBe(2)
  })

  test('at MAX_PENDING_LISTINGS waiting, any client is refused with 503, and nothing is written', async () => {
    expect((await apply(inst, '203.0.113.9', { name: 'Cinco', 'account.email': 'cinco@prueba.example' })).status).toBe(303)
    const refused = await apply(inst, '192.0.2.50', { name: 'Seis', 'account.email': 'seis@prueba.example' }, 'pt')
    expect(refused.status).toBe(503)
    expect(refused.text).toContain('A fila de revisão desta instância está cheia')
    expect((await pending(inst)).items.map((l) => l.name).sort()).toEqual(['Cinco', 'Dos', 'Uno'])
  })
})
