/**
 * Issue 9, point 1: input built to make a backtracking regex take quadratic
 * time must be answered (a 2xx or 4xx, never a 500) within a second, at
 * every entry point that runs a regex over what a client sends. On the base
 * commit the 199,000-dot email held the event loop for ~30 s.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { formSession, postForm, application, type FormSession } from '../support/forms'

jest.setTimeout(120000)

let inst: TestInstance
let join: FormSession
let signIn: FormSession
beforeAll(async () => {
  inst = await composeInstance()
  join = await formSession(inst.tejido.app, '/join')
  signIn = await formSession(inst.tejido.app, '/editors')
})
afterAll(() => inst?.close())

const app = () => inst.tejido.app
const DOTS = '.'.repeat(199000)
/** A header value large enough to hurt a quadratic regex, inside Node's 16 KB header limit. */
const SPACES = ' '.repeat(7000)

const cases: Array<[string, () => request.Test]> = [
  ['POST /join with a 199,000-dot email', () => postForm(app(), '/join', join, application({ 'account.email': `a@${DOTS}@` }))],
  ['POST /join with a 150,000-character name', () => postForm(app(), '/join', join, application({ name: `${'-'.repeat(150000)}a` }))],
  ['POST /join with a 150,000-line summary', () => postForm(app(), '/join', join, application({ 'summaryMap.en': `\n${' '.repeat(150000)}x` }))],
  ['POST /join with a 150,000-character password', () => postForm(app(), '/join', join, application({ 'account.password': 'p'.repeat(150000) }))],
  ['POST /editors/sign-in with a 199,000-dot email', () => postForm(app(), '/editors/sign-in', signIn, { email: `a@${DOTS}@`, password: 'p'.repeat(1000) })],
  ['POST /api/listings with a summary of 4,999 "<"', () => request(app()).post('/api/listings').set(inst.auth).send(sampleListing({ slug: 'angles', summary: '<'.repeat(4999) }))],
  ['GET /.well-known/webfinger with a long acct: resource', () => request(app()).get('/.well-known/webfinger').query({ resource: `acct:${'a@'.repeat(3000)}\n` })],
  ['GET /api/search with a long language tag', () => request(app()).get('/api/search').query({ lang: `ab${'-ab'.repeat(2000)}-` })],
  ['GET /api/listings with "Bearer" and 7,000 spaces', () => request(app()).get('/api/listings').set('Authorization', `Bearer${SPACES}x`)],
  ['GET /join with a long CSRF cookie', () => request(app()).get('/join').set('Cookie', `tejido_csrf=${'a'.repeat(7000)}!; ${'; '.repeat(2000)}`)],
  ['GET /orgs/x with a long Accept profile', () => request(app()).get('/orgs/x').set('Accept', `application/ld+json; profile${SPACES}=`)],
  ['POST /actor/inbox with a long Signature header', () => request(app()).post('/actor/inbox').set('Content-Type', 'application/activity+json').set('Signature', `keyId="${SPACES}",${' '.repeat(3000)}a=`).send('{}')]
]

test.each(cases)('%s is answered within a second, without a 500', async (_label, send) => {
  const started = performance.now()
  const res = await send()
  const elapsed = performance.now() - started
  expect(res.status).toBeGreaterThanOrEqual(200)
  expect(res.status).toBeLessThan(500)
  expect(elapsed).toBeLessThan(1000)
})

test('the server still answers /healthz after all of them', async () => {
  await request(app()).get('/healthz').expect(200)
})
