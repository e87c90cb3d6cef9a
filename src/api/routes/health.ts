import { Router } from 'express';
import type { EngineCall } from '../engine-calls.ts';
import type { ServiceMetrics } from '../metrics.ts';

export function healthRoutes(engine: EngineCall, metrics: ServiceMetrics): Router {
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
  router.get('/metrics', async (_request, response) => {
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
