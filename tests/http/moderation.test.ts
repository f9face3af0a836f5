/**
 * Moderation of changes and the queue over HTTP (issue 12, points 4 and 5):
 * an editor saves a new name and website on an approved listing — the
 * public profile, the search and the actor keep the approved version, the
 * editor's page says what waits and keeps the proposal; the operator finds
 * it in the queue, reads the diff and approves (the public changes) or
 * rejects after ticking the box (the editor sees it declined); every POST
 * answers 303; with REVIEW_CHANGES=none the same edit is live at once; the
 * API twins decide the same way.
 */
import request from 'supertest'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { formFields, encodeForm } from '../support/html-form'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { waitFor } from '../support/wait'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import { MirrorService } from '../../src/directory/mirror-service'
import { validateListing } from '../../src/directory/validate'

const PASSWORD = 'a-long-editor-password'
type Agent = ReturnType<typeof request.agent>

const csrfOf = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] as string

async function withInstance(env: Record<string, string>, run: (inst: TestInstance) => Promise<void>): Promise<void> {
  // An http instance: supertest's agent sends no Secure cookie over plain http.
  const inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test', ...env })
  try {
    await run(inst)
  } finally {
    await inst.close()
  }
}

/** An approved listing and its signed-in editor. */
async function editorFor(inst: TestInstance, slug: string): Promise<Agent> {
  const created = await request(inst.tejido.app).post('/api/listings').set(inst.auth).send(sampleListing({ slug, name: 'Red Tejida', nameMap: undefined })).expect(201)
  expect(await new EditorAccountStore(inst.tejido.store.db).create(`editor@${slug}.example`, PASSWORD, created.body.id as string)).toBe(true)
  const editor = request.agent(inst.tejido.app)
  const page = await editor.get('/editors').expect(200)
  await editor.post('/editors/sign-in').type('form').send({ _csrf: csrfOf(page.text), email: `editor@${slug}.example`, password: PASSWORD }).expect(303)
  return editor
}

async function operator(inst: TestInstance): Promise<Agent> {
  const agent = request.agent(inst.tejido.app)
  const page = await agent.get('/operators').expect(200)
  await agent.post('/operators/sign-in').type('form').send({ _csrf: csrfOf(page.text), token: ADMIN_TOKEN }).expect(303)
  return agent
}

/** Loads the editor form, changes fields, and saves. */
async function saveEdit(editor: Agent, changes: Record<string, string>, lang = 'en') {
  const page = await editor.get('/editors/listing').set('Accept-Language', lang).expect(200)
  const fields = formFields(page.text, 'join', ['action', 'submit']).map(([n, v]): [string, string] => [n, n in changes ? (changes[n] as string) : v])
  return editor.post('/editors/listing').set('Accept-Language', lang).type('form').send(encodeForm(fields)).redirects(1) // a save answers with a redirect to the form
}

/** What the public sees of a listing: the profile's heading and website, the actor's name, the search's name. */
async function publicView(inst: TestInstance, slug: string, words: string) {
  const app = request(inst.tejido.app)
  const profile = await app.get(`/orgs/${slug}`).set('Accept', 'text/html').expect(200)
  const actor = await app.get(`/orgs/${slug}`).set('Accept', 'application/activity+json').expect(200)
  const search = await app.get('/api/search').query({ q: words }).expect(200)
  return {
    heading: /<h1 itemprop="name"[^>]*>([^<]*)<\/h1>/.exec(profile.text)?.[1],
    website: /itemprop="url">([^<]*)</.exec(profile.text)?.[1],
    actorName: (JSON.parse(actor.text) as { name: string }).name,
    searchNames: (search.body.hits as Array<{ name: string; slug?: string }>).map((h) => h.name)
  }
}

const NEW = { name: 'Red Tejida Segura', 'contact.website': 'https://phish.example/login', 'summaryMap.en': 'Hosting and email, now with training.' }

