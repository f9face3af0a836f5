/**
 * The operator's listings page over HTTP (issue 12, point 5): pages of 50
 * with "101–121 of 121", search by name (accents ignored) and slug, filters
 * (listed here / mirrored, moderation state), states in the reader's
 * language; edit of a local listing goes live at once through the listing
 * form (a redirect on save, Preview writes nothing, a stale version is
 * refused); delete needs its confirmation, federates and leaves the slug
 * answering 410; mirrored listings are neither edited nor deleted here.
 */
import request from 'supertest'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { formFields, encodeForm } from '../support/html-form'
import { CATALOGS } from '../../src/http/site/i18n/messages'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import type { Listing } from '../../src/directory/listing'
import { fakePeer } from '../federation/fake-peer'
import { waitFor } from '../support/wait'

let inst: TestInstance
let op: ReturnType<typeof request.agent>
let csrf: string
const LOCAL = 120

beforeAll(async () => {
  // plain http: supertest's agent keeps no Secure cookie
  inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test', ALLOW_PRIVATE_ADDRESSES: '127.0.0.1' })
  for (let i = 1; i <= LOCAL; i++) {
    const made = await inst.tejido.listings.create(sampleListing({ slug: `coop-${String(i).padStart(3, '0')}`, name: `Cooperativa ${i}` }))
    expect(made.ok).toBe(true)
  }
  expect((await inst.tejido.listings.create(sampleListing({ slug: 'cafe-libre', name: 'Café Libre' }), 'pending')).ok).toBe(true)
  await new DocumentListingStore(inst.tejido.store.db).insert(mirror())
  op = request.agent(inst.tejido.app)
  const signIn = await op.get('/operators').expect(200)
  await op.post('/operators/sign-in').type('form').send({ _csrf: token(signIn.text), token: ADMIN_TOKEN }).expect(303)
  csrf = token((await op.get('/operators/listings').expect(200)).text)
})
afterAll(() => inst.close())

function token(page: string): string {
  const found = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]
  if (!found) throw new Error('no CSRF token on the page')
  return found
}

/** A listing of another instance, as a mirror keeps it. */
function mirror(): Listing {
  const now = new Date()
  return {
    ...(sampleListing({ slug: 'lejana', name: 'Cooperativa Lejana' }) as unknown as Listing),
    id: 'https://peer.example/orgs/lejana', origin: 'https://peer.example', published: now, updated: now, moderation: 'approved',
    provenance: { origin: 'https://peer.example', via: 'backfill', firstSeen: now, lastVerified: now }, version: 1
  }
}

const page = (path: string, lang = 'en') => op.get(path).set('Accept-Language', lang)
const rowsOf = (html: string) => [...html.matchAll(/<tr data-slug="([^"]+)"/g)].map((m) => m[1] as string)
const post = (path: string, fields: Record<string, string>) => op.post(path).type('form').send({ _csrf: csrf, ...fields })

