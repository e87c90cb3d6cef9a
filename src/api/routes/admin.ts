import { Router } from 'express';
import type { IndexSummary } from '../../indexing/indexer.ts';
import { requireBearer } from '../bearer.ts';
import { HttpError } from '../errors.ts';
import { emptyQuerySchema } from '../schemas.ts';

/** Admin operations, behind ADMIN_TOKEN; absent (404) when no token is configured. */
export function adminRoutes(token: string, reindex: () => Promise<IndexSummary>): Router {
  const router = Router();
  router.use('/admin', requireBearer(token, 'admin token'));
  let running: Promise<IndexSummary> | null = null;
  router.post('/admin/reindex', async (request, response) => {
    emptyQuerySchema.parse(request.query);
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