test('an editor\'s new name and website wait for review; the operator reads the diff and approves; then the public sees them', async () => {
  await withInstance({}, async (inst) => {
    const editor = await editorFor(inst, 'held')
    const saved = await saveEdit(editor, NEW)
    expect(saved.status).toBe(200)
    expect(saved.text).toContain('Your changes to name and website wait for review')

    // The public keeps the approved version; the summary (not reviewed) is live.
    const before = await publicView(inst, 'held', 'tejida')
    expect(before).toMatchObject({ heading: 'Red Tejida', website: 'https://red-tejida.example', actorName: 'Red Tejida' })
    expect(before.searchNames).toContain('Red Tejida')
    expect(before.searchNames).not.toContain('Red Tejida Segura')
    expect((await request(inst.tejido.app).get('/orgs/held').set('Accept', 'text/html')).text).toContain('now with training')

    // The editor's page, reloaded, says what waits and since when, and keeps the proposed values in the form.
    const page = await editor.get('/editors/listing').expect(200)
    expect(page.text).toContain('Some of your changes wait for review')
    expect(page.text).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/)
    expect(formFields(page.text, 'join')).toEqual(expect.arrayContaining([['name', 'Red Tejida Segura'], ['contact.website', 'https://phish.example/login']]))

    // The operator: the queue lists it, the full view shows the diff and the profile as approval would make it.
    const op = await operator(inst)
    const queue = await op.get('/operators/queue').expect(200)
    expect(queue.text).toContain('href="/operators/queue/changes/held"')
    expect(queue.text).toContain('Change to name and website')
    const full = await op.get('/operators/queue/changes/held').expect(200)
    const diff = full.text.slice(full.text.indexOf('<table class="diff"'), full.text.indexOf('</table>'))
    expect(diff).toMatch(/<th scope="row">Name<\/th>\s*<td><del>Red Tejida<\/del><\/td>\s*<td><ins>Red Tejida Segura<\/ins>/)
    expect(diff).toMatch(/<del>https:\/\/red-tejida.example<\/del><\/td>\s*<td><ins>https:\/\/phish.example\/login<\/ins>/)
    expect(full.text).toContain('<h3 itemprop="name">Red Tejida Segura</h3>')
    expect(full.text).toContain('class="danger"')
    // In Spanish, the labels are Spanish.
    expect((await op.get('/operators/queue/changes/held').set('Accept-Language', 'es')).text).toContain('Publicado ahora')

    const heldAt = /name="heldAt" value="([^"]+)"/.exec(full.text)?.[1] as string
    const approved = await op.post('/operators/queue/changes/held/approve').type('form').send({ _csrf: csrfOf(full.text), heldAt })
    expect(approved.status).toBe(303)
    expect(approved.headers.location).toBe('/operators/queue?done=approved')
    const after = await publicView(inst, 'held', 'segura')
    expect(after).toMatchObject({ heading: 'Red Tejida Segura', website: 'https://phish.example/login', actorName: 'Red Tejida Segura' })
    expect(after.searchNames).toContain('Red Tejida Segura')
    expect((await editor.get('/editors/listing')).text).not.toContain('wait for review')
    // Approving it again: it no longer waits, said with a redirect.
    const again = await op.post('/operators/queue/changes/held/approve').type('form').send({ _csrf: csrfOf(full.text), heldAt })
    expect([again.status, again.headers.location]).toEqual([303, '/operators/queue/changes/held?error=gone'])
  })
})

