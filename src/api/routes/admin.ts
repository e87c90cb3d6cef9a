import { timingSafeEqual } from 'node:crypto';
import { Router, type RequestHandler } from 'express';
import { IndexLockedError } from '../../errors.ts';
import type { RunStatus } from '../../indexing/run-status.ts';
import { HttpError } from '../errors.ts';
import { emptyParamsSchema, reindexResponseSchema, reindexRunIdSchema } from '../schemas.ts';

/** Re-index runs, started outside the serving process and readable from any serving process. */
export interface ReindexRuns {
  /** Starts a run; throws an IndexLockedError when one holds the data directory. */
  start(): Promise<RunStatus>;
  status(id: string): RunStatus | null;
}

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
export function adminRoutes(token: string, runs: ReindexRuns): Router {
  const router = Router();
  router.post('/admin/reindex', requireToken(token), async (request, response) => {
    emptyParamsSchema.parse(request.query);
    let run: RunStatus;
    try {
      run = await runs.start();
    } catch (error) {
      if (error instanceof IndexLockedError) throw new HttpError(409, 'reindex_running', 'A re-index is already running; retry when it has finished.');
      throw error;
    }
    response
      .status(202)
      .location(`/api/admin/reindex/${run.id}`)
      .json(reindexResponseSchema.parse({ run: { id: run.id, status: run.status, started_at: run.started_at } }));
  });
  router.get('/admin/reindex/:id', requireToken(token), (request, response) => {
    emptyParamsSchema.parse(request.query);
    const id = reindexRunIdSchema.safeParse(request.params.id);
    const run = id.success ? runs.status(id.data) : null;
    if (!run) throw new HttpError(404, 'not_found', `No re-index run "${request.params.id}".`);
    response.json(reindexResponseSchema.parse({ run }));
  });
  return router;
}
