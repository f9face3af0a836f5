/**
 * The SMTP side of the outbox: nodemailer, from SMTP_URL (smtp:// upgrades
 * with STARTTLS when the server offers it, smtps:// is TLS from the start;
 * user and password in the URL) and MAIL_FROM. One pooled connection, so a
 * batch of messages does not open one connection each.
 */
import nodemailer from 'nodemailer'
import type { MailConfig } from '../config/config'
import type { MailSender, OutgoingMail } from './outbox'

export interface SmtpSender extends MailSender {
  close(): void
}

/** `tls`: options for the TLS layer (tests trust their own server's certificate). */
export function smtpSender(config: MailConfig, tls?: { rejectUnauthorized: boolean }): SmtpSender {
  const url = new URL(config.url)
  const secure = url.protocol === 'smtps:'
  const user = decodeURIComponent(url.username)
  const transport = nodemailer.createTransport({
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    pool: true,
    maxConnections: 1,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    ...(tls ? { tls } : {})
  }, { from: config.from })
  return {
    async send(mail: OutgoingMail & { messageId: string }): Promise<void> {
      await transport.sendMail({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId })
    },
    close: () => transport.close()
  }
}
