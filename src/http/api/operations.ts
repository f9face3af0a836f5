/**
 * Health, readiness and Prometheus metrics. The metrics show operator
 * activity, so they need METRICS_TOKEN when it is set, and otherwise answer
 * only a client on this machine.
 */
import { Router, type Request } from 'express'
import { Registry, collectDefaultMetrics, Counter, Histogram } from 'prom-client'
import type { RequestHandler } from 'express'
import { handle } from '../handle'
import { bearerToken, sameSecret } from '../auth'
import { sendProblem } from '../problem'

export interface Metrics {
  registry: Registry
  observe: RequestHandler
}

export function createMetrics(): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({ name: 'tejido_http_requests_total', help: 'HTTP requests', labelNames: ['method', 'route', 'status'], registers: [registry] })
  const duration = new Histogram({
    name: 'tejido_http_request_seconds', help: 'HTTP request duration', labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry]
  })
  const observe: RequestHandler = (req, res, next) => {
    const end = duration.startTimer()
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded.
      const route = (req.route as { path?: string } | undefined)?.path ? `${req.baseUrl}${(req.route as { path: string }).path}` : 'unmatched'
      requests.inc({ method: req.method, route, status: String(res.statusCode) })
      end({ method: req.method, route })
    })
    next()
  }
  return { registry, observe }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/**
 * A client on this machine: the connection comes from loopback and nobody
 * forwarded it. A local reverse proxy forwarding a remote client's request
 * is not the client, whatever TRUST_PROXY says.
 */
function fromThisMachine(req: Request): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '') && req.get('x-forwarded-for') === undefined && req.get('forwarded') === undefined
}

export function operationsRoutes(metrics: Metrics, ready: () => Promise<void>, metricsToken: string | undefined): Router {
  const router = Router()
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  router.get('/readyz', handle(async (_req, res) => {
    try {
      await ready()
      res.json({ status: 'ready' })
    } catch (e) {
      res.status(503).json({ status: 'unavailable', detail: (e as Error).message })
    }
  }))
  router.get('/metrics', handle(async (req, res) => {
    if (metricsToken) {
      const token = bearerToken(req.get('authorization'))
      if (!token || !sameSecret(token, metricsToken)) {
        res.set('WWW-Authenticate', 'Bearer realm="metrics"')
        return sendProblem(res, { status: 401, title: 'Unauthorized', detail: 'Send Authorization: Bearer <METRICS_TOKEN>.' })
      }
    } else if (!fromThisMachine(req)) {
      return sendProblem(res, { status: 403, title: 'Forbidden', detail: 'Metrics answer only clients on this machine; set METRICS_TOKEN to reach them from elsewhere.' })
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  }))
  return router
}
