/**
 * What the editor's page says about a change held for review (issue 12):
 * which fields wait and since when, the published and the proposed values
 * side by side, and a button to withdraw it; or, once the operator declined
 * it, that it was declined and when, with a button to dismiss the notice.
 */
import type { HeldChange } from '../../../directory/change-review'
import type { Listing } from '../../../directory/listing'
import { inputOf } from '../../../directory/listing-service'
import { html, type SafeHtml } from '../html'
import type { Ui } from '../i18n/translate'
import { diffRows, diffTable, fieldList } from '../review/diff'
import { sentenceWithMoment } from '../review/moment'

/** The path the withdraw (and dismiss) button posts to. */
export const WITHDRAW_PATH = '/editors/listing/change/withdraw'

const valueIn = (doc: Record<string, unknown>) => (path: readonly string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), doc) ?? null

/** The notice above the editor's form; `listing` is the approved one, as published. */
export function heldNotice(ui: Ui, csrf: string, listing: Listing, change: HeldChange): SafeHtml {
  const waiting = change.state === 'waiting'
  const rows = diffRows(ui, change.values, valueIn(inputOf(listing)))
  const button = html`<form method="post" action="${WITHDRAW_PATH}" class="inline"><input type="hidden" name="_csrf" value="${csrf}"><button type="submit" class="secondary">${ui.t(waiting ? 'review.withdraw' : 'review.dismiss')}</button></form>`
  const fields = fieldList(ui, change)
  if (!waiting) {
    return html`<section class="held-change declined" id="held-change" aria-labelledby="held-title"><h2 id="held-title">${ui.t('review.declinedTitle')}</h2>
<p>${sentenceWithMoment(ui, 'review.declinedText', change.decidedAt ?? change.heldAt, { fields })}</p>
${diffTable(ui, rows, ui.t('review.declinedCaption'), true)}
<p>${button}</p></section>`
  }
  return html`<section class="held-change" id="held-change" aria-labelledby="held-title"><h2 id="held-title">${ui.t('review.heldTitle')}</h2>
<p>${sentenceWithMoment(ui, 'review.heldSince', change.heldAt, { fields })}</p>
${diffTable(ui, rows, ui.t('review.heldCaption'))}
<p>${ui.t('review.heldForm')}</p>
<p>${button}</p></section>`
}
