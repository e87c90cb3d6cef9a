import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { availableParallelism, setPriority } from 'node:os';
import type { Settings } from '../config/settings.ts';
import { PACKAGE_ROOT } from '../config/paths.ts';
import { IndexLockedError } from '../errors.ts';
import { acquireStartLock, runLockHolder } from '../indexing/run-lock.ts';
import { readRunStatus, type RunStatus, writeRunStatus } from '../indexing/run-status.ts';
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
 * answers once the child is spawned; until the child holds the data directory's lock, this process
 * holds the start lock, so a run already under way or starting, in any process, is refused.
 */
export function childProcessReindex(settings: Settings): ReindexRuns {
  const { dataDir } = settings;
  return {
    status: (id) => readRunStatus(dataDir, id),
    start: async () => {
      const starting = acquireStartLock(dataDir);
      const holder = runLockHolder(dataDir);
      if (holder !== false) {
        starting.release();
        throw new IndexLockedError(dataDir, holder);
      }
      const id = randomUUID();
      const args = [join(PACKAGE_ROOT, 'bin', 'vnsearch.js'), 'index', '--run-id', id, '--data-dir', dataDir, '--engine', settings.engine, ...settings.indexPaths];
      // One core is left to serving, unless the operator chose the threads (INDEX_THREADS).
      const threads = settings.indexThreads ?? Math.max(1, availableParallelism() - 1);
      const env = { ...process.env, INDEX_THREADS: String(threads) };
      const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], detached: true });
      const run: RunStatus = { id, status: 'running', started_at: new Date().toISOString(), parent_pid: process.pid, ...(child.pid === undefined ? {} : { pid: child.pid }) };
      writeRunStatus(dataDir, run);
      try {
        setPriority(child.pid!, CHILD_NICENESS);
      } catch {
        // Not allowed on some systems (or the spawn failed, which 'exit' or 'error' reports): the run goes on at the server's priority.
      }
      const ended = (error: string) => {
        starting.release();
        // A run that could not say how it ended (killed, or refused the lock) is reported failed from
        // here, once the start lock is released: whoever reads that it failed may start another.
        const status = readRunStatus(dataDir, id);
        if (status?.status === 'running') writeRunStatus(dataDir, { ...status, status: 'failed', finished_at: new Date().toISOString(), error });
      };
      child.once('message', (message) => {
        if (message !== LOCKED_MESSAGE) return;
        starting.release();
        child.disconnect();
      });
      child.once('exit', (code, signal) =>
        ended(
          code === EXIT_LOCKED
            ? 'another vnsearch index run took the data directory while this one started; start it again when that one has finished'
            : `the indexing process ended with code ${code}, signal ${signal}`,
        ),
      );
      child.once('error', (error) => ended(`the indexing process could not start: ${error.message}`));
      child.unref();
      child.channel?.unref();
      return run;
    },
  };
}
