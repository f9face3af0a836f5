/**
 * Writing a long answer (an export, a streamed import report) at the pace
 * the client reads it: a write that fills the socket's buffer waits for
 * `drain` — or for `close`, since a client that has gone never drains, and
 * a wait on `drain` alone would hold the paused producer (and what it holds)
 * for ever.
 */
import { once } from 'node:events'
import type { Response } from 'express'

/** Writes a chunk and waits while the client is slower; false once the client has gone (stop producing). */
export async function writeChunk(res: Response, chunk: string): Promise<boolean> {
  if (res.destroyed || res.writableEnded) return false
  if (res.write(chunk)) return true
  const waited = new AbortController() // whichever comes first, the other listener goes
  await Promise.race([once(res, 'drain', { signal: waited.signal }), once(res, 'close', { signal: waited.signal })]).finally(() => waited.abort())
  return !res.destroyed
}

/** Writes every chunk, then ends the answer; stops reading the chunks (closing their source) as soon as the client goes. */
export async function streamChunks(res: Response, chunks: AsyncIterable<string>): Promise<void> {
  for await (const chunk of chunks) if (!(await writeChunk(res, chunk))) return
  res.end()
}
