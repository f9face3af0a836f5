/**
 * The editor's Preview writes nothing (issue 12): an editor who renames the
 * co-op and presses Preview sees the whole profile as the public would see
 * it, marked as not published, while the public profile, the ActivityPub
 * actor and the stored version stay as they were and no domain event (the
 * only thing federation reacts to) is raised. Only Save publishes. And the
 * ways in: the navigation's link to /editors, and "Edit this listing" on
 * this instance's own profiles only.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { formFields, encodeForm } from '../support/html-form'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { DocumentListingStore } from '../../src/storage/document-listing-store'
import type { ListingInput } from '../../src/directory/listing'
import { mirrored } from '../browser/search-listings'

const PUBLIC = 'http://tejido.test'
let inst: TestInstance
let events: string[] = []
beforeAll(async () => {
  // An http instance: supertest's agent speaks plain http, and a cookie jar sends no Secure cookie over it.
  // Save publishes at once (REVIEW_CHANGES=none): holding changes for review is tests/http/moderation.test.ts.
  inst = await composeInstance({ PUBLIC_URL: PUBLIC, REVIEW_CHANGES: 'none' })
  for (const name of ['listing.created', 'listing.updated', 'listing.deleted'] as const) inst.tejido.events.on(name, ({ listing }) => events.push(`${name} ${listing.slug}`))
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)
const PASSWORD = 'a-long-editor-password'
type Agent = ReturnType<typeof request.agent>
type Fields = Array<[string, string]>

/** An approved listing of this instance, and a signed-in editor for it. */
async function listingWithEditor(slug: string): Promise<Agent> {
  const created = await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug, name: 'Red Tejida', nameMap: undefined })).expect(201)
  const email = `editor@${slug}.example`
  expect(await new EditorAccountStore(inst.tejido.store.db).create(email, PASSWORD, created.body.id as string)).toBe(true)
  const editor = request.agent(inst.tejido.app)
  const signIn = await editor.get('/editors').expect(200)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] as string
  await editor.post('/editors/sign-in').type('form').send({ _csrf: csrf, email, password: PASSWORD }).expect(303)
  return editor
}

/** The editor form as loaded (without a submitter: each test says which button it presses). */
async function loadForm(editor: Agent, lang = 'en'): Promise<Fields> {
  const page = await editor.get('/editors/listing').set('Accept-Language', lang).expect(200)
  return formFields(page.text, 'join')
}

const press = (editor: Agent, fields: Fields, action: 'preview' | 'submit' | null, lang = 'en') =>
  editor.post('/editors/listing').set('Accept-Language', lang).type('form').send(encodeForm(action ? [...fields, ['action', action]] : fields))
    .redirects(1) // a save answers with a redirect to the form

const renamed = (fields: Fields, name: string): Fields => fields.map(([n, v]) => [n, n === 'name' ? name : v])

/** What the public sees: the HTML profile's heading, the actor's name, and the stored version. */
async function publicView(slug: string): Promise<{ heading: string; actorName: string; version: number }> {
  const profile = await api().get(`/orgs/${slug}`).set('Accept', 'text/html').expect(200)
  const actor = await api().get(`/orgs/${slug}`).set('Accept', 'application/activity+json').expect(200)
  const stored = await api().get(`/api/listings/${slug}`).set(inst.auth).expect(200)
  return {
    heading: /<h1 itemprop="name"[^>]*>([^<]*)<\/h1>/.exec(profile.text)?.[1] ?? '(no heading)',
    actorName: (JSON.parse(actor.text) as { name: string }).name,
    version: stored.body.version as number
  }
}

/** The profile article of a page, its heading levels as on the profile's own page, without the lines that differ by design (date, open-data and edit links). */
function article(page: string, nameLevel: number): string {
  const body = page.slice(page.indexOf('<article class="profile"'), page.indexOf('</article>') + '</article>'.length)
  const shift = nameLevel - 1
  return body
    .replace(/<(\/?)h(\d)\b/g, (_, close: string, n: string) => `<${close}h${Number(n) - shift}`)
    .replace(/<p class="meta">.*?<\/p>\n/, '')
    .replace(/<p class="meta open-data">.*?<\/p>\n/, '') // the public page's own links: its open-data profile and its editors' sign-in
    .replace(/<p class="edit-listing">.*?<\/p>\n/, '')
    .replace(/\n+/g, '\n')
}

