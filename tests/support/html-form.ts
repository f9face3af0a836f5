/**
 * What a browser would submit for a server-rendered form, read from its
 * HTML: inputs with their value (checkboxes only when checked), each
 * select's selected option (or its first, as browsers do), textareas with
 * their text — the one leading newline dropped and line ends sent as CRLF,
 * as the HTML spec says. Enough for the forms this project renders.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: '\u00a0' }
const decode = (s: string): string => s.replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const m of tag.matchAll(/([a-zA-Z_:.-]+)(?:="([^"]*)")?/g)) out[(m[1] as string).toLowerCase()] = decode(m[2] ?? '')
  return out
}

/** The body (name, value pairs in document order) that submitting the form with this id sends, `submitter` included. */
export function formFields(page: string, formId: string, submitter?: [string, string]): Array<[string, string]> {
  const start = page.indexOf(`<form id="${formId}"`)
  if (start < 0) throw new Error(`no form #${formId} in the page`)
  const form = page.slice(start, page.indexOf('</form>', start))
  const fields: Array<[string, string]> = []
  for (const m of form.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const [whole, element, rest] = m as unknown as [string, string, string]
    const a = attributes(rest)
    if (!a.name) continue
    if (element === 'input') {
      const type = (a.type ?? 'text').toLowerCase()
      if (['submit', 'button', 'image', 'reset'].includes(type)) continue
      if ((type === 'checkbox' || type === 'radio') && !('checked' in a)) continue
      fields.push([a.name, type === 'checkbox' || type === 'radio' ? a.value ?? 'on' : (a.value ?? '').replace(/[\r\n]/g, '')])
    } else {
      const after = (m.index as number) + whole.length
      const inner = form.slice(after, form.indexOf(`</${element}>`, after))
      if (element === 'textarea') {
        fields.push([a.name, decode(inner).replace(/^\r?\n/, '').replace(/\r?\n/g, '\r\n')])
      } else {
        const options = [...inner.matchAll(/<option\b([^>]*)>([^<]*)/g)].map((o) => ({ a: attributes(o[1] as string), label: decode(o[2] as string) }))
        const chosen = options.find((o) => 'selected' in o.a) ?? options[0]
        if (chosen) fields.push([a.name, chosen.a.value ?? chosen.label])
      }
    }
  }
  if (submitter) fields.push(submitter)
  return fields
}

/** The fields as an application/x-www-form-urlencoded body. */
export const encodeForm = (fields: Array<[string, string]>): string => new URLSearchParams(fields).toString()