describe('the listings page', () => {
  test('pages of 50, with the range and links to the other pages', async () => {
    const first = await page('/operators/listings').expect(200)
    expect(first.text).toContain('1–50 of 122')
    expect(rowsOf(first.text)).toHaveLength(50)
    expect(first.text).toContain('href="/operators/listings?page=2"')
    expect(first.text).toContain('href="/operators/listings?page=3"')
    const third = await page('/operators/listings?page=3').expect(200)
    expect(third.text).toContain('101–122 of 122')
    expect(rowsOf(third.text)).toHaveLength(22)
    expect(third.text).toMatch(/<a href="\/operators\/listings\?page=3"[^>]*aria-current="page"/)
    const all = new Set([...rowsOf(first.text), ...rowsOf((await page('/operators/listings?page=2')).text), ...rowsOf(third.text)])
    expect(all.size).toBe(122)
    // past the end (listings went meanwhile): the last page
    const beyond = await page('/operators/listings?page=9').expect(303)
    expect(beyond.headers.location).toBe('/operators/listings?page=3')
  })

  test('search by name ignores accents and case, and finds slugs; filters keep to the query', async () => {
    const cafe = await page('/operators/listings?q=CAFE').expect(200)
    expect(rowsOf(cafe.text)).toEqual(['cafe-libre'])
    expect(cafe.text).toContain('1–1 of 1')
    expect(cafe.text).toContain('value="CAFE"')
    expect(rowsOf((await page('/operators/listings?q=coop-07')).text).sort()).toEqual(['coop-070', 'coop-071', 'coop-072', 'coop-073', 'coop-074', 'coop-075', 'coop-076', 'coop-077', 'coop-078', 'coop-079'])
    const paged = await page('/operators/listings?q=cooperativa&page=2').expect(200)
    expect(paged.text).toContain('51–100 of 121') // 120 here and the mirror
    expect(paged.text).toContain('href="/operators/listings?q=cooperativa&amp;page=3"')
    expect(rowsOf((await page('/operators/listings?state=pending')).text)).toEqual(['cafe-libre'])
    expect((await page('/operators/listings?q=zzz-nothing')).text).toContain(CATALOGS.en['opList.noMatch'])
    const html = (await page('/operators/listings?q=%3Cscript%3E')).text
    expect(html).not.toContain('<script>')
  })

  test('mirrored listings link to their mirror profile and offer no edit or delete', async () => {
    const mirrored = await page('/operators/listings?scope=mirrored').expect(200)
    expect(rowsOf(mirrored.text)).toEqual(['lejana'])
    const row = mirrored.text.slice(mirrored.text.indexOf('<tr data-slug="lejana"'))
    expect(row).toContain(`href="/profile?id=${encodeURIComponent('https://peer.example/orgs/lejana')}"`)
    expect(row).toContain(CATALOGS.en['opList.theirs'])
    expect(row.slice(0, row.indexOf('</tr>'))).not.toContain('/edit')
    const local = await page('/operators/listings?scope=local&q=Cooperativa%2012').expect(200)
    expect(rowsOf(local.text).sort()).toEqual(['coop-012', 'coop-120'])
    expect(local.text).toContain('href="/orgs/coop-012"')
    expect(local.text).toContain('href="/operators/listings/coop-012/edit"')
    expect(local.text).toContain('class="button-link danger" href="/operators/listings/coop-012/delete"')
    const edit = await page('/operators/listings/lejana/edit').expect(303)
    expect(edit.headers.location).toBe('/operators/listings?error=notLocal')
    expect((await page(edit.headers.location as string)).text).toContain(CATALOGS.en['opList.notLocal'])
  })

  test.each(['es', 'fr', 'pt'] as const)('states and times are in the reader’s language (%s)', async (lang) => {
    const t = CATALOGS[lang]
    const html = (await page('/operators/listings?q=cafe', lang)).text
    expect(html).toContain(`<td>${t['opList.statePending']}</td>`)
    expect(html).not.toMatch(/<td>(pending|approved)<\/td>/)
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+" title="[^"]+">[^<]+<\/time>/)
    expect(html).toContain(t['opList.range'].replace('{from}', '1').replace('{to}', '1').replace('{total}', '1'))
  })

  test('what waits shows in the operator navigation', async () => {
    const nav = (await page('/operators/listings')).text
    expect(nav).toContain('<span class="waiting">(1 waiting)</span>')
  })
})