describe("the editor's Preview", () => {
  test('shows the new name in the full profile and publishes nothing; Save then publishes it', async () => {
    const editor = await listingWithEditor('preview-rename')
    const before = await publicView('preview-rename')
    expect(before).toMatchObject({ heading: 'Red Tejida', actorName: 'Red Tejida' })
    events = []

    const fields = renamed(await loadForm(editor), 'Red Tejida Renombrada')
    const preview = await press(editor, fields, 'preview')
    expect(preview.status).toBe(200)
    expect(preview.text).toContain('Preview — not published yet')
    expect(preview.text).toContain('Nothing has been saved or sent')
    expect(preview.text).toMatch(/<h3 itemprop="name"[^>]*>Red Tejida Renombrada<\/h3>/)
    expect(preview.text).not.toContain('Saved.')

    expect(await publicView('preview-rename')).toEqual(before)
    expect(events).toEqual([])

    // The form under the preview still carries the edit and the version it was loaded at: Save from there publishes.
    const again = formFields(preview.text, 'join')
    expect(again).toContainEqual(['name', 'Red Tejida Renombrada'])
    const saved = await press(editor, again, 'submit')
    expect(saved.status).toBe(200)
    expect(saved.text).toContain('Saved.')
    expect(await publicView('preview-rename')).toEqual({ heading: 'Red Tejida Renombrada', actorName: 'Red Tejida Renombrada', version: before.version + 1 })
    expect(events).toEqual(['listing.updated preview-rename'])
  })

  test('is the public profile layout with every field: what Save publishes, rendered the same', async () => {
    const editor = await listingWithEditor('preview-layout')
    const fields = (await loadForm(editor)).map(([n, v]): [string, string] => [n, n === 'contact.website' ? 'https://nueva.red-tejida.example' : v])
    const preview = await press(editor, fields, 'preview')
    expect(preview.status).toBe(200)
    await press(editor, formFields(preview.text, 'join'), 'submit').expect(200)
    const published = await api().get('/orgs/preview-layout').set('Accept', 'text/html').expect(200)

    expect(article(preview.text, 3)).toEqual(article(published.text, 1))
    for (const shown of ['https://nueva.red-tejida.example', 'Sliding scale', 'Oaxaca office', 'CoTech', '2015', 'id="profile-map"']) expect(preview.text).toContain(shown)
    expect(preview.text).toContain('/static/profile-map.js') // its small map works in the preview too
  })

  test('in Portuguese, Spanish and French it says so in the reader\'s language', async () => {
    const editor = await listingWithEditor('preview-languages')
    const fields = renamed(await loadForm(editor), 'Novo Nome')
    const said = { pt: 'Pré-visualização — ainda não publicada', es: 'Vista previa: aún no publicada', fr: 'Aperçu — pas encore publié' }
    for (const [lang, title] of Object.entries(said)) {
      const res = await press(editor, fields, 'preview', lang)
      expect(res.status).toBe(200)
      expect(res.text).toContain(title)
    }
    expect((await publicView('preview-languages')).heading).toBe('Red Tejida')
  })

  test('a form sent without saying which button (Enter in a field) previews, and writes nothing', async () => {
    const editor = await listingWithEditor('preview-no-button')
    const before = await publicView('preview-no-button')
    events = []
    const res = await press(editor, renamed(await loadForm(editor), 'Sin botón'), null)
    expect(res.status).toBe(200)
    expect(res.text).toContain('Preview — not published yet')
    expect(await publicView('preview-no-button')).toEqual(before)
    expect(events).toEqual([])
  })

  test('an invalid edit previews as the form with its errors, written nowhere', async () => {
    const editor = await listingWithEditor('preview-invalid')
    const before = await publicView('preview-invalid')
    const res = await press(editor, renamed(await loadForm(editor), ''), 'preview')
    expect(res.status).toBe(422)
    expect(res.text).toContain('id="form-errors"')
    expect(res.text).not.toContain('Preview — not published yet')
    expect(await publicView('preview-invalid')).toEqual(before)
  })

  test('a preview over a version someone saved since says so, as a save would, and writes nothing', async () => {
    const editor = await listingWithEditor('preview-stale')
    const fields = renamed(await loadForm(editor), 'Mi nombre')
    await api().patch('/api/listings/preview-stale').set(inst.auth).send({ name: 'Nombre del operador' }).expect(200)
    const theirs = await publicView('preview-stale')
    events = []
    const res = await press(editor, fields, 'preview')
    expect(res.status).toBe(409)
    expect(res.text).toContain('id="conflict"')
    expect(await publicView('preview-stale')).toEqual(theirs)
    expect(events).toEqual([])
  })
})

