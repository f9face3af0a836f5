/** A moment as the reader reads it: date and time in their language (UTC, said so), in a <time> for machines. */
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'

const formats = new Map<string, Intl.DateTimeFormat>()

const formatFor = (lang: string): Intl.DateTimeFormat => {
  let f = formats.get(lang)
  if (!f) formats.set(lang, (f = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })))
  return f
}

export const moment = (ui: Ui, d: Date): SafeHtml => html`<time datetime="${d.toISOString()}">${formatFor(ui.lang).format(d)} UTC</time>`

/** A marker no translation contains, where a piece of HTML goes into a translated sentence. */
const SLOT = '\u0000'

/** A translated sentence with `{date}` as a <time> element (every other value escaped as usual). */
export function sentenceWithMoment(ui: Ui, key: MessageKey, d: Date, values: Record<string, string | number> = {}): SafeHtml {
  const [before, after] = ui.t(key, { ...values, date: SLOT }).split(SLOT)
  return html`${before ?? ''}${moment(ui, d)}${after ?? ''}`
}
