/**
 * /join that helps (issue 12, point 2), over HTTP as a browser posts it:
 * the main language's summary is the only one asked for; every error is
 * linked from a summary at the top in the reader's language, with what to
 * type; what was typed — the password too — comes back (and no cache keeps
 * it); comma decimals, country names and sites without a scheme are read as
 * meant; a place typed by name is found offline; the preview is the
 * profile's own layout and writes nothing.
 */
import request from 'supertest'
import { composeInstance, type TestInstance } from '../support/instance'
import { formSession, postForm, application } from '../support/forms'

jest.setTimeout(60000)

let inst: TestInstance
let ip = 10
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst?.close())

const api = () => request(inst.tejido.app)
const pending = async () => ((await api().get('/api/listings?moderation=pending&perPage=100').set(inst.auth)).body as { items: Array<Record<string, unknown>> }).items

async function post(fields: Record<string, string | string[]>, lang = 'pt') {
  const headers = { 'X-Forwarded-For': `192.0.2.${ip++}`, 'Accept-Language': lang }
  const session = await formSession(inst.tejido.app, '/join', headers)
  return postForm(inst.tejido.app, '/join', session, fields, headers)
}

/** The error summary at the top of a page. */
const summaryOf = (page: string): string => {
  const start = page.indexOf('<div class="error-summary"')
  return start < 0 ? '' : page.slice(start, page.indexOf('</div>', start))
}

/** The Maré Digital application as a person in Recife types it, mistakes the form reads as meant included. */
const mare = (overrides: Record<string, string | string[]> = {}) => application({
  name: 'Maré Digital', defaultLanguage: 'pt', 'summaryMap.es': '', 'summaryMap.pt': 'Internet comunitária para colônias de pesca.',
  languages: ['pt'], 'location.0.latitude': '-8,05', 'location.0.longitude': '-34,9', 'location.0.country': 'Brasil',
  'contact.website': 'maredigital.coop.br', 'account.email': 'mare@coop.example', 'account.password': 'uma-senha-bem-longa', ...overrides
})

test('an empty form in Portuguese asks for the Portuguese summary, in a focused summary of links to each field', async () => {
  const res = await post({ action: 'submit', defaultLanguage: 'pt' })
  expect(res.status).toBe(422)
  const summary = summaryOf(res.text)
  expect(summary).toContain('role="alert"')
  expect(summary).toContain('tabindex="-1"')
  expect(summary).toContain('Alguns campos precisam de atenção.')
  expect(summary).toContain('<a href="#f-summaryMap-pt">Resumo em português: Escreva o que vocês fazem no idioma principal do cadastro.</a>')
  expect(summary).toContain('<a href="#f-name">Nome: Este campo é obrigatório.</a>')
  expect(summary).toContain('href="#f-kind"')
  expect(summary).toContain('href="#f-account-password"')
  expect(summary).not.toContain('summaryMap-en') // no other language is asked for
  expect(res.text).toContain('id="f-summaryMap-pt-error"')
  expect(res.text).not.toContain('id="f-summaryMap-en-error"')
  // The main language's box is first, in sight and required; the others are in "Em outros idiomas".
  expect(res.text.indexOf('id="f-defaultLanguage"')).toBeLessThan(res.text.indexOf('id="f-name"'))
  const details = res.text.slice(res.text.indexOf('<details id="other-languages"'), res.text.indexOf('</details>'))
  expect(details).toContain('Em outros idiomas (opcional)')
  expect(details).toContain('id="f-summaryMap-en"')
  expect(details).not.toContain('id="f-summaryMap-pt"')
  expect(res.text).toMatch(/<textarea id="f-summaryMap-pt"[^>]* required/)
})

test('the menu\'s main language is the reader\'s until chosen', async () => {
  const page = await api().get('/join').set('Accept-Language', 'fr').expect(200)
  expect(page.text).toMatch(/<option value="fr" selected>/)
  expect(page.text).toContain('Résumé en français (obligatoire)')
})

test('what was typed comes back, the password too, and no cache keeps the page', async () => {
  const get = await api().get('/join').expect(200)
  expect(get.headers['cache-control']).toBe('no-store')
  const res = await post(mare({ 'location.0.latitude': 'oito sul', 'contact.website': 'site da coop', 'location.0.country': 'Nárnia' }))
  expect(res.status).toBe(422)
  expect(res.headers['cache-control']).toBe('no-store')
  expect(res.text).toContain('value="uma-senha-bem-longa"')
  expect(res.text).toContain('value="Maré Digital"')
  expect(res.text).toContain('value="oito sul"')
  // Messages that say what to type, per kind of field.
  expect(res.text).toContain('Um número de -90 a 90; use ponto ou vírgula: -8,05')
  expect(res.text).toContain('Um endereço como https://exemplo.coop')
  expect(res.text).toContain('O nome de um país ou seu código de duas letras (BR).')
  expect(await pending()).toEqual([])
})

