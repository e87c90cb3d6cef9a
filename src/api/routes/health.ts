import { Router } from 'express';
import { requireBearer } from '../bearer.ts';
import type { EngineCall } from '../engine-calls.ts';
import { HttpError } from '../errors.ts';
import type { ServiceMetrics } from '../metrics.ts';

/**
 * Probes and metrics, served ahead of the rate limit. `/healthz` and `/readyz` stay public: load
 * balancers and orchestrators probe without credentials, and they tell no more than whether the
 * service can answer. `/metrics` tells the runtime, heap and index size, so it needs METRICS_TOKEN
 * and is off (404) without one.
 */
export function healthRoutes(engine: EngineCall, metrics: ServiceMetrics, metricsToken: string | undefined): Router {
  const router = Router();
  /** The process is up; says nothing about the engine (a liveness probe must not restart us for it). */
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });
  /** The engine answers and holds an index: ready for traffic. */
  router.get('/readyz', async (_request, response) => {
    await engine('ping', (e) => e.ping());
    const stats = await engine('stats', (e) => e.stats());
    response.json({ status: 'ready', documents: stats.documents });
  });
  const guard = metricsToken
    ? requireBearer(metricsToken, 'metrics token')
    : () => {
        throw new HttpError(404, 'not_found', 'Metrics are off: set METRICS_TOKEN to serve them.');
      };
  router.get('/metrics', guard, async (_request, response) => {
    try {
      const stats = await engine('stats', (e) => e.stats());
      metrics.indexDocuments.set(stats.documents);
      if (stats.sizeBytes !== null) metrics.indexBytes.set(stats.sizeBytes);
    } catch {
      // Metrics must still be served while the engine is down; the gauges keep their last value.
    }
    response.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
