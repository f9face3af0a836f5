/**
 * A message's text and HTML bodies from the same parts, so both say the
 * same thing: paragraphs, an optional action (a link the reader follows,
 * shown in full in the text body, where it cannot hide behind a label) and
 * a closing line (who sent it and why). The words come from the caller, in
 * the reader's language; everything is escaped here.
 */
import { escapeHtml } from '../support/escape-html'
import type { OutgoingMail } from './outbox'

export interface MailParts {
  to: string
  /** A BCP 47 tag, for the HTML's `lang`. */
  lang: string
  subject: string
  paragraphs: string[]
  action?: { label: string; url: string }
  /** Why the reader got this message, and from which instance. */
  footer: string
}

export function composeMail(parts: MailParts): OutgoingMail {
  const { action } = parts
  const text = [...parts.paragraphs, ...(action ? [`${action.label}: ${action.url}`] : []), '--', parts.footer].join('\n\n')
  const html = [
    `<!doctype html><html lang="${escapeHtml(parts.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(parts.subject)}</title></head>`,
    '<body style="font-family:sans-serif;line-height:1.5;max-width:36em">',
    ...parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...(action ? [`<p><a href="${escapeHtml(action.url)}">${escapeHtml(action.label)}</a></p><p style="font-size:.9em">${escapeHtml(action.url)}</p>`] : []),
    `<hr><p style="font-size:.9em;color:#555">${escapeHtml(parts.footer)}</p>`,
    '</body></html>'
  ].join('\n')
  return { to: parts.to, subject: parts.subject, text, html }
}
