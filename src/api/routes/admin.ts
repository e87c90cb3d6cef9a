import { Router } from 'express';
import { IndexLockedError } from '../../errors.ts';
import type { RunStatus } from '../../indexing/run-status.ts';
import { requireBearer } from '../bearer.ts';
import { HttpError } from '../errors.ts';
import { emptyQuerySchema, reindexRunIdSchema, reindexStartedSchema, reindexStatusSchema, type ReindexRun } from '../schemas.ts';

/** Re-index runs, started outside the serving process and readable from any serving process. */
export interface ReindexRuns {
  /** Starts a run; throws an IndexLockedError when one holds the data directory. */
  start(): Promise<RunStatus>;
  status(id: string): RunStatus | null;
}

/** A run as clients see it: the processes running it stay inside. */
function shown({ pid: _pid, parent_pid: _parent, ...run }: RunStatus): ReindexRun {
  return run;
}

/** Admin operations, behind ADMIN_TOKEN; absent (404) when no token is configured. */
export function adminRoutes(token: string, runs: ReindexRuns): Router {
  const router = Router();
  router.use('/admin', requireBearer(token, 'admin token'));
  router.post('/admin/reindex', async (request, response) => {
    emptyQuerySchema.parse(request.query);
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
      .json(reindexStartedSchema.parse({ run: { id: run.id, status: 'running', started_at: run.started_at } }));
  });
  router.get('/admin/reindex/:id', (request, response) => {
    emptyQuerySchema.parse(request.query);
    const id = reindexRunIdSchema.parse(request.params.id);
    const run = runs.status(id);
    if (!run) throw new HttpError(404, 'not_found', 'No re-index run with this id.');
    response.json(reindexStatusSchema.parse({ run: shown(run) }));
  });
  return router;
}
