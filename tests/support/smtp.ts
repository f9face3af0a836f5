/** An in-process SMTP server (smtp-server) with authentication, keeping what it receives as parsed by mailparser. */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export const SMTP_USER = 'tejido'
export const SMTP_PASS = 'correct horse battery'

/** An SMTP server that keeps what it receives; `acceptUntilClose`: after that many messages it shuts down (an outage mid-batch). */
export async function smtpServer(port = 0, acceptUntilClose = Infinity, received: ParsedMail[] = []) {
  let server!: SMTPServer
  const closed = new Promise<void>((resolve) => {
    server = new SMTPServer({
      authOptional: false,
      disabledCommands: ['STARTTLS'],
      closeTimeout: 50,
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === SMTP_USER && auth.password === SMTP_PASS) cb(null, { user: SMTP_USER })
        else cb(new Error('Invalid username or password'))
      },
      onData(stream, _session, cb) {
        simpleParser(stream).then((mail) => {
          received.push(mail)
          cb()
          if (received.length >= acceptUntilClose) server.close(() => resolve())
        }, cb)
      }
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  const address = server.server.address() as AddressInfo
  return { server, port: address.port, received, closed, close: () => new Promise<void>((r) => server.close(() => r())) }
}


/** SMTP_URL and MAIL_FROM for a Tejido that sends to this server. */
export const smtpEnv = (port: number): Record<string, string> => ({ SMTP_URL: `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASS)}@127.0.0.1:${port}`, MAIL_FROM: 'Tejido <directorio@tejido.test>' })