test('reject needs the tick; then the change is discarded and its editor sees it declined; withdraw; CSRF answers with a redirect', async () => {
  await withInstance({}, async (inst) => {
    const editor = await editorFor(inst, 'declined')
    await saveEdit(editor, { name: 'Something Else' })
    const op = await operator(inst)
    const full = await op.get('/operators/queue/changes/declined').expect(200)
    const heldAt = /name="heldAt" value="([^"]+)"/.exec(full.text)?.[1] as string
    const unticked = await op.post('/operators/queue/changes/declined/reject').type('form').send({ _csrf: csrfOf(full.text), heldAt })
    expect([unticked.status, unticked.headers.location]).toEqual([303, '/operators/queue/changes/declined?error=confirm#reject'])
    expect((await op.get('/operators/queue/changes/declined?error=confirm')).text).toContain('Nothing was rejected')
    const forged = await op.post('/operators/queue/changes/declined/reject').type('form').send({ _csrf: 'forged', heldAt, confirm: 'yes' })
    expect([forged.status, forged.headers.location]).toEqual([303, '/operators/queue/changes/declined?error=csrf'])
    const rejected = await op.post('/operators/queue/changes/declined/reject').type('form').send({ _csrf: csrfOf(full.text), heldAt, confirm: 'yes' })
    expect([rejected.status, rejected.headers.location]).toEqual([303, '/operators/queue?done=rejected'])
    expect((await publicView(inst, 'declined', 'tejida')).heading).toBe('Red Tejida')
    expect((await op.get('/operators/queue')).text).not.toContain('/operators/queue/changes/declined')

    const page = await editor.get('/editors/listing').expect(200)
    expect(page.text).toContain('Your proposed change was declined')
    expect(formFields(page.text, 'join')).toEqual(expect.arrayContaining([['name', 'Red Tejida']]))
    const dismissed = await editor.post('/editors/listing/change/withdraw').type('form').send({ _csrf: csrfOf(page.text) })
    expect([dismissed.status, dismissed.headers.location]).toEqual([303, '/editors/listing?withdrawn=1'])
    expect((await editor.get('/editors/listing')).text).not.toContain('declined')

    // A proposal withdrawn by its editor leaves the queue.
    await saveEdit(editor, { name: 'Third Name' })
    expect(await inst.tejido.heldChanges.countWaiting()).toBe(1)
    const withdrawPage = await editor.get('/editors/listing')
    await editor.post('/editors/listing/change/withdraw').type('form').send({ _csrf: csrfOf(withdrawPage.text) }).expect(303)
    expect(await inst.tejido.heldChanges.countWaiting()).toBe(0)
    expect((await editor.get('/editors/listing?withdrawn=1')).text).toContain('Your proposal was withdrawn')
  })
})

