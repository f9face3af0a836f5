/**
 * The peers page over HTTP (issue 12, point 5): a legend and every state in
 * words in the reader's language (no raw "accepted"/"none"), times as "… ago"
 * with the exact time on hover; following with the publish/review choice;
 * sync now, unfollow, follow back, approve, reject and block — the
 * destructive ones confirmed first — each a redirect (303) that carries
 * what happened, errors included, and never echoes the query unescaped.
 * The other instances are fake peers on loopback (tests/federation/fake-peer.ts).
 */
import request from 'supertest'
import { composeInstance, ADMIN_TOKEN, type TestInstance } from '../support/instance'
import { fakePeer, type FakePeer } from '../federation/fake-peer'
import { waitFor } from '../support/wait'
import { CATALOGS } from '../../src/http/site/i18n/messages'
import type { Peer } from '../../src/federation/peers/peer-store'

let inst: TestInstance
let op: ReturnType<typeof request.agent>
let csrf: string
const fakes: FakePeer[] = []

beforeAll(async () => {
  inst = await composeInstance({ PUBLIC_URL: 'http://tejido.test', ALLOW_PRIVATE_ADDRESSES: '127.0.0.1' })
  op = request.agent(inst.tejido.app)
  const signIn = await op.get('/operators').expect(200)
  await op.post('/operators/sign-in').type('form').send({ _csrf: token(signIn.text), token: ADMIN_TOKEN }).expect(303)
  csrf = token((await op.get('/operators/peers').expect(200)).text)
})
afterAll(async () => {
  for (const f of fakes) f.close()
  await inst.close()
})

function token(page: string): string {
  const found = /name="_csrf" value="([^"]+)"/.exec(page)?.[1]
  if (!found) throw new Error('no CSRF token on the page')
  return found
}

async function aPeer(): Promise<FakePeer> {
  const f = await fakePeer()
  fakes.push(f)
  return f
}

const page = (path: string, lang = 'en') => op.get(path).set('Accept-Language', lang)
const post = (path: string, fields: Record<string, string> = {}) => op.post(path).type('form').send({ _csrf: csrf, ...fields })
const peerAt = async (f: FakePeer): Promise<Peer> => (await inst.tejido.federation.peers.byOrigin(f.url)) as Peer
const received = (f: FakePeer, type: string) => waitFor(() => f.received.find((a) => a.type === type), `${type} at ${f.url}`)
/** The card of one peer on the page. */
const card = (html: string, peer: Peer) => {
  const start = html.indexOf(`data-peer="${peer.id}"`)
  return html.slice(start, html.indexOf('</article>', start))
}

