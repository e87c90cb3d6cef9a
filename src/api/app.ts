import compression from 'compression';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import type { Logger } from 'pino';
import type { SearchEngine } from '../engines/engine.ts';
import type { IndexSummary } from '../indexing/indexer.ts';
import { accessLog } from './access-log.ts';
import { corsForOrigins } from './cors.ts';
import { guardedEngine } from './engine-calls.ts';
import { errorHandler, methodNotAllowed, notFound } from './errors.ts';
import { ServiceMetrics } from './metrics.ts';
import { OPERATIONS, expressPath, openApiDocument } from './openapi.ts';
import { adminRoutes } from './routes/admin.ts';
import { documentRoutes } from './routes/documents.ts';
import { healthRoutes } from './routes/health.ts';
import { searchRoutes } from './routes/search.ts';
import { staticRoutes } from './routes/static.ts';

export interface AppOptions {
  engine: SearchEngine;
  logger: Logger;
  allowedOrigins?: readonly string[];
  /** Requests per minute per client address; 0 turns rate limiting off. */
  rateLimitPerMinute?: number;
  engineTimeoutMs?: number;
  trustProxy?: string;
  /** Enables `POST /api/admin/reindex` for requests bearing this token. */
  admin?: { token: string; reindex: () => Promise<IndexSummary> };
  /** Serves `/metrics` to requests bearing this token; without it `/metrics` is off (404). */
  metricsToken?: string;
}

/** Methods each path of the API answers (HEAD with GET, as Express does), for 405 and `Allow`. */
function allowedMethods(): Map<string, string[]> {
  const byPath = new Map<string, string[]>();
  for (const { path, method } of OPERATIONS) {
    const methods = byPath.get(path) ?? [];
    methods.push(...(method === 'get' ? ['GET', 'HEAD'] : [method.toUpperCase()]));
    byPath.set(path, methods);
  }
  return byPath;
}

/** The HTTP API. It knows the engine only through the SearchEngine interface. */
export function createApp(options: AppOptions): Express {
  const metrics = new ServiceMetrics();
  const engine = guardedEngine(options.engine, options.engineTimeoutMs ?? 3000, metrics);
  const app = express();
  app.disable('x-powered-by');
  // No ETags: hashing every search's JSON cost more than any revalidation saves, as a search box
  // rarely repeats a request the browser still holds. The widget revalidates by Last-Modified.
  app.set('etag', false);
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(accessLog(options.logger));
  app.use(metrics.middleware());
  // gzip or brotli, as the client accepts (Vary: Accept-Encoding); brotli at a quality cheap enough per request.
  app.use(compression());
  app.use(
    helmet({
      // The widget is loaded by other sites, so its resources must be readable cross-origin.
      crossOriginResourcePolicy: { policy: 'cross-origin' },
      // Served over plain http on a LAN or behind a TLS proxy alike: upgrading would break the demo page.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.use(corsForOrigins(options.allowedOrigins ?? []));
  app.use(healthRoutes(engine, metrics, options.metricsToken));
  if (options.rateLimitPerMinute) {
    app.use(
      rateLimit({
        windowMs: 60_000,
        limit: options.rateLimitPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        handler: (_request, response) => {
          response.status(429).json({ error: { code: 'rate_limited', message: 'Too many requests; slow down and retry after the time in RateLimit headers.', details: null } });
        },
      }),
    );
  }
  app.get('/openapi.json', (_request, response) => {
    response.json(openApiDocument);
  });
  app.use('/api', searchRoutes(engine), documentRoutes(engine));
  if (options.admin) app.use('/api', adminRoutes(options.admin.token, options.admin.reindex));
  app.use(staticRoutes());
  for (const [path, methods] of allowedMethods()) app.all(expressPath(path), methodNotAllowed(methods));
  app.use(notFound);
  app.use(errorHandler(options.logger));
  return app;
}
