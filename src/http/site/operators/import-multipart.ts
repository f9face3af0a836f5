/**
 * The import page's form as the browser sends it (multipart/form-data, RFC
 * 7578): small text fields and one file. The body arrives whole and capped
 * (express.raw with a limit), so the parts are found with Buffer.indexOf —
 * linear in the body, no regular expression over the bytes. No npm package
 * here parses multipart (busboy would, and is the one to take if more forms
 * upload files); this reads only what the import form sends.
 */

export interface UploadedForm {
  fields: Record<string, string>
  file?: { name: string; bytes: Buffer }
}

/** At most this many parts, and this much of a text field: the form has six. */
const MAX_PARTS = 20
const MAX_FIELD = 2000

/** The boundary named in a Content-Type header, or undefined when it is not multipart/form-data. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\/form-data\s*;/i.test(contentType)) return undefined
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  return match?.[1] ?? match?.[2]
}

/** A part's name and file name, from its Content-Disposition header. */
function disposition(headers: string): { name?: string; fileName?: string } {
  const line = headers.split('\r\n').find((h) => /^content-disposition:/i.test(h)) ?? ''
  const name = /;\s*name="([^"]*)"/i.exec(line)?.[1]
  const fileName = /;\s*filename="([^"]*)"/i.exec(line)?.[1]
  return { ...(name !== undefined ? { name } : {}), ...(fileName !== undefined ? { fileName } : {}) }
}

/** The form's fields and file, or undefined when the body is not the multipart form it says it is. */
export function parseMultipart(body: Buffer, boundary: string): UploadedForm | undefined {
  const delimiter = Buffer.from(`--${boundary}`)
  const form: UploadedForm = { fields: {} }
  let at = body.indexOf(delimiter)
  if (at < 0) return undefined
  for (let parts = 0; parts < MAX_PARTS; parts++) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') return form // the closing delimiter
    const headersEnd = body.indexOf('\r\n\r\n', start)
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), start)
    if (headersEnd < 0 || next < 0 || headersEnd > next) return undefined
    const { name, fileName } = disposition(body.subarray(start + 2, headersEnd).toString('utf8'))
    const content = body.subarray(headersEnd + 4, next)
    if (name !== undefined && fileName !== undefined) {
      if (!form.file && (fileName || content.length)) form.file = { name: fileName.slice(0, 255), bytes: Buffer.from(content) }
    } else if (name !== undefined && content.length <= MAX_FIELD) {
      form.fields[name] = content.toString('utf8')
    }
    at = next + 2
  }
  return undefined
}
