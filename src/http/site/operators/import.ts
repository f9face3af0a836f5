/**
 * /operators/import: the operator's import page (issue 13, Build 1), the
 * twin of POST /api/import. Upload a file → a dry run (nothing written) →
 * the report → "Import it" imports the same bytes, held server-side
 * (import-held.ts: bounded, short-lived, bound to this session, single
 * use) → the result. Every refusal (no file, too big, not UTF-8, a format
 * the name does not tell) is shown on the form in the reader's language.
 */
import type { Request, Response, Router } from 'express'
import type { ListingService } from '../../../directory/listing-service'
import { importRows, type ImportOptions } from '../../../exchange/import'
import { formatOfFileName, isImportFormat, readRows } from '../../../exchange/import-readers'
import { decodeFile, type FileEncoding } from '../../../exchange/decode'
import { handle } from '../../handle'
import { csrfToken } from '../session'
import type { Guards } from './routes'
import { readUpload, type UploadedForm } from './import-multipart'
import { HeldImports, MAX_HELD_BYTES, type HeldImport } from './import-held'
import { IMPORT_PATH, importFormPage, importReportPage, importResultPage, sizeLimit, type ImportChoices, type ImportProblem } from './import-view'

const oneOf = <T extends string>(raw: string | undefined, allowed: readonly T[], fallback: T): T =>
  (allowed as readonly string[]).includes(raw ?? '') ? (raw as T) : fallback

/** The choices the form sent, each one of the form's own values (anything else: the default). */
function choicesOf(fields: Record<string, string>): Required<Omit<ImportChoices, 'format'>> & { format: string } {
  return {
    format: fields.format ?? '',
    encoding: oneOf<FileEncoding>(fields.encoding, ['utf-8', 'latin1'], 'utf-8'),
    onConflict: oneOf(fields.onConflict, ['update', 'skip'] as const, 'update'),
    moderation: oneOf(fields.moderation, ['approved', 'pending'] as const, 'approved')
  }
}

/** The file and choices of an upload, ready to import, or what is wrong with it. */
function checkedUpload(form: UploadedForm): { held: HeldImport; text: string } | ImportProblem {
  const choices = choicesOf(form.fields)
  if (!form.file || !form.file.bytes.length) return { key: 'imp.error.noFile' }
  const format = choices.format ? choices.format : formatOfFileName(form.file.name)
  if (!isImportFormat(format)) return { key: 'imp.error.unknownFormat' }
  const decoded = decodeFile(form.file.bytes, choices.encoding)
  if (!decoded.ok) return { key: choices.encoding === 'utf-8' ? 'imp.error.notUtf8' : 'imp.error.notEncoding' }
  return { held: { ...choices, format, fileName: form.file.name || format, bytes: form.file.bytes }, text: decoded.text }
}

const optionsOf = (held: HeldImport, dryRun: boolean): ImportOptions => ({ dryRun, onConflict: held.onConflict, moderation: held.moderation })

export function importPageRoutes(router: Router, listings: ListingService, g: Guards, held = new HeldImports()): void {
  const fail = (req: Request, res: Response, status: number, problem: ImportProblem, choices: ImportChoices = {}) =>
    res.status(status).type('html').send(importFormPage(g.ctx(req, res), choices, problem))

  // the form's fields become the body, so the CSRF check reads `_csrf` as in every other form;
  // a file past the limit is told so on the page, not as a bare 413
  const multipart = handle(async (req, res, next) => {
    const read = await readUpload(req, MAX_HELD_BYTES)
    if (!read.ok) return read.reason === 'too-big' ? fail(req, res, 413, { key: 'imp.error.tooBig', values: { size: sizeLimit(g.ctx(req, res).ui) } }) : fail(req, res, 400, { key: 'imp.error.badForm' })
    res.locals.upload = read.form
    req.body = read.form.fields
    next()
  })

  router.get(IMPORT_PATH, g.signedIn, (req, res) => {
    res.type('html').send(importFormPage(g.ctx(req, res)))
  })

  router.post(IMPORT_PATH, g.signedIn, multipart, g.posted, handle(async (req, res) => {
    const form = res.locals.upload as UploadedForm
    const checked = checkedUpload(form)
    if ('key' in checked) return fail(req, res, checked.key === 'imp.error.noFile' ? 400 : 422, checked, choicesOf(form.fields))
    if (checked.held.bytes.length > MAX_HELD_BYTES) return fail(req, res, 413, { key: 'imp.error.tooBig', values: { size: sizeLimit(g.ctx(req, res).ui) } })
    const report = await importRows(listings, readRows(checked.held.format, checked.text), optionsOf(checked.held, true))
    const id = held.hold(checked.held, csrfToken(req, res))
    if (!id) return fail(req, res, 503, { key: 'imp.error.full' }, choicesOf(form.fields))
    res.type('html').send(importReportPage(g.ctx(req, res), checked.held, report, id))
  }))

  router.post(`${IMPORT_PATH}/confirm`, g.signedIn, g.form, g.posted, handle(async (req, res) => {
    const id = (req.body as Record<string, unknown>).held
    const file = typeof id === 'string' ? held.take(id, csrfToken(req, res)) : undefined
    if (!file) return fail(req, res, 410, { key: 'imp.error.expired' })
    const decoded = decodeFile(file.bytes, file.encoding)
    if (!decoded.ok) return fail(req, res, 422, { key: 'imp.error.notEncoding' }) // checked on upload: cannot happen, but never half-imports
    const report = await importRows(listings, readRows(file.format, decoded.text), optionsOf(file, false))
    res.type('html').send(importResultPage(g.ctx(req, res), file, report))
  }))
}
