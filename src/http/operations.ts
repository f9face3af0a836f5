/** Health, readiness and Prometheus metrics. */
import { Router } from 'express'
import { Registry, collectDefaultMetrics, Counter, Histogram } from 'prom-client'
import type { RequestHandler } from 'express'
import { handle } from './handle'

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

export function operationsRoutes(metrics: Metrics, ready: () => Promise<void>): Router {
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
  router.get('/metrics', handle(async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  }))
  return router
}