describe('the peers page', () => {
  test('with no peers: the legend explains both directions and every state, in each language', async () => {
    for (const lang of ['en', 'es', 'fr', 'pt'] as const) {
      const t = CATALOGS[lang]
      const html = (await page('/operators/peers', lang).expect(200)).text
      expect(html).toContain('<details class="legend" open>')
      for (const key of ['opPeer.legendWeFollow', 'opPeer.legendTheyFollow', 'opPeer.outPending', 'opPeer.inPending', 'opPeer.blockedState', 'opPeer.policyReview'] as const) {
        expect(html).toContain(t[key])
      }
    }
  })

  test('a follow that fails comes back (303) with a translated message and the URL to correct, escaped', async () => {
    const missing = await post('/operators/peers', { url: '  ' }).expect(303)
    expect(missing.headers.location).toBe('/operators/peers?error=urlMissing')
    const unreachable = await post('/operators/peers', { url: 'http://127.0.0.1:9/' }).expect(303)
    expect(unreachable.headers.location).toBe('/operators/peers?error=unreachable&url=http%3A%2F%2F127.0.0.1%3A9%2F')
    const shown = await page(unreachable.headers.location as string, 'es').expect(200)
    expect(shown.text).toContain(`<p class="errors" role="alert" id="outcome">${CATALOGS.es['opPeer.unreachable']}</p>`)
    expect(shown.text).toContain('value="http://127.0.0.1:9/"')
    const crafted = await page(`/operators/peers?error=${encodeURIComponent('<b>x</b>')}&done=hacked&url=${encodeURIComponent('"><script>alert(1)</script>')}`).expect(200)
    expect(crafted.text).not.toContain('<script>alert(1)')
    expect(crafted.text).not.toContain('<b>x</b>')
    expect(crafted.text).not.toContain('id="outcome"')
  })

  test('follow with review, accepted, sync now, unfollow (confirmed)', async () => {
    const b = await aPeer()
    const followed = await post('/operators/peers', { url: b.actorId, policy: 'review' }).expect(303)
    expect(followed.headers.location).toBe('/operators/peers?done=followed')
    await received(b, 'Follow')
    let peer = await peerAt(b)
    expect(peer).toMatchObject({ policy: 'review', outbound: { state: 'pending' } })
    const pending = card((await page('/operators/peers', 'es')).text, peer)
    expect(pending).toContain(CATALOGS.es['opPeer.outPending'])
    expect(pending).toContain(CATALOGS.es['opPeer.policyReview'])
    expect(pending).toMatch(/<time datetime="[^"]+" title="[^"]+">hace \d+ segundos|<time datetime="[^"]+" title="[^"]+">ahora/)

    expect((await inst.tejido.federation.peering.onAnswer('Accept', b.actorId, peer.outbound.followId as string)).ok).toBe(true)
    // the accepted follow starts a walk of the fake's /directory, which it does not have: an error to show
    peer = await waitFor(async () => { const p = await peerAt(b); return p.sync.lastError ? p : undefined }, 'the first walk to fail')
    const accepted = card((await page('/operators/peers', 'fr')).text, peer)
    expect(accepted).toContain(CATALOGS.fr['opPeer.outAccepted'])
    expect(accepted).toContain(`action="/operators/peers/${peer.id}/sync"`)
    expect(accepted).toContain(`class="button-link danger" href="/operators/peers/${peer.id}/confirm/unfollow"`)

    await inst.tejido.federation.peers.update(peer.id, { 'sync.lastError': null })
    const sync = await post(`/operators/peers/${peer.id}/sync`).expect(303)
    expect(sync.headers.location).toBe('/operators/peers?done=syncStarted')
    await waitFor(async () => (await peerAt(b)).sync.lastError, 'sync now to walk the peer')

    const unconfirmed = await post(`/operators/peers/${peer.id}/unfollow`).expect(303)
    expect(unconfirmed.headers.location).toBe(`/operators/peers/${peer.id}/confirm/unfollow?error=unconfirmed`)
    expect((await peerAt(b)).outbound.state).toBe('accepted')
    const confirm = await page(`/operators/peers/${peer.id}/confirm/unfollow`, 'pt').expect(200)
    expect(confirm.text).toContain('<button type="submit" class="danger">')
    expect(confirm.text).toContain(CATALOGS.pt['opPeer.confirmUnfollow'].replace('{host}', new URL(b.url).host).replace('{count}', '0'))
    const unfollowed = await post(`/operators/peers/${peer.id}/unfollow`, { confirm: 'yes' }).expect(303)
    expect(unfollowed.headers.location).toBe('/operators/peers?done=unfollowed')
    await received(b, 'Undo')
    expect((await peerAt(b)).outbound.state).toBe('none')
  })

  test('a follow request: counted in the navigation, approved, followed back', async () => {
    const c = await aPeer()
    expect((await inst.tejido.federation.peering.onFollow(c.actorId, `${c.url}/follows/1`)).ok).toBe(true)
    const peer = await peerAt(c)
    const html = (await page('/operators/peers')).text
    expect(html).toContain('<span class="waiting">(1 follow request)</span>')
    expect((await page('/operators/peers', 'es')).text).toContain('<span class="waiting">(1 solicitud de seguimiento)</span>')
    const asking = card(html, peer)
    expect(asking).toContain(CATALOGS.en['opPeer.inPending'])
    expect(asking).toContain(`action="/operators/peers/${peer.id}/approve"`)
    expect(asking).toContain(`href="/operators/peers/${peer.id}/confirm/reject"`)
    expect(asking).toContain(CATALOGS.en['opPeer.followBack'])

    expect((await post(`/operators/peers/${peer.id}/approve`).expect(303)).headers.location).toBe('/operators/peers?done=approved')
    await received(c, 'Accept')
    expect((await page('/operators/peers')).text).not.toContain('follow request)</span>')
    expect((await post(`/operators/peers/${peer.id}/follow`, { policy: 'publish' }).expect(303)).headers.location).toBe('/operators/peers?done=followed')
    await received(c, 'Follow')
    const both = card((await page('/operators/peers')).text, await peerAt(c))
    expect(both).toContain(CATALOGS.en['opPeer.inApproved'])
    expect(both).toContain(CATALOGS.en['opPeer.outPending'])
    // an answer to a request that is not there any more: said, not a 500
    expect((await post(`/operators/peers/${peer.id}/sync`).expect(303)).headers.location).toBe('/operators/peers?error=notFollowing')
    expect((await post('/operators/peers/nope/approve').expect(303)).headers.location).toBe('/operators/peers?error=notFound')
  })

  test('reject and block are confirmed, and a blocked peer shows as such in words', async () => {
    const d = await aPeer()
    await inst.tejido.federation.peering.onFollow(d.actorId, `${d.url}/follows/1`)
    const peer = await peerAt(d)
    const rejected = await post(`/operators/peers/${peer.id}/reject`, { confirm: 'yes' }).expect(303)
    expect(rejected.headers.location).toBe('/operators/peers?done=rejected')
    await received(d, 'Reject')
    expect(card((await page('/operators/peers', 'pt')).text, peer)).toContain(CATALOGS.pt['opPeer.inRejected'])

    expect((await post(`/operators/peers/${peer.id}/block`).expect(303)).headers.location).toBe(`/operators/peers/${peer.id}/confirm/block?error=unconfirmed`)
    expect((await peerAt(d)).blocked).toBe(false)
    expect((await post(`/operators/peers/${peer.id}/block`, { confirm: 'yes' }).expect(303)).headers.location).toBe('/operators/peers?done=blocked')
    for (const lang of ['en', 'es', 'fr', 'pt'] as const) {
      const html = card((await page('/operators/peers', lang)).text, peer)
      expect(html).toContain(CATALOGS[lang]['opPeer.blockedState'])
      expect(html).not.toContain('/confirm/block')
      // states in words: none of the stored English values is shown as text
      expect(html).not.toMatch(/>[\s→←·]*(accepted|none|blocked|rejected|pending|approved)\b/)
      if (lang !== 'en') expect(html.replace(/<[^>]*>/g, ' ')).not.toMatch(/\b(accepted|none|blocked|rejected|pending|approved)\b/)
    }
  })

  test('every peer action needs the CSRF token', async () => {
    const forged = await op.post('/operators/peers').type('form').send({ _csrf: 'forged', url: 'http://127.0.0.1:9/' })
    expect(forged.status).toBe(403)
  })
})
