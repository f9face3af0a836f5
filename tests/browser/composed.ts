/**
 * A Tejido composed in this process and listening on a loopback port, for
 * browser tests that need what no command makes: a mirrored listing from
 * another instance (put straight into the search index, as the mirror
 * service would after a delivery), long unbreakable text, known flags.
 */
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import type { Browser } from 'playwright-core'
import { composeInstance, type TestInstance } from '../support/instance'
import { freePort } from '../support/process'
import { demoListings } from '../../src/directory/demo/demo-data'
import { launch } from './browser'
import { LONG_WORDS, STALE_MIRROR } from './search-listings'

/** The instance at `url` (its composition in `inst`), a Chromium to look at it with, and `close` for both. */
export interface ComposedWeb { url: string; inst: TestInstance; browser: Browser; close(): Promise<void> }

/** `count` demo listings, LONG_WORDS and STALE_MIRROR on an in-process instance, and a Chromium. */
export async function startComposedWeb(count: number, env: Record<string, string> = {}): Promise<ComposedWeb> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const inst = await composeInstance({ PUBLIC_URL: url, ...env })
  for (const listing of [...demoListings(count), LONG_WORDS]) {
    const made = await inst.tejido.listings.create(listing)
    if (!made.ok) throw new Error(`demo listing refused: ${JSON.stringify(made.error)}`)
  }
  await inst.tejido.search.upsert(STALE_MIRROR)
  const server: Server = await new Promise((resolve) => {
    const s = inst.tejido.app.listen(port, '127.0.0.1', () => resolve(s))
  })
  if ((server.address() as AddressInfo).port !== port) throw new Error('listening on another port')
  const browser = await launch()
  return {
    url, inst, browser,
    close: async () => {
      await browser.close()
      server.closeAllConnections() // the browser is gone; its keep-alive sockets need not be waited for
      await new Promise((resolve) => server.close(resolve))
      await inst.close()
    }
  }
}
