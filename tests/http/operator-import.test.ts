/**
 * The operator's import page (issue 13, Build 1): upload → dry run (nothing
 * written) → report (counts, slugs, refused rows with row, field, message)
 * → "Import it" imports the same file without a second upload, once; the
 * held file is bound to the session that sent it. Refusals (no file, too
 * big, not UTF-8, a format the name does not tell, a missing CSRF token)
 * are shown on the form, in the reader's language.
 */
import request from 'supertest'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { CATALOGS } from '../../src/http/site/i18n/messages'
import { MAX_HELD_BYTES } from '../../src/http/site/operators/import-held'
import { escapeHtml } from '../../src/support/escape-html'

let inst: TestInstance
let op: ReturnType<typeof request.agent>
let csrf: string
const token = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? ''

async function signedIn(): Promise<{ agent: ReturnType<typeof request.agent>; csrf: string }> {
  const agent = request.agent(inst.tejido.app)
  const signIn = await agent.get('/operators').expect(200)
  await agent.post('/operators/sign-in').type('form').send({ _csrf: token(signIn.text), token: ADMIN_TOKEN }).expect(303)
  return { agent, csrf: token((await agent.get('/operators/import').expect(200)).text) }
}

beforeAll(async () => {
  // plain http: supertest's agent keeps no Secure cookie
  inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test' })
  expect((await inst.tejido.listings.create(sampleListing({ slug: 'ya-esta', name: 'Ya Está' }))).ok).toBe(true)
  ;({ agent: op, csrf } = await signedIn())
})
afterAll(() => inst.close())

const rows = [sampleListing({ slug: 'nueva-uno', name: 'Nueva Uno' }), sampleListing({ slug: 'ya-esta', name: 'Ya Está, renombrada' }), { slug: 'sin-nombre', kind: 'collective' }]
const file = Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n'))

const upload = (fields: Record<string, string>, bytes: Buffer | undefined, name = 'listados.jsonl', agent = op, lang = 'en') => {
  let req = agent.post('/operators/import').set('Accept-Language', lang).field('_csrf', fields._csrf ?? csrf)
  for (const [k, v] of Object.entries(fields)) if (k !== '_csrf') req = req.field(k, v)
  return bytes ? req.attach('file', bytes, name) : req
}
const heldId = (page: string): string => /name="held" value="([^"]+)"/.exec(page)?.[1] ?? ''

test('the navigation links the page; the form offers every import format and the choices', async () => {
  const page = (await op.get('/operators/import').expect(200)).text
  expect(page).toContain('<a href="/operators/import">Import</a>')
  expect(page).toContain('enctype="multipart/form-data"')
  for (const f of ['json', 'jsonl']) expect(page).toContain(`<option value="${f}">${f}</option>`)
  expect(page).toMatch(/name="encoding" value="utf-8" checked/)
  expect(page).toMatch(/name="moderation" value="approved" checked/)
})

test('a dry run reports and writes nothing; confirm imports the same file once', async () => {
  const report = await upload({}, file).expect(200)
  expect(report.text).toContain('What this file would do')
  expect(report.text).toMatch(/Would create<\/th><td>1<\/td>[\s\S]*nueva-uno/)
  expect(report.text).toMatch(/Would update<\/th><td>1<\/td>[\s\S]*ya-esta/)
  expect(report.text).toMatch(/<tr><td>3<\/td><td><code>name<\/code><\/td><td>[^<]+<\/td><\/tr>/)
  expect((await inst.tejido.listings.get('nueva-uno')).ok).toBe(false)

  // another operator session cannot take this one's file
  const other = await signedIn()
  const stolen = await other.agent.post('/operators/import/confirm').type('form').send({ _csrf: other.csrf, held: heldId(report.text) }).expect(410)
  expect(stolen.text).toContain(escapeHtml(CATALOGS.en['imp.error.expired']))

  const done = await op.post('/operators/import/confirm').type('form').send({ _csrf: token(report.text), held: heldId(report.text) }).expect(200)
  expect(done.text).toContain('Import done')
  expect(done.text).toMatch(/Created<\/th><td>1<\/td>/)
  const made = await inst.tejido.listings.get('nueva-uno')
  expect(made.ok && made.value.moderation).toBe('approved')
  const renamed = await inst.tejido.listings.get('ya-esta')
  expect(renamed.ok && renamed.value.name).toBe('Ya Está, renombrada')
  // single use: the same confirm again finds nothing to import
  await op.post('/operators/import/confirm').type('form').send({ _csrf: token(report.text), held: heldId(report.text) }).expect(410)
})

