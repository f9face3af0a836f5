/**
 * Start: read the config, compose, listen, and shut down gracefully on
 * SIGTERM/SIGINT. A bad environment variable stops here with its name.
 */
import type { Server } from 'node:http'
import { loadConfig, ConfigError } from './config/config'
import { createLogger } from './support/logger'
import { compose } from './composition/compose'
import { storeRefusal } from './composition/store-refusal'

export async function serve(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(78) // EX_CONFIG
    }
    throw e
  }
  const logger = createLogger(config.logLevel)
  let tejido
  try {
    tejido = await compose(config, logger)
  } catch (e) {
    const refusal = storeRefusal(e)
    if (refusal) {
      console.error(refusal.message)
      // EX_TEMPFAIL: the other process may stop; EX_CONFIG: the environment disagrees with the data
      process.exit(refusal.kind === 'locked' ? 75 : 78)
    }
    throw e
  }
  const server: Server = tejido.app.listen(config.port, () => {
    logger.info({ url: config.publicUrl, port: config.port, engine: tejido.store.engine, dataDir: config.dataDir }, 'Tejido is listening')
    if (!config.adminToken) logger.warn('ADMIN_TOKEN is not set: the operator API (/api/listings) is disabled')
  })
  // Longer than the idle timeouts of clients and load balancers (often 60 s), so
  // a request is never sent on a connection the server is just closing.
  server.keepAliveTimeout = 65000
  server.headersTimeout = 66000
  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'shutting down')
    server.close(() => {
      tejido.close().then(() => process.exit(0), (e: unknown) => {
        logger.error({ err: e }, 'error while closing')
        process.exit(1)
      })
    })
    setTimeout(() => process.exit(1), 10000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

if (require.main === module) {
  serve().catch((e: unknown) => {
    console.error(e)
    process.exit(1)
  })
}
