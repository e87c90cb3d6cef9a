import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { availableParallelism, setPriority } from 'node:os';
import type { Settings } from '../config/settings.ts';
import { PACKAGE_ROOT } from '../config/paths.ts';
import { IndexLockedError, VnsearchError } from '../errors.ts';
import { runLockHolder } from '../indexing/run-lock.ts';
import { readRunStatus, writeRunStatus } from '../indexing/run-status.ts';
import type { ReindexRuns } from '../api/routes/admin.ts';

/** Exit code of `vnsearch index` when another run holds the data directory. */
export const EXIT_LOCKED = 75;
/** What a run started by the API tells its parent once it holds the lock. */
export const LOCKED_MESSAGE = 'vnsearch:locked';
/** Below the server's priority: searches come first when cores are scarce. */
const CHILD_NICENESS = 10;

/**
 * Runs `vnsearch index` of the settings' inputs in a child process (at a lower priority), so
 * serving never waits for the indexer: the same command, lock and status file as any run. `start`
 * resolves once the child holds the lock, so a run already under way, in any process, is refused.
 */
export function childProcessReindex(settings: Settings): ReindexRuns {
  const { dataDir } = settings;
  return {
    status: (id) => readRunStatus(dataDir, id),
    start: async () => {
      const holder = runLockHolder(dataDir);
      if (holder !== false) throw new IndexLockedError(dataDir, holder);
      const id = randomUUID();
      const args = [join(PACKAGE_ROOT, 'bin', 'vnsearch.js'), 'index', '--run-id', id, '--data-dir', dataDir, '--engine', settings.engine, ...settings.indexPaths];
      // One core is left to serving, unless the operator chose the threads (INDEX_THREADS).
      const threads = settings.indexThreads ?? Math.max(1, availableParallelism() - 1);
      const env = { ...process.env, INDEX_THREADS: String(threads) };
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], detached: true });
      try {
        setPriority(child.pid!, CHILD_NICENESS);
      } catch {
        // Not allowed on some systems: the run goes on at the server's priority.
      }
      const outcome = await new Promise<'locked' | { code: number | null; signal: string | null }>((resolve) => {
        child.once('message', (message) => message === LOCKED_MESSAGE && resolve('locked'));
        child.once('exit', (code, signal) => resolve({ code, signal }));
        child.once('error', () => resolve({ code: null, signal: null }));
      });
      if (outcome !== 'locked') {
        if (outcome.code === EXIT_LOCKED) throw new IndexLockedError(dataDir, runLockHolder(dataDir) || null);
        throw new VnsearchError(`the re-index process exited before it started (code ${outcome.code}, signal ${outcome.signal})`, 'reindex_failed');
      }
      child.once('exit', (code, signal) => {
        // A run that could not say how it ended (killed) is reported failed from here.
        const status = readRunStatus(dataDir, id);
        if (status?.status === 'running')
          writeRunStatus(dataDir, { ...status, status: 'failed', finished_at: new Date().toISOString(), error: `the indexing process ended with code ${code}, signal ${signal}` });
      });
      child.disconnect();
      child.unref();
      return readRunStatus(dataDir, id) ?? { id, status: 'running', started_at: new Date().toISOString() };
    },
  };
}
