/**
 * First run (issue 12, point 6): an empty directory's map page says how
 * listings arrive, in four languages, and only while nothing is listed; the
 * operator loads demo data from the listings page (a redirect, marked as
 * examples on the results) and removes it (only once confirmed).
 */
import request from 'supertest'
import { composeInstance, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { CATALOGS } from '../../src/http/site/i18n/messages'

let inst: TestInstance
beforeAll(async () => {
  inst = await composeInstance()
})
afterAll(() => inst.close())

const get = (path: string, lang = 'en', cookie = '') => request(inst.tejido.app).get(path).set('Accept-Language', lang).set('Cookie', cookie)

interface Browser { cookie: string; csrf: string }

/** Signs an operator in as a browser would: the CSRF cookie and token first, then the session cookie. */
async function signIn(): Promise<Browser> {
  const page = await get('/operators')
  const cookies = new Map<string, string>()
  const keep = (set: string[] | string | undefined) => {
    for (const line of [set ?? []].flat()) {
      const [name, value] = ((line.split(';')[0] as string).split('=')) as [string, string]
      cookies.set(name, value)
    }
  }
  keep(page.headers['set-cookie'])
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1] as string
  const cookie = () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await request(inst.tejido.app).post('/operators/sign-in').type('form').set('Cookie', cookie()).send({ _csrf: csrf, token: ADMIN_TOKEN })
  expect(res.status).toBe(303)
  keep(res.headers['set-cookie'])
  const listings = await get('/operators/listings', 'en', cookie())
  return { cookie: cookie(), csrf: /name="_csrf" value="([^"]+)"/.exec(listings.text)?.[1] as string }
}

const post = (b: Browser, path: string, fields: Record<string, string> = {}) =>
  request(inst.tejido.app).post(path).type('form').set('Cookie', b.cookie).send({ _csrf: b.csrf, ...fields })

describe('first run', () => {
  test.each(['en', 'es', 'fr', 'pt'] as const)('the empty map page says how to add listings (%s)', async (lang) => {
    const t = CATALOGS[lang]
    for (const path of ['/', '/?q=correo', '/fragments/results?q=correo']) {
      const res = await get(path, lang)
      expect(res.status).toBe(200)
      expect(res.text).toContain('id="first-run"')
      expect(res.text).toContain(t['firstRun.title'])
      expect(res.text).toContain(`<a href="/join">${t['firstRun.joinLink']}</a>`)
      expect(res.text).toContain('<code>POST /api/listings</code>')
      expect(res.text).toContain(`<a href="/operators/listings#demo">${t['firstRun.load']}</a>`)
      expect(res.text).toContain('<code>npm run seed</code>')
      expect(res.text).not.toContain('{command}')
      expect(res.text).not.toContain(t['search.none'])
    }
  })

  test('the operator loads demo data (a redirect), the map shows them as examples, the guide goes; removal needs the tick', async () => {
    const op = await signIn()
    const page = await get('/operators/listings', 'es', op.cookie)
    expect(page.text).toContain(CATALOGS.es['firstRun.load'])
    expect(page.text).toContain('class="destructive"')

    const loaded = await post(op, '/operators/demo/load')
    expect(loaded.status).toBe(303)
    expect(loaded.headers.location).toBe('/operators/listings?demo=loaded&created=320&existing=0#demo')
    expect((await get('/operators/listings?demo=loaded&created=320&existing=0', 'en', op.cookie)).text).toContain('320 demo listings loaded (0 were already there).')

    const map = await get('/', 'es')
    expect(map.text).not.toContain('id="first-run"')
    expect(map.text).toContain(`<span class="example-mark">${CATALOGS.es['firstRun.example']}</span>`)
    const nothing = await get('/?q=zzqqxxnothing')
    expect(nothing.text).not.toContain('id="first-run"') // a search that finds nothing is not an empty directory
    expect(nothing.text).toContain(CATALOGS.en['search.none'])

    const unconfirmed = await post(op, '/operators/demo/remove')
    expect(unconfirmed.headers.location).toBe('/operators/listings?demo=unconfirmed#demo')
    expect((await get('/operators/listings?demo=unconfirmed', 'en', op.cookie)).text).toContain(CATALOGS.en['firstRun.notConfirmed'])
    expect(await inst.tejido.search.count()).toBeGreaterThan(0)

    const removed = await post(op, '/operators/demo/remove', { confirm: 'yes' })
    expect(removed.headers.location).toBe('/operators/listings?demo=removed&removed=320#demo')
    expect((await get('/', 'en')).text).toContain('id="first-run"')
  }, 60000)

  test('the demo forms need a signed-in operator and the CSRF token', async () => {
    expect((await request(inst.tejido.app).post('/operators/demo/load')).status).toBe(303) // to the sign-in page
    const op = await signIn()
    const forged = await request(inst.tejido.app).post('/operators/demo/load').type('form').set('Cookie', op.cookie).send({ _csrf: 'forged' })
    expect(forged.status).toBe(403)
    expect(await inst.tejido.search.count()).toBe(0)
  })
})
