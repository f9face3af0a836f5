/** Where outgoing mail is set up: an outbox in the store, sent over SMTP_URL; nothing when it is unset. */
import type { Logger } from 'pino'
import type { Config } from '../config/config'
import type { DocumentDb } from '../storage/document-db'
import { MailOutbox } from '../mail/outbox'
import { smtpSender } from '../mail/smtp'
import { JoinConfirmationStore } from '../storage/join-confirmation-store'
import type { JoinConfirm } from '../http/site/join/confirm'
import { EditorTokenStore } from '../storage/editor-token-store'
import type { AccountMail } from '../http/site/editors/account-mail'

export interface OpenMail {
  outbox: MailOutbox | undefined
  close(): Promise<void>
}

export async function openMail(config: Pick<Config, 'mail' | 'host'>, db: DocumentDb, logger: Logger): Promise<OpenMail> {
  if (!config.mail) {
    logger.info('SMTP_URL is not set: no mail is sent (email confirmation, password reset and operator notices are off)')
    return { outbox: undefined, close: async () => undefined }
  }
  const sender = smtpSender(config.mail)
  const outbox = new MailOutbox(db, sender, { host: config.host, logger, timers: true })
  await outbox.init()
  // what waited while the instance was stopped goes out now
  void outbox.deliverDue().catch((e: unknown) => logger.error({ err: e }, 'mail outbox failed'))
  return {
    outbox,
    close: async () => {
      await outbox.stop()
      sender.close()
    }
  }
}

/** With mail, join applications wait for their address to be confirmed (JoinConfirmationStore); without, none. */
export async function joinConfirm(outbox: MailOutbox | undefined, db: DocumentDb, instanceName: string): Promise<JoinConfirm | undefined> {
  if (!outbox) return undefined
  const confirmations = new JoinConfirmationStore(db)
  await confirmations.init()
  return { outbox, confirmations, instanceName }
}

/** With mail, editors get links to reset a password and to confirm a new address (EditorTokenStore); without, none. */
export async function accountMail(outbox: MailOutbox | undefined, db: DocumentDb, instanceName: string): Promise<AccountMail | undefined> {
  if (!outbox) return undefined
  const tokens = new EditorTokenStore(db)
  await tokens.init()
  return { outbox, tokens, instanceName }
}

/** What the operator settings page says of mail: the sender and the server (never the URL: it holds the password). */
export function mailSetting(config: Pick<Config, 'mail'>): { mail?: { from: string; server: string } } {
  if (!config.mail) return {}
  const url = new URL(config.mail.url)
  return { mail: { from: config.mail.from, server: `${url.protocol}//${url.host}` } }
}
