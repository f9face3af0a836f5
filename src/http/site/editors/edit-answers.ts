/**
 * The answers a listing edit form gets, shared by the editor's page
 * (/editors/listing) and the operator's (/operators/listings/SLUG/edit),
 * which differ only in how a save lands (held for review or live) and
 * where it leads: a field over its cap (413), a logo that is not an image
 * we keep (422, checked before anything is worked out, and only when the
 * edit sets it), the preview, a save refused because someone saved since
 * (409, with what they changed), or the form's errors (422).
 */
import type { Response } from 'express'
import type { Listing } from '../../../directory/listing'
import type { Edit, EditFailure } from '../../../directory/editing'
import type { Result } from '../../../directory/result'
import { joinPage, type JoinPageContext } from '../join/view'
import { editorPreview, type PreviewSettings } from './view'
import { formErrors } from '../form/errors'
import type { FormValues } from '../form/fields'
import { oversizedFields, withoutFields } from '../form/limits'
import { formValues, formPatch, changedSince } from '../form/listing-form'
import { fieldDisplay } from '../form/render'
import { logoErrors, type LogoCheck } from '../form/logo'

/** A posted edit form: the page it is shown again on (its version and fingerprint as loaded), and what was sent. */
export interface PostedEdit {
  ctx: JoinPageContext
  body: Record<string, unknown>
}

const valuesOf = (posted: PostedEdit): FormValues => posted.body as FormValues

/** The page context of a posted form: it keeps the version and fingerprint it was loaded with. */
export const postedContext = <C extends JoinPageContext>(ctx: C, body: Record<string, unknown>): C =>
  ({ ...ctx, loaded: { version: String(body._version ?? ''), fingerprint: String(body._fields ?? '') } })

/** The edit the form describes: onto the version it was loaded at, only the fields the person changed. */
export const editOf = (body: Record<string, unknown>): Edit => ({ version: Number(body._version), changes: (loaded: Listing) => formPatch(loaded, body) })

/** Answers 413 when a field is over its cap (the page shown again without those values); true when it answered. */
export function answeredOversized(res: Response, posted: PostedEdit): boolean {
  const oversized = oversizedFields(posted.body)
  if (!oversized.length) return false
  res.status(413).type('html').send(joinPage(posted.ctx, withoutFields(valuesOf(posted), oversized), Object.fromEntries(oversized.map((f) => [f, 'error.tooLong']))))
  return true
}

/** Answers 422 when the edit sets a logo that is not an image we keep (fetched only then); true when it answered. */
export async function answeredLogo(res: Response, posted: PostedEdit, listing: Listing, check: LogoCheck | undefined): Promise<boolean> {
  const errors = await logoErrors(formPatch(listing, posted.body), [], check)
  if (!errors.length) return false
  res.status(422).type('html').send(joinPage(posted.ctx, valuesOf(posted), formErrors(errors)))
  return true
}

/** The answer to an edit previewed or refused: the preview in the profile's layout, the conflict (409), or the errors (422). */
export function answerEdit(res: Response, posted: PostedEdit, outcome: Result<Listing, EditFailure>, settings: PreviewSettings): void {
  const { ctx } = posted
  const values = valuesOf(posted)
  if (outcome.ok) {
    res.type('html').send(joinPage(ctx, values, {}, { preview: editorPreview(ctx.ui, outcome.value, settings) }))
    return
  }
  if (outcome.error.kind === 'stale') {
    const current = formValues(outcome.error.current)
    const conflict = changedSince(posted.body._fields, current).map((field) => ({ field, current: fieldDisplay(ctx.ui, field, current) }))
    res.status(409).type('html').send(joinPage({ ...ctx, conflict }, values, {}))
    return
  }
  const errors = formErrors(outcome.error.kind === 'invalid' ? outcome.error.errors : [])
  res.status(422).type('html').send(joinPage(ctx, values, Object.keys(errors).length ? errors : { name: 'error.invalid' }))
}