test('applications: a full view as the profile, search and paging on the queue, approve and (ticked) reject; API twins of changes', async () => {
  await withInstance({ MAX_PENDING_LISTINGS: '1000' }, async (inst) => {
    for (let i = 1; i <= 27; i++) {
      const made = await inst.tejido.listings.create(sampleListing({ slug: `applicant-${i}`, name: `Applicant ${i}${i === 7 ? ' Café' : ''}`, nameMap: undefined }), 'pending')
      expect(made.ok).toBe(true)
    }
    const op = await operator(inst)
    const first = await op.get('/operators/queue').expect(200)
    expect(first.text).toContain('1–25 of 27')
    expect(first.text.match(/<tr data-slug=/g)).toHaveLength(25)
    const second = await op.get('/operators/queue?page=2').expect(200)
    expect(second.text).toContain('26–27 of 27')
    expect(second.text).toContain('aria-current="page">2<')
    const found = await op.get('/operators/queue?q=cafe').expect(200)
    expect(found.text).toContain('1–1 of 1')
    expect(found.text).toContain(`href="/operators/queue/applications/applicant-7?origin=${encodeURIComponent(inst.tejido.listings.origin)}"`)
    expect((await op.get('/operators/queue?q=nobody')).text).toContain('Nothing waiting matches “nobody”.')

    const full = await op.get('/operators/queue/applications/applicant-7').expect(200)
    expect(full.text).toContain('<h3 itemprop="name">Applicant 7 Café</h3>')
    expect(full.text).toContain('Calle Falsa 123, Oaxaca')
    const csrf = csrfOf(full.text)
    const here = encodeURIComponent(inst.tejido.listings.origin)
    const seen = /name="_version" value="(\d+)"/.exec(full.text)?.[1] as string
    expect((await op.post('/operators/listings/applicant-7/reject').type('form').send({ _csrf: csrf, _version: seen })).headers.location).toBe(`/operators/queue/applications/applicant-7?origin=${here}&error=confirm#reject`)
    // The applicant saves after the operator opened the page: approving what was seen is refused, and says so.
    expect((await inst.tejido.listings.update('applicant-7', { name: 'Applicant 7 Café' })).ok).toBe(true)
    expect((await inst.tejido.listings.update('applicant-7', { contact: { website: 'https://phish.example/login' } })).ok).toBe(true)
    const blind = await op.post('/operators/listings/applicant-7/approve').type('form').send({ _csrf: csrf, _version: seen })
    expect(blind.headers.location).toBe(`/operators/queue/applications/applicant-7?origin=${here}&error=changed`)
    expect((await op.get(blind.headers.location as string).expect(200)).text).toContain('This listing was changed after you opened it.')
    await request(inst.tejido.app).get('/orgs/applicant-7').set('Accept', 'text/html').expect(404)
    const reread = await op.get('/operators/queue/applications/applicant-7').expect(200)
    expect(reread.text).toContain('https://phish.example/login')
    const approved = await op.post('/operators/listings/applicant-7/approve').type('form').send({ _csrf: csrf, _version: /name="_version" value="(\d+)"/.exec(reread.text)?.[1] })
    expect([approved.status, approved.headers.location]).toEqual([303, '/operators/queue?done=approved'])
    await request(inst.tejido.app).get('/orgs/applicant-7').set('Accept', 'text/html').expect(200)
    // A published listing is not rejected from here (that would withdraw it unseen).
    expect((await op.post('/operators/listings/applicant-7/reject').type('form').send({ _csrf: csrf, confirm: 'yes' })).headers.location).toBe('/operators/queue?error=gone')
    const eight = (await op.get('/operators/queue/applications/applicant-8').expect(200)).text
    expect((await op.post('/operators/listings/applicant-8/reject').type('form').send({ _csrf: csrf, confirm: 'yes', _version: /name="_version" value="(\d+)"/.exec(eight)?.[1] })).headers.location).toBe('/operators/queue?done=rejected')
    await request(inst.tejido.app).get('/api/listings/applicant-8').set(inst.auth).expect(404)

    // The API twins of a held change.
    const editor = await editorFor(inst, 'api-twin')
    await saveEdit(editor, { name: 'Twin Renamed' })
    const api = request(inst.tejido.app)
    await api.get('/api/listings/api-twin/change').expect(401)
    const got = await api.get('/api/listings/api-twin/change').set(inst.auth).expect(200)
    expect(got.body.change).toMatchObject({ fields: ['name'], state: 'waiting', values: [{ path: ['name'], before: 'Red Tejida', after: 'Twin Renamed' }] })
    await api.post('/api/listings/api-twin/change/approve').set(inst.auth).send({ heldAt: '2000-01-01T00:00:00.000Z' }).expect(409)
    await api.post('/api/listings/api-twin/change/approve').set(inst.auth).send({ heldAt: 'soon' }).expect(400)
    const done = await api.post('/api/listings/api-twin/change/approve').set(inst.auth).send({ heldAt: got.body.change.heldAt }).expect(200)
    expect(done.body.name).toBe('Twin Renamed')
    await api.get('/api/listings/api-twin/change').set(inst.auth).expect(404)
    // An operator's API edit goes live at once, as before.
    await api.patch('/api/listings/api-twin').set(inst.auth).send({ name: 'Operator Name' }).expect(200)
    expect((await publicView(inst, 'api-twin', 'operator')).heading).toBe('Operator Name')
  })
})

