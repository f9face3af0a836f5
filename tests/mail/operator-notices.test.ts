/**
 * OPERATOR_EMAIL end to end (issue 12, point 5): applications entering the
 * queue and a follow request arrive at the operator as one message, read
 * from the in-process SMTP server, in text and HTML with links to the
 * pages; the settings page says the notices are on and to whom.
 */
import request from 'supertest'
import type { ParsedMail } from 'mailparser'
import { composeInstance, sampleListing, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { smtpServer, smtpEnv } from '../support/smtp'
import { fakePeer, type FakePeer } from '../federation/fake-peer'
import { waitFor } from '../support/wait'
import { CATALOGS } from '../../src/http/site/i18n/messages'
import type { OperatorNotices } from '../../src/composition/operator-notices'

const OPERATOR = 'operadora@tejido.test'
let smtp: Awaited<ReturnType<typeof smtpServer>>
let inst: TestInstance
let peer: FakePeer
const received: ParsedMail[] = []

beforeAll(async () => {
  smtp = await smtpServer(0, Infinity, received)
  inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test', ALLOW_PRIVATE_ADDRESSES: '127.0.0.1', INSTANCE_NAME: 'Tejido Sur', OPERATOR_EMAIL: OPERATOR, ...smtpEnv(smtp.port) })
  peer = await fakePeer()
})
afterAll(async () => {
  peer.close()
  await inst.close()
  await smtp.close()
})

test('what starts waiting reaches the operator as one message, with links', async () => {
  const notices = inst.tejido.notices as OperatorNotices
  expect(notices).toBeDefined()
  for (const slug of ['uno', 'dos', 'tres']) expect((await inst.tejido.listings.create(sampleListing({ slug, name: `Coop ${slug}` }), 'pending')).ok).toBe(true)
  expect((await inst.tejido.listings.create(sampleListing({ slug: 'publicada', name: 'Ya Publicada' }))).ok).toBe(true)
  expect((await inst.tejido.federation.peering.onFollow(peer.actorId, `${peer.url}/follows/1`)).ok).toBe(true)
  // the batch window is minutes long; closing it here is what its timer does
  await notices.flush()
  const mail = await waitFor(() => received.find((m) => m.to && 'text' in m.to && m.to.text === OPERATOR), 'the operator notice')
  expect(mail.subject).toBe('Tejido Sur: 4 waiting for you')
  expect(mail.text).toContain('In the moderation queue (3): Coop uno, Coop dos, Coop tres.')
  expect(mail.text).toContain(`Follow requests (1): ${new URL(peer.url).host}.`)
  expect(mail.text).not.toContain('Ya Publicada')
  expect(mail.text).toContain('http://tejido.test/operators/queue')
  expect(mail.text).toContain('http://tejido.test/operators/peers')
  expect(mail.html).toContain('<a href="http://tejido.test/operators/queue">')
  expect(received.filter((m) => m.to && 'text' in m.to && m.to.text === OPERATOR)).toHaveLength(1)
})

test('the settings page says the notices are on, and to whom', async () => {
  const op = request.agent(inst.tejido.app)
  const signIn = await op.get('/operators').expect(200)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] as string
  await op.post('/operators/sign-in').type('form').send({ _csrf: csrf, token: ADMIN_TOKEN }).expect(303)
  const settings = await op.get('/operators/settings').set('Accept-Language', 'es').expect(200)
  expect(settings.text).toContain(CATALOGS.es['opMail.on'].replace('{address}', OPERATOR))
})

test('without OPERATOR_EMAIL there are no notices, and the settings page says how to turn them on', async () => {
  const plain = await composeInstance({ PUBLIC_URL: 'http://tejido.test' })
  try {
    expect(plain.tejido.notices).toBeUndefined()
    const op = request.agent(plain.tejido.app)
    const signIn = await op.get('/operators').expect(200)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(signIn.text)?.[1] as string
    await op.post('/operators/sign-in').type('form').send({ _csrf: csrf, token: ADMIN_TOKEN }).expect(303)
    expect((await op.get('/operators/settings').expect(200)).text).toContain(CATALOGS.en['opMail.offNoMail'])
  } finally {
    await plain.close()
  }
})
