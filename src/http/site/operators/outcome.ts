/**
 * What an operator action did, told on the page its redirect (303) lands
 * on: the redirect carries a short key (`?done=deleted`, `?error=unreachable`)
 * that names a message in the reader's language. Only known keys are shown;
 * nothing of the query is echoed, so a crafted link can put no words on the page.
 */
import type { Request } from 'express'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import type { MessageKey } from '../i18n/messages'

/** The messages a page knows, by key: what went well (`done`) and what did not (`error`). */
export interface Outcomes {
  done: Readonly<Record<string, MessageKey>>
  error: Readonly<Record<string, MessageKey>>
}

const known = (table: Readonly<Record<string, MessageKey>>, key: unknown): MessageKey | undefined =>
  typeof key === 'string' && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined

/** The notice for `?done=` or `?error=`, or nothing. */
export function outcomeNotice(ui: Ui, query: Request['query'], outcomes: Outcomes): SafeHtml | '' {
  const error = known(outcomes.error, query.error)
  if (error) return html`<p class="errors" role="alert" id="outcome">${ui.t(error)}</p>`
  const done = known(outcomes.done, query.done)
  if (done) return html`<p class="notice outcome" role="status" id="outcome">${ui.t(done)}</p>`
  return ''
}

/** `path` with `?done=` / `?error=` (and other plain values) set, for a redirect. */
export function withOutcome(path: string, values: Record<string, string>): string {
  const [base, query = ''] = path.split('?') as [string, string?]
  const params = new URLSearchParams(query)
  for (const [k, v] of Object.entries(values)) params.set(k, v)
  const search = params.toString()
  return search ? `${base}?${search}` : base
}