describe('editing a listing as the operator', () => {
  const loadForm = async (slug: string) => {
    const form = await page(`/operators/listings/${slug}/edit`).expect(200)
    expect(form.text).toContain(`action="/operators/listings/${slug}/edit"`)
    expect(form.text).toContain('<h1>Edit “Cooperativa')
    // the operator's page: their navigation and a way back, not the editor's sign-out (it would end the operator's session)
    expect(form.text).toContain('href="/operators/queue"')
    expect(form.text).not.toContain('action="/editors/sign-out"')
    return formFields(form.text, 'join', ['action', 'submit'])
  }
  const withValue = (fields: Array<[string, string]>, name: string, value: string) => fields.map(([n, v]): [string, string] => [n, n === name ? value : v])

  test('a save goes live at once and answers with a redirect; Preview writes nothing', async () => {
    const fields = await loadForm('coop-001')
    const preview = await op.post('/operators/listings/coop-001/edit').type('form').send(encodeForm(withValue(withValue(fields, 'name', 'Vista Previa'), 'action', 'preview'))).expect(200)
    expect(preview.text).toContain('Vista Previa')
    expect((await inst.tejido.listings.get('coop-001')).ok && (await inst.tejido.listings.get('coop-001'))).toMatchObject({ value: { name: 'Cooperativa 1' } })

    const saved = await op.post('/operators/listings/coop-001/edit').type('form').send(encodeForm(withValue(fields, 'name', 'Cooperativa Renovada'))).expect(303)
    expect(saved.headers.location).toBe('/operators/listings/coop-001/edit?done=saved')
    expect((await page(saved.headers.location as string)).text).toContain(CATALOGS.en['opList.saved'])
    const stored = await inst.tejido.listings.get('coop-001')
    expect(stored.ok && stored.value).toMatchObject({ name: 'Cooperativa Renovada', moderation: 'approved', version: 2 })
    const actor = await request(inst.tejido.app).get('/orgs/coop-001').set('Accept', 'application/activity+json').expect(200)
    expect(actor.body.name).toBe('Cooperativa Renovada')
  })

  test('a save over a newer version is refused and writes nothing', async () => {
    const fields = await loadForm('coop-002')
    expect((await inst.tejido.listings.update('coop-002', { pricing: 'Free for unions' })).ok).toBe(true)
    const stale = await op.post('/operators/listings/coop-002/edit').type('form').send(encodeForm(withValue(fields, 'name', 'Nombre Perdido'))).expect(409)
    expect(stale.text).toContain(CATALOGS.en['ed.conflict'])
    const now = await inst.tejido.listings.get('coop-002')
    expect(now.ok && now.value.name).toBe('Cooperativa 2')
  })

  test('an invalid save says what to fix (422) and keeps the values', async () => {
    const fields = await loadForm('coop-003')
    const bad = await op.post('/operators/listings/coop-003/edit').type('form').send(encodeForm(withValue(fields, 'name', ''))).expect(422)
    expect(bad.text).toContain('id="form-errors"')
  })

  test('the form needs the CSRF token', async () => {
    const fields = (await loadForm('coop-004')).map(([n, v]): [string, string] => [n, n === '_csrf' ? 'forged' : v])
    await op.post('/operators/listings/coop-004/edit').type('form').send(encodeForm(withValue(fields, 'name', 'Forjada'))).expect(403)
    const now = await inst.tejido.listings.get('coop-004')
    expect(now.ok && now.value.name).toBe('Cooperativa 4')
  })
})

describe('deleting a listing', () => {
  test('the confirmation page says what follows; without the tick nothing goes', async () => {
    const confirm = await page('/operators/listings/coop-010/delete', 'es').expect(200)
    expect(confirm.text).toContain(CATALOGS.es['opList.deleteTitle'].replace('{name}', 'Cooperativa 10'))
    expect(confirm.text).toContain('<button type="submit" class="danger">')
    expect(confirm.text).toMatch(/<input type="checkbox" name="confirm" value="yes" required>/)
    const unticked = await post('/operators/listings/coop-010/delete', { _version: '1' }).expect(303)
    expect(unticked.headers.location).toBe('/operators/listings/coop-010/delete?error=unconfirmed')
    expect((await page(unticked.headers.location as string)).text).toContain(CATALOGS.en['opList.unconfirmed'])
    expect((await inst.tejido.listings.get('coop-010')).ok).toBe(true)
  })

  test('confirmed, it is deleted (a redirect), federated as a Delete, and its slug answers 410', async () => {
    // a peer that follows this instance, to be told
    const follower = await fakePeer()
    try {
      expect((await inst.tejido.federation.peering.onFollow(follower.actorId, `${follower.url}/follows/1`)).ok).toBe(true)
      const peer = await inst.tejido.federation.peers.byOrigin(follower.url)
      expect((await inst.tejido.federation.peering.approve(peer?.id as string)).ok).toBe(true)
      const done = await post('/operators/listings/coop-011/delete', { _version: '1', confirm: 'yes' }).expect(303)
      expect(done.headers.location).toBe('/operators/listings?done=deleted')
      expect((await page(done.headers.location as string)).text).toContain(CATALOGS.en['opList.deleted'])
      const told = await waitFor(() => follower.received.find((a) => a.type === 'Delete'), 'the Delete at the following peer')
      expect(JSON.stringify(told)).toContain('http://tejido.test/orgs/coop-011')
    } finally {
      follower.close()
    }
    await request(inst.tejido.app).get('/orgs/coop-011').set('Accept', 'application/activity+json').expect(410)
    const again = await post('/operators/listings/coop-011/delete', { _version: '1', confirm: 'yes' }).expect(303)
    expect(again.headers.location).toBe('/operators/listings?error=notFound')
  })

  test('a listing changed since the confirmation was shown is not deleted', async () => {
    expect((await inst.tejido.listings.update('coop-012', { pricing: 'Changed meanwhile' })).ok).toBe(true)
    const stale = await post('/operators/listings/coop-012/delete', { _version: '1', confirm: 'yes' }).expect(303)
    expect(stale.headers.location).toBe('/operators/listings/coop-012/delete?error=changed')
    expect((await inst.tejido.listings.get('coop-012')).ok).toBe(true)
  })
})
