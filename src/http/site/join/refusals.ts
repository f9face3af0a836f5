/** Why an application was not taken, as a page: the form again with its errors, or a refusal with the way back. */
import type { Request, Response } from 'express'
import type { RegistrationFailure } from '../../../directory/registration'
import { html } from '../html'
import { page } from '../layout'
import { formErrors } from '../form/errors'
import type { FormErrors } from '../form/fields'
import type { Ui } from '../i18n/translate'
import { requestUi } from '../ui'

/** The page that says why an application was not taken: the form again with its errors, or a refusal. */
export function refused(req: Request, res: Response, failure: RegistrationFailure, form: (status: number, errors: FormErrors) => void): void {
  switch (failure.kind) {
    case 'invalid': return form(422, formErrors(failure.errors))
    case 'queue-full': return refusal(req, res.set('Retry-After', '86400'), 503, (ui) => ui.t('join.queueFull'))
    case 'client-cap': return refusal(req, res, 429, (ui) => ui.t('join.clientCap', { count: failure.count }))
    case 'no-free-slug': return form(409, { name: 'error.invalid' })
    case 'not-created': return form(422, { name: 'error.invalid' })
  }
}

/** A page with only the reason an application is refused, and the way back to the form. */
export function refusal(req: Request, res: Response, status: number, message: (ui: Ui) => string): void {
  const ui = requestUi(req, res)
  res.status(status).type('html').send(page({ title: ui.t('join.title'), ui, url: req.originalUrl, body: html`<h1>${ui.t('join.title')}</h1><p class="errors" role="alert">${message(ui)}</p><p><a href="/join">${ui.t('nav.join')}</a></p>` }))
}
