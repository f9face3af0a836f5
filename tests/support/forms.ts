/** Posting the server-rendered forms as a browser would: the CSRF cookie and token first. */
import request from 'supertest'
import type { Express } from 'express'

export interface FormSession { cookie: string; csrf: string }

/** GETs `path` and keeps the CSRF cookie and the form's token. */
export async function formSession(app: Express, path = '/join', headers: Record<string, string> = {}): Promise<FormSession> {
  const res = await request(app).get(path).set(headers)
  const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? [])
  const cookie = setCookie.map((c) => c.split(';')[0]).join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(res.text)?.[1]
  if (!csrf) throw new Error(`no CSRF token on ${path}`)
  return { cookie, csrf }
}

/** A urlencoded body; repeated keys for arrays. */
export function formBody(fields: Record<string, string | string[]>): string {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of ([] as string[]).concat(v)) params.append(k, one)
  return params.toString()
}

/** A complete, valid application for /join; tests override fields. */
export function application(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Cooperativa de Prueba',
    kind: 'worker-coop',
    defaultLanguage: 'es',
    'summaryMap.es': 'Alojamiento web y correo para colectivas.',
    services: ['web-hosting'],
    languages: ['es'],
    'location.0.latitude': '17.06',
    'location.0.longitude': '-96.72',
    'account.email': 'editora@prueba.example',
    'account.password': 'una-contraseña-larga',
    action: 'submit',
    ...overrides
  }
}

/** POSTs a form with the session's cookie and token. */
export function postForm(app: Express, path: string, session: FormSession, fields: Record<string, string | string[]>, headers: Record<string, string> = {}): request.Test {
  return request(app).post(path).set(headers).set('cookie', session.cookie).type('form').send(formBody({ _csrf: session.csrf, ...fields }))
}