describe('the ways in to editing', () => {
  test('every page links to /editors from the navigation, in four languages', async () => {
    const names = { en: 'Edit your listing', es: 'Edita tu registro', fr: 'Modifier votre fiche', pt: 'Edite seu cadastro' }
    for (const [lang, label] of Object.entries(names)) {
      const home = await api().get('/join').set('Accept-Language', lang).expect(200)
      const nav = home.text.slice(home.text.indexOf('<ul class="nav">'), home.text.indexOf('</ul>', home.text.indexOf('<ul class="nav">')))
      expect(nav).toContain(`<li><a href="/editors">${label}</a></li>`)
    }
  })

  test("a local profile links to its editors' sign-in, which names the listing and leads to its form", async () => {
    await listingWithEditor('edit-link')
    const profile = await api().get('/orgs/edit-link').set('Accept', 'text/html').set('Accept-Language', 'pt').expect(200)
    expect(profile.text).toContain('<a href="/editors?listing=edit-link">Editar este cadastro</a>')

    const visitor = request.agent(inst.tejido.app)
    const signIn = await visitor.get('/editors?listing=edit-link').set('Accept-Language', 'pt').expect(200)
    expect(signIn.text).toContain('Entre com a conta criada junto com “Red Tejida” para editá-lo.')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] as string
    const done = await visitor.post('/editors/sign-in').type('form').send({ _csrf: csrf, email: 'editor@edit-link.example', password: PASSWORD }).expect(303)
    expect(done.headers.location).toBe('/editors/listing')
    const form = await visitor.get('/editors/listing').expect(200)
    expect(formFields(form.text, 'join')).toContainEqual(['name', 'Red Tejida'])
    // Signed in, the profile's link goes straight to the form.
    expect((await visitor.get('/editors?listing=edit-link').expect(303)).headers.location).toBe('/editors/listing')
  })

  test('the sign-in names no listing that is not published, nor one given by a slug too long to be one', async () => {
    expect((await inst.tejido.listings.create(sampleListing({ slug: 'hidden-draft', name: 'Borrador Secreto' }), 'pending')).ok).toBe(true)
    const page = await api().get('/editors?listing=hidden-draft').expect(200)
    expect(page.text).not.toContain('Borrador Secreto')
    const long = await api().get(`/editors?listing=${'a'.repeat(5000)}`).expect(200)
    expect(long.text).not.toContain('account made with “')
  })

  test('a mirrored listing from another instance has no edit link', async () => {
    const mirror = mirrored(sampleListing({ slug: 'espejo', name: 'Espejo Ajeno', nameMap: undefined }) as unknown as ListingInput, 'https://other.test', 0)
    expect(await new DocumentListingStore(inst.tejido.store.db).insert(mirror)).toBe(true)
    const profile = await api().get(`/profile?id=${encodeURIComponent(mirror.id)}`).expect(200)
    expect(profile.text).toContain('Espejo Ajeno')
    expect(profile.text).not.toContain('/editors?listing=')
    expect(profile.text).not.toContain('Edit this listing')
  })
})