test('comma decimals, a country\'s name and a site without its scheme are read as meant; the preview is the profile and writes nothing', async () => {
  const preview = await post(mare({ action: 'preview', services: ['web-hosting', 'community-networks'] }))
  expect(preview.status).toBe(200)
  expect(summaryOf(preview.text)).toBe('')
  const shown = preview.text.slice(preview.text.indexOf('<section class="preview"'), preview.text.indexOf('</section>'))
  expect(shown).toContain('<article class="profile"')
  expect(shown).toMatch(/<h3 itemprop="name">Maré Digital<\/h3>/)
  expect(shown).toContain('@mare-digital@tejido.test')
  expect(shown).toContain('https://maredigital.coop.br')
  expect(shown).toContain('(Brasil)')
  expect(shown).toContain('-8.0500, -34.9000')
  expect(shown).toContain('CC0-1.0')
  expect(preview.text).toContain('value="uma-senha-bem-longa"') // Preview → Send works: the password is still there
  expect(await pending()).toEqual([])

  const sent = await post(mare())
  expect(sent.status).toBe(303) // a redirect: reloading the thanks sends nothing again
  expect(sent.headers.location).toBe('/join/sent?lang=pt')
  const [stored] = await pending()
  expect(stored).toMatchObject({
    name: 'Maré Digital', defaultLanguage: 'pt', summaryMap: { pt: '<p>Internet comunitária para colônias de pesca.</p>' },
    location: [{ latitude: -8.05, longitude: -34.9, country: 'BR' }], contact: { website: 'https://maredigital.coop.br' }, dataLicense: 'CC0-1.0'
  })
  expect(stored?.summaryMap).not.toHaveProperty('es')
})

test('a place typed by name alone is found offline; a name nobody knows is a clear error at that field', async () => {
  const found = await post(mare({ action: 'preview', 'location.0.latitude': '', 'location.0.longitude': '', 'location.0.country': '', 'location.0.name': 'Recife' }))
  expect(found.status).toBe(200)
  expect(found.text).toMatch(/Recife \(Brasil\) <span class="coords">-8\.0\d{3}, -34\.\d{4}<\/span>/)

  const unknown = await post(mare({ 'location.0.latitude': '', 'location.0.longitude': '', 'location.0.name': 'Zzqxv Nenhures' }))
  expect(unknown.status).toBe(422)
  expect(summaryOf(unknown.text)).toContain('<a href="#f-location-0-name">Nome do lugar: Nenhuma cidade com esse nome foi encontrada.')
  expect(unknown.text).not.toContain('id="f-location-0-latitude-error"') // one error, at the name, not "required" at the coordinates
})

test('services grouped by category, language names in the reader\'s language, the licence stated and chosen', async () => {
  const page = (await api().get('/join').set('Accept-Language', 'es').expect(200)).text
  const services = page.slice(page.indexOf('<fieldset class="field services"'), page.indexOf('id="f-languages"'))
  expect(services.match(/<fieldset class="category"><legend>/g)?.length).toBeGreaterThan(3)
  expect(services).toContain('<legend>Alojamiento</legend>')
  expect(page).toContain('value="nah"> náhuatl</label>')
  expect(page).not.toMatch(/value="[a-z]+"> [a-z]{2,3}<\/label>/) // no language shown by its bare code
  expect(page).toMatch(/<input type="radio" id="f-dataLicense-0" name="dataLicense" value="CC0-1.0" checked/)
  expect(page).toContain('href="https://creativecommons.org/licenses/by-sa/4.0/"')

  const chosen = await post(mare({ dataLicense: 'CC-BY-SA-4.0', name: 'Licencia Elegida', 'account.email': 'lic@coop.example' }))
  expect(chosen.status).toBe(303)
  expect((await pending()).find((l) => l.name === 'Licencia Elegida')).toMatchObject({ dataLicense: 'CC-BY-SA-4.0' })
})

test('regions served are typed as names and shown back as names, stored as codes', async () => {
  const res = await post(mare({ action: 'preview', regionsServed: 'Brasil, Portugal, remoto, MX-OAX' }))
  expect(res.status).toBe(200)
  expect(res.text).toContain('Entendido como: Brasil, Portugal, remoto, MX-OAX (México)')
  const sent = await post(mare({ regionsServed: 'Brasil, remoto', name: 'Regiões', 'account.email': 'reg@coop.example' }))
  expect(sent.status).toBe(303)
  expect((await pending()).find((l) => l.name === 'Regiões')).toMatchObject({ regionsServed: ['BR', 'remote'] })
})

test('a name and summary in a language beyond the four of the UI; a row without a usable code says what to type', async () => {
  const page = (await api().get('/join').set('Accept-Language', 'pt')).text
  expect(page).toContain('name="other.0.lang"')
  const bad = await post(mare({ 'other.0.lang': 'português', 'other.0.name': 'Maré' }))
  expect(bad.status).toBe(422)
  expect(summaryOf(bad.text)).toContain('<a href="#f-other-0-lang">Código do idioma: Informe o código do idioma, como de, qu ou nah')
  const sent = await post(mare({ name: 'Maré Nahua', 'account.email': 'nah@coop.example', 'other.0.lang': 'nah', 'other.0.name': 'Atl Tlachinolli', 'other.0.summary': 'Tequitl.' }))
  expect(sent.status).toBe(303)
  expect((await pending()).find((l) => l.name === 'Maré Nahua')).toMatchObject({ nameMap: { nah: 'Atl Tlachinolli' }, summaryMap: { nah: '<p>Tequitl.</p>', pt: expect.any(String) } })
})
