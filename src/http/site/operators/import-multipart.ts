/**
 * The import page's form as the browser sends it (multipart/form-data, RFC
 * 7578): a few text fields and one file, read from the request stream with
 * busboy. The file is capped while it streams: past `maxFileBytes` the
 * answer is "too big" and the rest of the body is drained, never buffered.
 */
import Busboy from 'busboy'
import type { IncomingHttpHeaders } from 'node:http'
import type { Readable } from 'node:stream'

export interface UploadedForm {
  fields: Record<string, string>
  file?: { name: string; bytes: Buffer }
}

export type UploadOutcome = { ok: true; form: UploadedForm } | { ok: false; reason: 'not-a-form' | 'too-big' }

/** At most this many parts, and this much of a text field: the form has six. */
const MAX_PARTS = 20
const MAX_FIELD = 2000

/** The form's fields and its first file, or why it cannot be read. */
export function readUpload(request: Readable & { headers: IncomingHttpHeaders }, maxFileBytes: number): Promise<UploadOutcome> {
  return new Promise((resolve) => {
    let parser: Busboy.Busboy
    if (!/^multipart\/form-data\b/i.test(request.headers['content-type'] ?? '')) {
      resolve({ ok: false, reason: 'not-a-form' }) // busboy reads url-encoded forms too; this one sends a file
      return
    }
    try {
      parser = Busboy({ headers: request.headers, limits: { parts: MAX_PARTS, fields: MAX_PARTS, files: 1, fieldSize: MAX_FIELD, fileSize: maxFileBytes } })
    } catch {
      resolve({ ok: false, reason: 'not-a-form' }) // no multipart Content-Type, or no boundary
      return
    }
    const form: UploadedForm = { fields: {} }
    let outcome: UploadOutcome | undefined
    const settle = (value: UploadOutcome) => {
      outcome ??= value
    }
    parser.on('field', (name, value, info) => {
      if (!info.valueTruncated) form.fields[name] = value
    })
    parser.on('file', (_name, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('limit', () => settle({ ok: false, reason: 'too-big' }))
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks)
        if (info.filename || bytes.length) form.file = { name: (info.filename ?? '').slice(0, 255), bytes }
      })
    })
    parser.on('error', () => {
      settle({ ok: false, reason: 'not-a-form' })
      request.unpipe(parser)
      request.resume() // drain what is left, so the answer can still be sent
      resolve(outcome as UploadOutcome)
    })
    parser.on('close', () => resolve(outcome ?? { ok: true, form }))
    request.pipe(parser)
  })
}
