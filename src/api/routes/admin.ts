import { timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import type { IndexSummary } from '../../indexing/indexer.ts';
import { HttpError } from '../errors.ts';
import { emptyParamsSchema } from '../schemas.ts';

function sameSecret(given: string, expected: string): boolean {
  const [a, b] = [Buffer.from(given), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}

function requireToken(token: string): RequestHandler {
  return (request, _response, next) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    if (!given || !sameSecret(given, token)) throw new HttpError(401, 'unauthorized', 'Send the admin token as `Authorization: Bearer TOKEN`.');
    next();
  };
}

/** Admin operations, behind ADMIN_TOKEN; absent (404) when no token is configured. */
export function adminRoutes(token: string, reindex: () => Promise<IndexSummary>): Router {
  const router = Router();
  let running: Promise<IndexSummary> | null = null;
  router.post('/admin/reindex', requireToken(token), async (request, response) => {
    emptyParamsSchema.parse(request.query);
    if (running) throw new HttpError(409, 'reindex_running', 'A re-index is already running; retry when it has finished.');
    running = reindex();
    try {
      response.json({ summary: await running });
    } finally {
      running = null;
    }
  });
  return router;
}
