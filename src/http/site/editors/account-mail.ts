/**
 * The messages of editor accounts, in the reader's language, through the
 * stored outbox: the forgotten password's link, the new address's link, and
 * the notice to the old address. Links are absolute, under PUBLIC_URL, and
 * carry the reader's language so the page they open speaks it too.
 */
import type { EditorTokens } from '../../../directory/editor-tokens'
import type { MailOutbox } from '../../../mail/outbox'
import { composeMail } from '../../../mail/layout'
import type { Ui } from '../i18n/translate'

/** What editor mail needs (only when SMTP_URL is set): the outbox, the links' store, the instance's name. */
export interface AccountMail {
  outbox: Pick<MailOutbox, 'enqueue'>
  tokens: EditorTokens
  instanceName: string
  /** The clock of the links' expiry; default Date.now (tests move it). */
  now?: () => number
}

/** Who writes, and where from: the mail settings, this instance's public address. */
export interface MailFrom {
  mail: AccountMail
  publicUrl: string
}

const linkTo = (from: MailFrom, path: string, token: string, ui: Ui) => `${from.publicUrl}${path}?token=${encodeURIComponent(token)}&lang=${ui.lang}`

const footer = (ui: Ui, from: MailFrom) => ui.t('account.mailFooter', { instance: from.mail.instanceName, url: `${from.publicUrl}/editors` })

/** The forgotten password's link, to the account's address. */
export function resetMail(ui: Ui, from: MailFrom, to: string, name: string, token: string) {
  const instance = from.mail.instanceName
  return composeMail({
    to, lang: ui.lang, subject: ui.t('account.mailResetSubject', { instance }),
    paragraphs: [ui.t('account.mailResetIntro', { name, instance }), ui.t('account.mailResetOutro')],
    action: { label: ui.t('account.mailResetAction'), url: linkTo(from, '/editors/reset/confirm', token, ui) },
    footer: footer(ui, from)
  })
}

/** The link that confirms a new sign-in address, to that new address. */
export function newAddressMail(ui: Ui, from: MailFrom, to: string, name: string, token: string) {
  const instance = from.mail.instanceName
  return composeMail({
    to, lang: ui.lang, subject: ui.t('account.mailEmailSubject', { instance }),
    paragraphs: [ui.t('account.mailEmailIntro', { name, instance }), ui.t('account.mailEmailOutro')],
    action: { label: ui.t('account.mailEmailAction'), url: linkTo(from, '/editors/account/email/confirm', token, ui) },
    footer: footer(ui, from)
  })
}

/** The short notice to the old address that a change was asked for (and how to stop it). */
export function oldAddressNotice(ui: Ui, from: MailFrom, to: string, name: string, newEmail: string) {
  const instance = from.mail.instanceName
  return composeMail({
    to, lang: ui.lang, subject: ui.t('account.mailNoticeSubject', { instance }),
    paragraphs: [ui.t('account.mailNoticeIntro', { name, instance, email: newEmail }), ui.t('account.mailNoticeOutro')],
    footer: footer(ui, from)
  })
}
