import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestHandler } from 'express';

/** Prometheus metrics of one service instance, in a registry of its own (tests build many apps). */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'vnsearch_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['method', 'route', 'status'], registers: [this.registry] });
  readonly requestSeconds = new Histogram({
    name: 'vnsearch_http_request_duration_seconds',
    help: 'HTTP request latency by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly engineSeconds = new Histogram({
    name: 'vnsearch_engine_duration_seconds',
    help: 'Engine call latency by operation',
    labelNames: ['operation'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [this.registry],
  });
  readonly indexDocuments = new Gauge({ name: 'vnsearch_index_documents', help: 'Documents in the index', registers: [this.registry] });
  readonly indexBytes = new Gauge({ name: 'vnsearch_index_size_bytes', help: 'Index size on disk', registers: [this.registry] });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'vnsearch_' });
  }

  /** Counts and times every request under its route pattern (not its raw path, which would explode cardinality). */
  middleware(): RequestHandler {
    return (request, response, next) => {
      const end = this.requestSeconds.startTimer();
      response.on('finish', () => {
        const route = request.route?.path ? `${request.baseUrl}${String(request.route.path)}` : 'unmatched';
        const labels = { method: request.method, route, status: String(response.statusCode) };
        this.requests.inc(labels);
        end(labels);
      });
      next();
    };
  }
}
