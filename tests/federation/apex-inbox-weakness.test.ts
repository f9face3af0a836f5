/**
 * Why Tejido puts its own inbox in front of apex: apex's inbox, on its own,
 * lets any signed actor overwrite a cached object by claiming it
 * (`attributedTo`), whatever origin the object is on. Here instance X
 * rewrites a listing of instance B in apex's store. Tejido's inbox refuses the
 * very same activity (tests/federation/multi-instance.test.ts).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import express from 'express'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import pino from 'pino'
import { EmbeddedClient } from '../../src/storage/embedded/client'
import { ActorKeys } from '../../src/federation/keys'
import { ApexBridge } from '../../src/federation/apex-bridge'
import { INSTANCE_ACTOR_NAME } from '../../src/federation/apex-routes'
import { fakePeer, type FakePeer } from './fake-peer'

test("apex's own inbox accepts an Update of B's listing signed by X", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tejido-apex-inbox-'))
  const client = await new EmbeddedClient(dir).connect()
  let x: FakePeer | undefined
  let server: http.Server | undefined
  try {
    const db = client.db()
    const app = express()
    server = http.createServer(app)
    await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r))
    const publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const keys = new ActorKeys(db)
    await keys.init()
    const bridge = new ApexBridge({ publicUrl, host: new URL(publicUrl).host, db, keys, logger: pino({ level: 'silent' }), version: 'test' })
    await bridge.start()
    const apex = bridge.apex
    app.use(express.json({ type: ['application/activity+json', 'application/ld+json'] }), apex)
    app.post('/actor/inbox', (req, _res, next) => { req.params.actor = INSTANCE_ACTOR_NAME; next() }, ...apex.net.inbox.post)

    // apex has B's listing cached, as it would after fetching it.
    const victim = 'https://b.example/orgs/victim'
    await apex.store.saveObject(await apex.fromJSONLD({ '@context': 'https://www.w3.org/ns/activitystreams', id: victim, type: 'Organization', name: 'Original' }))

    x = await fakePeer()
    // apex ignores Updates from signers it has never seen; X has talked to it before.
    const xActor = (await (await fetch(x.actorId)).json()) as Record<string, unknown>
    await apex.store.saveObject(await apex.fromJSONLD(xActor))
    const res = await x.send(`${publicUrl}/actor/inbox`, {
      '@context': 'https://www.w3.org/ns/activitystreams',
      id: `${x.url}/activities/forged`, type: 'Update', actor: x.actorId,
      object: { id: victim, type: 'Organization', name: 'Hijacked', attributedTo: x.actorId }
    })
    expect(res.status).toBe(200)
    const stored = await apex.store.getObject(victim)
    expect(stored?.name).toEqual(['Hijacked'])
  } finally {
    x?.close()
    server?.closeAllConnections()
    server?.close()
    await client.close()
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
