/** A long answer stops producing, and lets go of its source, once the client has gone (a client that left never drains). */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { streamChunks } from '../../src/http/stream-out'

const until = async (condition: () => boolean): Promise<void> => {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve))
}

test('a client that disconnects mid-answer closes the chunks it was reading', async () => {
  let produced = 0
  let closed = false
  async function* chunks(): AsyncGenerator<string> {
    try {
      for (;;) {
        produced++
        yield 'x'.repeat(64 * 1024) // far more than the socket buffers: the writer must wait for drain
      }
    } finally {
      closed = true
    }
  }
  const app = express()
  app.get('/', (_req, res) => void streamChunks(res, chunks()))
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  try {
    const { port } = server.address() as AddressInfo
    await new Promise<void>((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/' }, (res) => {
        res.once('data', () => {
          req.destroy()
          resolve()
        })
      })
      req.on('error', () => undefined)
    })
    await until(() => closed)
    expect(closed).toBe(true)
    expect(produced).toBeLessThan(1000) // it stopped, rather than producing into a socket nobody reads
  } finally {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})