test('a field changed after the proposal is marked in the diff; approval applies the proposal over it', async () => {
  await withInstance({}, async (inst) => {
    const editor = await editorFor(inst, 'moved')
    await saveEdit(editor, { 'contact.website': 'https://proposed.example' })
    await request(inst.tejido.app).patch('/api/listings/moved').set(inst.auth).send({ contact: { website: 'https://operator.example' } }).expect(200)
    const op = await operator(inst)
    const full = await op.get('/operators/queue/changes/moved').expect(200)
    expect(full.text).toContain('Some of these fields changed after the proposal was made')
    expect(full.text).toMatch(/<tr class="changed-since"><th scope="row">Website<\/th>\s*<td><del>https:\/\/operator.example<\/del><p class="meta">Changed since the proposal: it was “https:\/\/red-tejida.example” when it was made.<\/p>/)
    // Every field is shown, the phone shared with partners only included.
    expect(full.text).toMatch(/Shared with partner directories only<\/h4><dl class="facts"><dt>Phone<\/dt><dd>\+52 951 000 0000<\/dd>/)
    const heldAt = /name="heldAt" value="([^"]+)"/.exec(full.text)?.[1] as string
    await op.post('/operators/queue/changes/moved/approve').type('form').send({ _csrf: csrfOf(full.text), heldAt }).expect(303)
    expect((await publicView(inst, 'moved', 'tejida')).website).toBe('https://proposed.example')

    // A listing deleted takes its held change with it.
    await saveEdit(editor, { name: 'About To Go' })
    expect(await inst.tejido.heldChanges.countWaiting()).toBe(1)
    await request(inst.tejido.app).delete('/api/listings/moved').set(inst.auth).expect(204)
    await waitFor(async () => (await inst.tejido.heldChanges.countWaiting()) === 0, 'the held change of a deleted listing to go')
    expect((await op.get('/operators/queue')).text).not.toContain('About To Go')
  })
})

test('with REVIEW_CHANGES=none the same edit is live at once, and nothing waits', async () => {
  await withInstance({ REVIEW_CHANGES: 'none' }, async (inst) => {
    const editor = await editorFor(inst, 'direct')
    const saved = await saveEdit(editor, NEW)
    expect(saved.status).toBe(200)
    expect(saved.text).toContain('Saved.')
    expect(await publicView(inst, 'direct', 'segura')).toMatchObject({ heading: 'Red Tejida Segura', website: 'https://phish.example/login' })
    expect(await inst.tejido.heldChanges.countWaiting()).toBe(0)
  })
})

test('a mirrored application (a peer followed for review) opens and is decided by its origin, never confused with a local one of the same slug', async () => {
  await withInstance({}, async (inst) => {
    const store = new DocumentListingStore(inst.tejido.store.db)
    await store.init()
    const checked = validateListing(sampleListing({ slug: 'same-slug', name: 'Espejo de la Red' }))
    if (!checked.ok) throw new Error('sample refused')
    const peer = 'https://peer.example'
    const mirrored = await new MirrorService(store, inst.tejido.events).apply({ origin: peer, id: `${peer}/orgs/same-slug`, listing: checked.value, via: 'delivery', moderation: 'pending' })
    expect(mirrored.ok).toBe(true)
    expect((await inst.tejido.listings.create(sampleListing({ slug: 'same-slug', name: 'Local de la Red' }), 'pending')).ok).toBe(true)
    const op = await operator(inst)

    const queue = await op.get('/operators/queue').expect(200)
    const link = `/operators/queue/applications/same-slug?origin=${encodeURIComponent(peer)}`
    expect(queue.text).toContain(`href="${link}"`)
    const full = await op.get(link).expect(200)
    expect(full.text).toContain('Espejo de la Red')
    expect(full.text).not.toContain('Local de la Red')
    const version = /name="_version" value="(\d+)"/.exec(full.text)?.[1]
    const approved = await op.post(`/operators/listings/same-slug/approve?origin=${encodeURIComponent(peer)}`).type('form').send({ _csrf: csrfOf(full.text), _version: version })
    expect(approved.headers.location).toBe('/operators/queue?done=approved')
    expect((await store.bySlug(peer, 'same-slug'))?.moderation).toBe('approved')
    expect((await inst.tejido.listings.get('same-slug')).ok && (await store.bySlug(inst.tejido.listings.origin, 'same-slug'))?.moderation).toBe('pending')
  })
})
