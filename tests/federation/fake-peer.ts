/**
 * A hand-driven instance for attack tests: an HTTP server on loopback that
 * serves an instance actor whose key the test holds, records what it
 * receives, and lets the test send signed activities of its choosing.
 */
import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { signRequest } from '../../src/federation/signatures/http-signature'

export interface FakePeer {
  url: string
  actorId: string
  received: Array<Record<string, unknown>>
  /** The keyId of each received activity's signature, in order. */
  signers: string[]
  /** POSTs an activity, signed by this peer's instance actor, to an inbox. */
  send(inbox: string, activity: Record<string, unknown>): Promise<{ status: number; text: string }>
  close(): void
}

export async function fakePeer(): Promise<FakePeer> {
  const keys = crypto.generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } })
  const received: Array<Record<string, unknown>> = []
  const signers: string[] = []
  let base = ''
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const actorId = `${base}/actor`
      if (req.method === 'POST' && req.url === '/actor/inbox') {
        received.push(JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>)
        signers.push(/keyId="([^"]+)"/.exec(String(req.headers.signature))?.[1] ?? '')
        return res.writeHead(202).end()
      }
      if (req.url === '/actor') {
        return res.writeHead(200, { 'content-type': 'application/activity+json' }).end(JSON.stringify({
          '@context': ['https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1'],
          id: actorId, type: 'Application', preferredUsername: 'x', inbox: `${actorId}/inbox`,
          publicKey: { id: `${actorId}#main-key`, owner: actorId, publicKeyPem: keys.publicKey }
        }))
      }
      res.writeHead(404).end()
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    actorId: `${base}/actor`,
    received,
    signers,
    send: async (inbox, activity) => {
      const body = JSON.stringify(activity)
      const url = new URL(inbox)
      const headers = signRequest({ method: 'POST', url, headers: { 'content-type': 'application/activity+json' }, body }, { keyId: `${base}/actor#main-key`, privateKeyPem: keys.privateKey })
      const res = await fetch(inbox, { method: 'POST', headers, body })
      return { status: res.status, text: await res.text() }
    },
    close: () => {
      server.closeAllConnections()
      server.close()
    }
  }
}
