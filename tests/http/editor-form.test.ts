/**
 * The editor form over HTTP, as a browser submits it (issue 9, points 4
 * and 5): saving the form unchanged leaves the stored listing exactly as it
 * was — not even a new version; a save changes only what the person
 * changed; and a save over a version someone else saved meanwhile is
 * refused, writing nothing, with a message in the reader's language that
 * names what changed and shows the current values.
 */
import request from 'supertest'
import { composeInstance, sampleListing, type TestInstance } from '../support/instance'
import { formFields, encodeForm } from '../support/html-form'
import { EditorAccountStore } from '../../src/storage/editor-account-store'
import { joinPage } from '../../src/http/site/join/view'
import { ui } from '../../src/http/site/i18n/translate'

let inst: TestInstance
beforeAll(async () => {
  // An http instance: supertest's agent speaks plain http, and a cookie jar sends no Secure cookie over it.
  // Every save goes live (REVIEW_CHANGES=none): this is the form's merge; holding changes for review is tests/http/moderation.test.ts.
  inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test', REVIEW_CHANGES: 'none' })
})
afterAll(() => inst.close())

const api = () => request(inst.tejido.app)
const PASSWORD = 'a-long-editor-password'
const RICH_SUMMARY = '<p>We host <em>co-ops</em>:</p><ul><li>web</li><li>mail</li></ul><p>See <a href="https://red.example/about">us</a>.</p>'

/** A listing an operator has set up beyond what the form shows, and a signed-in editor for it. */
async function richListingWithEditor(slug: string): Promise<{ editor: ReturnType<typeof request.agent>; before: Record<string, unknown> }> {
  const created = await api().post('/api/listings').set(inst.auth).send(sampleListing({ slug })).expect(201)
  await api().patch(`/api/listings/${slug}`).set(inst.auth).send({
    defaultLanguage: 'de',
    nameMap: { de: 'Gewebtes Netz', ja: '織りネット', es: 'Red Tejida' },
    languages: ['es', 'zh', 'en'],
    summaryMap: { en: RICH_SUMMARY },
    location: [{ name: 'Oaxaca office', address: 'Calle Falsa 123, Oaxaca', country: 'MX', latitude: 17.0732, longitude: -96.7266 }, { name: 'Remote desk', latitude: 19.43, longitude: -99.13 }]
  }).expect(200)
  const email = `editor@${slug}.example`
  expect(await new EditorAccountStore(inst.tejido.store.db).create(email, PASSWORD, created.body.id as string)).toBe(true)
  const editor = request.agent(inst.tejido.app)
  const signIn = await editor.get('/editors').expect(200)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] as string
  await editor.post('/editors/sign-in').type('form').send({ _csrf: csrf, email, password: PASSWORD }).expect(303)
  const before = (await api().get(`/api/listings/${slug}`).set(inst.auth).expect(200)).body as Record<string, unknown>
  expect(before.summaryMap).toMatchObject({ en: expect.stringContaining('<em>co-ops</em>') })
  return { editor, before }
}

/** The editor form as loaded, as name/value pairs a browser would send with "Save". */
async function loadForm(editor: ReturnType<typeof request.agent>, lang = 'en'): Promise<Array<[string, string]>> {
  const page = await editor.get('/editors/listing').set('Accept-Language', lang).expect(200)
  return formFields(page.text, 'join', ['action', 'submit'])
}

const save = (editor: ReturnType<typeof request.agent>, fields: Array<[string, string]>, lang = 'en') =>
  editor.post('/editors/listing').set('Accept-Language', lang).type('form').send(encodeForm(fields)).redirects(1) // a save answers with a redirect to the form

const edited = (fields: Array<[string, string]>, name: string, value: string | null): Array<[string, string]> =>
  value === null ? fields.filter(([n]) => n !== name) : fields.map(([n, v]) => [n, n === name ? value : v])

const stored = async (slug: string) => (await api().get(`/api/listings/${slug}`).set(inst.auth).expect(200)).body as Record<string, unknown>

