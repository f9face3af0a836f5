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
import type { MessageKey } from '../i18n/messages'

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

/** A mailed link's words and where it leads: the forgotten password's, and the new address's. */
const LINK_MAILS = {
  reset: { subject: 'account.mailResetSubject', intro: 'account.mailResetIntro', outro: 'account.mailResetOutro', action: 'account.mailResetAction', path: '/editors/reset/confirm' },
  email: { subject: 'account.mailEmailSubject', intro: 'account.mailEmailIntro', outro: 'account.mailEmailOutro', action: 'account.mailEmailAction', path: '/editors/account/email/confirm' }
} as const satisfies Record<string, { subject: MessageKey; intro: MessageKey; outro: MessageKey; action: MessageKey; path: string }>

function linkMail(kind: keyof typeof LINK_MAILS, ui: Ui, from: MailFrom, to: string, name: string, token: string) {
  const words = LINK_MAILS[kind]
  const instance = from.mail.instanceName
  return composeMail({
    to, lang: ui.lang, subject: ui.t(words.subject, { instance }),
    paragraphs: [ui.t(words.intro, { name, instance }), ui.t(words.outro)],
    action: { label: ui.t(words.action), url: linkTo(from, words.path, token, ui) },
    footer: footer(ui, from)
  })
}

/** The forgotten password's link, to the account's address. */
export const resetMail = (ui: Ui, from: MailFrom, to: string, name: string, token: string) => linkMail('reset', ui, from, to, name, token)

/** The link that confirms a new sign-in address, to that new address. */
export const newAddressMail = (ui: Ui, from: MailFrom, to: string, name: string, token: string) => linkMail('email', ui, from, to, name, token)

/** The short notice to the old address that a change was asked for (and how to stop it). */
export function oldAddressNotice(ui: Ui, from: MailFrom, to: string, name: string, newEmail: string) {
  const instance = from.mail.instanceName
  return composeMail({
    to, lang: ui.lang, subject: ui.t('account.mailNoticeSubject', { instance }),
    paragraphs: [ui.t('account.mailNoticeIntro', { name, instance, email: newEmail }), ui.t('account.mailNoticeOutro')],
    footer: footer(ui, from)
  })
}
