/**
 * The mail outbox over real SMTP: an in-process SMTP server (smtp-server)
 * with authentication receives what Tejido sends (nodemailer), and mailparser
 * reads it. The outbox lives in the embedded store on disk, so "restarting
 * the app" is closing the store and opening it again.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { MailOutbox, retryDelay } from '../../src/mail/outbox'
import { smtpSender, type SmtpSender } from '../../src/mail/smtp'
import { loadConfig } from '../../src/config/config'

const USER = 'tejido'
const PASS = 'correct horse battery'

/** An SMTP server that keeps what it receives; `acceptUntilClose`: after that many messages it shuts down (an outage mid-batch). */
async function smtpServer(port = 0, acceptUntilClose = Infinity, received: ParsedMail[] = []) {
  let server!: SMTPServer
  const closed = new Promise<void>((resolve) => {
    server = new SMTPServer({
      authOptional: false,
      disabledCommands: ['STARTTLS'],
      closeTimeout: 50,
      logger: false,
      onAuth(auth, _session, cb) {
        if (auth.username === USER && auth.password === PASS) cb(null, { user: USER })
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

async function until(condition: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setImmediate(r))
  }
}

const mail = (i: number) => ({ to: `coop${i}@example.org`, subject: `Confirma tu correo ${i}`, text: `Hola ${i}: confirma aquí https://x.example/c/${i}`, html: `<p>Hola ${i}: <a href="https://x.example/c/${i}">confirma aquí</a></p>` })

describe('mail outbox over SMTP', () => {
  let dir: string
  let client: EmbeddedClient
  let clock: number
  const senders: SmtpSender[] = []
  const logger = pino({ level: 'silent' })
  const sender = (port: number) => {
    const config = loadConfig({ SMTP_URL: `smtp://${USER}:${encodeURIComponent(PASS)}@127.0.0.1:${port}`, MAIL_FROM: 'Tejido <directorio@tejido.example>' }).mail
    if (!config) throw new Error('no mail config')
    const s = smtpSender(config)
    senders.push(s)
    return s
  }
  const outbox = (port: number) => new MailOutbox(client.db(), sender(port), { host: 'tejido.example', logger, now: () => clock })

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-mail-'))
    client = await new EmbeddedClient(dir).connect()
    clock = Date.UTC(2026, 11, 3)
  })
  afterEach(async () => {
    for (const s of senders.splice(0)) s.close()
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  test('a message arrives with its sender, text, HTML and a stable Message-ID', async () => {
    const smtp = await smtpServer()
    const box = outbox(smtp.port)
    await box.init()
    const id = await box.enqueue(mail(1))
    expect(await box.counts()).toMatchObject({ pending: 1 })
    expect(await box.deliverDue()).toBe(1)
    const [got] = smtp.received
    expect(got?.from?.value[0]).toMatchObject({ name: 'Tejido', address: 'directorio@tejido.example' })
    expect(got?.to && 'text' in got.to ? got.to.text : '').toBe('coop1@example.org')
    expect(got?.subject).toBe('Confirma tu correo 1')
    expect(got?.text?.trim()).toBe('Hola 1: confirma aquí https://x.example/c/1')
    expect(got?.html).toContain('<a href="https://x.example/c/1">confirma aquí</a>')
    expect(got?.messageId).toBe(`<${id}@tejido.example>`)
    expect(await box.counts()).toMatchObject({ pending: 0, sent: 1 })
    await box.stop()
    await smtp.close()
  })

  test('wrong credentials: nothing is lost, the message waits for a retry', async () => {
    const smtp = await smtpServer()
    const config = loadConfig({ SMTP_URL: `smtp://${USER}:wrong@127.0.0.1:${smtp.port}`, MAIL_FROM: 'directorio@tejido.example' }).mail
    const bad = smtpSender(config as NonNullable<typeof config>)
    senders.push(bad)
    const box = new MailOutbox(client.db(), bad, { host: 'tejido.example', logger, now: () => clock })
    await box.init()
    await box.enqueue(mail(1))
    expect(await box.deliverDue()).toBe(0)
    expect(await box.counts()).toMatchObject({ pending: 1, sent: 0 })
    expect(smtp.received).toHaveLength(0)
    // not due again until the retry delay has passed
    expect(await box.deliverDue()).toBe(0)
    await box.stop()
    await smtp.close()
  })

  test('the SMTP server stops mid-batch and the app restarts: every message arrives exactly once', async () => {
    const received: ParsedMail[] = []
    const first = await smtpServer(0, 4, received)
    const port = first.port
    let box = outbox(port)
    await box.init()
    const ids = []
    for (let i = 0; i < 12; i++) ids.push(await box.enqueue(mail(i)))
    expect(await box.deliverDue()).toBe(4) // the server took four, then went away
    await first.closed
    const afterOutage = await box.counts()
    expect(afterOutage.sent).toBe(4)
    expect(afterOutage.pending).toBe(8)
    // the app stops and starts again on the same store
    await box.stop()
    await client.close()
    client = await new EmbeddedClient(dir).connect()
    const second = await smtpServer(port, Infinity, received)
    box = outbox(port)
    await box.init()
    expect(await box.counts()).toMatchObject({ pending: 8, sent: 4 })
    // before the retry delay nothing is tried; after it, the rest goes
    expect(await box.deliverDue()).toBe(0)
    clock += retryDelay(1)
    expect(await box.deliverDue()).toBe(8)
    await until(() => received.length >= 12, 'twelve messages')
    const byId = new Map<string, number>()
    for (const m of received) byId.set(m.messageId as string, (byId.get(m.messageId as string) ?? 0) + 1)
    expect([...byId.values()].every((n) => n === 1)).toBe(true)
    expect([...byId.keys()].sort()).toEqual(ids.map((id) => `<${id}@tejido.example>`).sort())
    expect(await box.counts()).toMatchObject({ pending: 0, sent: 12, failed: 0 })
    await box.stop()
    await second.close()
  })

  test('a message a stopped process was sending is sent again after the restart, with the same Message-ID', async () => {
    const smtp = await smtpServer()
    const db = client.db()
    // what a process that died between claiming and sending leaves
    await db.collection('mail_outbox').insertOne({ ...mail(7), id: 'm7', messageId: '<m7@tejido.example>', state: 'sending', attempts: 0, createdAt: clock, dueAt: clock, claimedAt: clock })
    const box = outbox(smtp.port)
    await box.init()
    expect(await box.deliverDue()).toBe(1)
    expect(smtp.received.map((m) => m.messageId)).toEqual(['<m7@tejido.example>'])
    await box.stop()
    await smtp.close()
  })

  test('retry delays grow from 30 s to an hour', () => {
    expect([1, 2, 3, 8, 40].map(retryDelay)).toEqual([30_000, 60_000, 120_000, 3_600_000, 3_600_000])
  })
})