describe('saving the editor form', () => {
  test('unchanged: the stored listing stays exactly as it was, version and updated included', async () => {
    const { editor, before } = await richListingWithEditor('unchanged-save')
    const fields = await loadForm(editor)
    const res = await save(editor, fields)
    expect(res.status).toBe(200)
    expect(res.text).toContain('Saved.')
    expect(await stored('unchanged-save')).toEqual(before)
  })

  test('a save answers with a redirect to the form, so a reload never sends it twice', async () => {
    const { editor } = await richListingWithEditor('save-redirect')
    const fields = edited(await loadForm(editor), 'name', 'Red Tejida Otra Vez')
    const res = await editor.post('/editors/listing').type('form').send(encodeForm(fields)).expect(303)
    expect(res.headers.location).toBe('/editors/listing?saved=live')
    const shown = await editor.get(res.headers.location as string).expect(200)
    expect(shown.text).toContain('Saved.')
    expect((await stored('save-redirect')).name).toBe('Red Tejida Otra Vez')
  })

  test('a changed field changes only that field; what the form does not show is kept', async () => {
    const { editor, before } = await richListingWithEditor('one-change')
    const fields = await loadForm(editor)
    const res = await save(editor, edited(fields, 'name', 'Red Tejida Renombrada'))
    expect(res.status).toBe(200)
    const after = await stored('one-change')
    expect(after).toEqual({ ...before, name: 'Red Tejida Renombrada', version: (before.version as number) + 1, updated: after.updated, provenance: after.provenance })
  })

  test('a changed summary is sanitised plain paragraphs; unticking a language keeps the ones the boxes do not offer', async () => {
    const { editor, before } = await richListingWithEditor('summary-change')
    const fields = (await loadForm(editor)).filter(([n, v]) => !(n === 'languages' && v === 'es'))
    expect(fields).toContainEqual(['languages', 'zh']) // shown, ticked, so sent back
    const res = await save(editor, edited(fields, 'summaryMap.en', 'Hosting <b>for</b> co-ops.\r\n\r\nAnd mail.'))
    expect(res.status).toBe(200)
    const after = await stored('summary-change')
    expect(after.summaryMap).toEqual({ ...(before.summaryMap as object), en: '<p>Hosting &lt;b&gt;for&lt;/b&gt; co-ops.</p><p>And mail.</p>' })
    expect(after.languages).toEqual(['zh', 'en'])
    expect(after).toMatchObject({ nameMap: before.nameMap, defaultLanguage: 'de', location: before.location, summary: before.summary })
  })

  test('a save over a version someone else saved meanwhile is refused, says what changed, and writes nothing', async () => {
    const { editor } = await richListingWithEditor('conflicting-save')
    const fields = await loadForm(editor, 'es')
    await api().patch('/api/listings/conflicting-save').set(inst.auth).send({ name: 'Nombre del operador', pricing: 'Gratis' }).expect(200)
    const theirs = await stored('conflicting-save')
    const res = await save(editor, edited(fields, 'summaryMap.es', 'Mi cambio, que no debe pisar el suyo.'), 'es')
    expect(res.status).toBe(409)
    expect(res.text).toContain('Otra persona guardó este registro')
    const notice = res.text.slice(res.text.indexOf('id="conflict"'), res.text.indexOf('</div>', res.text.indexOf('id="conflict"')))
    expect(notice).toContain('<dt>Nombre</dt><dd>Nombre del operador</dd>')
    expect(notice).not.toContain('Resumen en') // the summaries did not change meanwhile
    expect(notice).toContain('href="/editors/listing"')
    expect(await stored('conflicting-save')).toEqual(theirs)

    // Reloading shows their version, and a save from it goes through.
    const fresh = await loadForm(editor)
    expect(fresh).toContainEqual(['name', 'Nombre del operador'])
    expect((await save(editor, edited(fresh, 'summaryMap.es', 'Mi cambio.'))).status).toBe(200)
    expect(await stored('conflicting-save')).toMatchObject({ name: 'Nombre del operador', pricing: 'Gratis', summaryMap: { es: '<p>Mi cambio.</p>' } })
  })

  test('a form without its version is refused as stale, writing nothing', async () => {
    const { editor, before } = await richListingWithEditor('no-version')
    const fields = edited(await loadForm(editor), '_version', null)
    const res = await save(editor, edited(fields, 'name', 'Sin versión'))
    expect(res.status).toBe(409)
    expect(await stored('no-version')).toEqual(before)
  })
})

describe('every field of the schema on the editor form (issue 12)', () => {
  test('the form shows every place, contact visibility, the licence; a second place added from the folded empty one is all that changes', async () => {
    const { editor, before } = await richListingWithEditor('more-fields')
    const page = (await editor.get('/editors/listing').expect(200)).text
    expect(page).toContain('value="Remote desk"') // the second place, editable
    expect(page).toContain('<summary>Add another place</summary>')
    expect(page).toContain('name="contactVisibility.website"')
    expect(page).toContain('name="dataLicense" value="CC0-1.0" checked')
    expect(page).toContain('href="/editors/account">Account settings</a>')
    const fields = await loadForm(editor)
    const added = edited(edited(edited(fields, 'location.2.name', 'Recife'), 'location.2.latitude', '-8,05'), 'location.2.longitude', '-34,9')
    const res = await save(editor, added)
    expect(res.status).toBe(200)
    const after = await stored('more-fields')
    expect(after.location).toEqual([...(before.location as unknown[]), { name: 'Recife', latitude: -8.05, longitude: -34.9 }])
    expect(after).toEqual({ ...before, location: after.location, version: (before.version as number) + 1, updated: after.updated, provenance: after.provenance })
  })

  test('a place removed, the email for partners only, founded and keywords: only those change', async () => {
    const { editor, before } = await richListingWithEditor('fewer-places')
    const fields = [...(await loadForm(editor)), ['_remove.location.0', '1'] as [string, string]]
    const changed = edited(edited(edited(edited(fields, 'contact.phone', '+55 81 3333 4444'), 'contactVisibility.email', 'partners'), 'founded', '2012'), 'tags', 'redes, pesca')
    expect((await save(editor, changed)).status).toBe(200)
    const after = await stored('fewer-places')
    expect(after.location).toEqual([(before.location as unknown[])[1]])
    expect(after).toMatchObject({ contact: { ...(before.contact as object), phone: '+55 81 3333 4444' }, contactVisibility: { phone: 'partners', email: 'partners' }, founded: 2012, tags: ['redes', 'pesca'], nameMap: before.nameMap, summaryMap: before.summaryMap })
  })

  test('the form posts where it is told (an operator editing a listing)', () => {
    const page = joinPage({ ui: ui('en'), url: '/x', csrf: 't', mode: 'edit', formAction: '/operators/listings/x/edit', tileUrl: '', tileAttribution: '' }, {}, {})
    expect(page).toContain('<form id="join" method="post" action="/operators/listings/x/edit"')
  })
})

