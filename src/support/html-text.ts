/** A listing summary's small HTML as plain text: for the form that edits it, and for formats that carry text only. */
import { unescapeHtml } from './escape-html'

/**
 * Summary HTML (sanitised: only the small allowed subset) as the plain text
 * the form edits: blocks become paragraphs, list items lines. It is shown
 * only; unless the person edits it, the stored HTML is kept as it is.
 */
export const asParagraphs = (htmlText: string): string =>
  unescapeHtml(htmlText.replace(/<br\s*\/?>/g, '\n').replace(/<\/li>/g, '\n').replace(/<\/?(?:p|ul|ol|blockquote)>/g, '\n\n').replace(/<[^<>]*>/g, '') // [^<>]: linear on runs of "<"
    .replace(/\n[ \t]*\n(?:[ \t]*\n)*/g, '\n\n'))
    .trim()