test('skip and pending are honoured', async () => {
  const report = await upload({ onConflict: 'skip', moderation: 'pending', format: 'jsonl' }, Buffer.from(`${JSON.stringify(sampleListing({ slug: 'pendiente', name: 'Pendiente' }))}\n${JSON.stringify(sampleListing({ slug: 'ya-esta', name: 'Otra vez' }))}\n`), 'sin-extension').expect(200)
  expect(report.text).toMatch(/Skipped<\/th><td>1<\/td>/)
  await op.post('/operators/import/confirm').type('form').send({ _csrf: csrf, held: heldId(report.text) }).expect(200)
  const pending = await inst.tejido.listings.get('pendiente')
  expect(pending.ok && pending.value.moderation).toBe('pending')
  const kept = await inst.tejido.listings.get('ya-esta')
  expect(kept.ok && kept.value.name).toBe('Ya Está, renombrada')
})

test.each([
  ['no file', {}, undefined, 'listados.jsonl', 400, 'imp.error.noFile'],
  ['a name that tells no format', {}, file, 'listados.xlsx', 422, 'imp.error.unknownFormat'],
  ['a Latin-1 file read as UTF-8', {}, Buffer.from('[{"name":"Caf\xe9"}]', 'latin1'), 'x.json', 422, 'imp.error.notUtf8']
] as const)('%s is shown on the form, in English and Spanish', async (_what, fields, bytes, name, status, key) => {
  const en = await upload(fields, bytes, name).expect(status)
  expect(en.text).toContain(escapeHtml(CATALOGS.en[key]))
  expect(en.text).toContain('role="alert"')
  const es = await upload(fields, bytes, name, op, 'es').expect(status)
  expect(es.text).toContain(escapeHtml(CATALOGS.es[key]))
})

test('a Latin-1 file declared as such is read', async () => {
  const latin = Buffer.from(`${JSON.stringify(sampleListing({ slug: 'cafe', name: 'Café Ñandú' }))}\n`, 'latin1')
  const report = await upload({ encoding: 'latin1' }, latin, 'cafe.jsonl').expect(200)
  expect(report.text).toMatch(/Would create<\/th><td>1<\/td>/)
})

test('a file over the limit is refused on the page; a form without the CSRF token is refused', async () => {
  const big = await upload({}, Buffer.alloc(MAX_HELD_BYTES + 128 * 1024, 0x20), 'big.json').expect(413)
  expect(big.text).toContain(CATALOGS.en['imp.error.tooBig'].replace('{size}', '16 MB'))
  await upload({ _csrf: 'forged' }, file).expect(403)
  // signed out: back to the sign-in page, nothing read
  await request(inst.tejido.app).post('/operators/import').attach('file', file, 'x.jsonl').expect(303)
})

test('a file of many bad rows: every row counted, the first thousand refusals shown', async () => {
  const bad = Buffer.from(Array.from({ length: 1200 }, (_, i) => JSON.stringify({ slug: `mala-${i}`, kind: 'collective' })).join('\n'))
  const report = await upload({}, bad, 'malas.jsonl').expect(200)
  expect(report.text).toMatch(/Refused<\/th><td>1,200<\/td>/)
  expect(report.text.match(/<tr><td>[\d,]+<\/td><td><code>/g)).toHaveLength(1000)
  expect(report.text).toContain('And 200 more refused rows')
})
