/** Where outgoing mail is set up: an outbox in the store, sent over SMTP_URL; nothing when it is unset. */
import type { Logger } from 'pino'
import type { Config } from '../config/config'
import type { DocumentDb } from '../storage/document-db'
import { MailOutbox } from '../mail/outbox'
import { smtpSender } from '../mail/smtp'

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
