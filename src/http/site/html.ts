/**
 * HTML that escapes by construction: every interpolated value in `html`
 * is escaped unless it is itself a SafeHtml made by this module.
 */
import { escapeHtml } from '../../support/escape-html'

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

export { escapeHtml }

type Part = SafeHtml | string | number | boolean | null | undefined | Part[]

function render(part: Part): string {
  if (Array.isArray(part)) return part.map(render).join('')
  if (part instanceof SafeHtml) return part.value
  if (part === null || part === undefined || part === false) return ''
  return escapeHtml(part)
}

export function html(strings: TemplateStringsArray, ...values: Part[]): SafeHtml {
  let out = strings[0] ?? ''
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '')
  })
  return new SafeHtml(out)
}

/** For HTML that was sanitised on the way in (listing summaries). */
export const trusted = (sanitised: string): SafeHtml => new SafeHtml(sanitised)
