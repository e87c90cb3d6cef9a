import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** An indexing run started through the admin API, as any serving process reads it from the data directory. */
export const runStatusSchema = z.object({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  started_at: z.string(),
  finished_at: z.string().optional(),
  summary: z.object({ files: z.number(), indexed: z.number(), unchanged: z.number(), deleted: z.number(), failed: z.number() }).optional(),
  error: z.string().optional(),
  /** The process running it: a run still "running" whose process is gone was interrupted. */
  pid: z.number().optional(),
});

export type RunStatus = z.infer<typeof runStatusSchema>;

/** Run ids are UUIDs; anything else names no file. */
const RUN_ID = /^[0-9a-f-]{36}$/;

function statusPath(dataDir: string, id: string): string {
  return join(dataDir, 'reindex-runs', `${id}.json`);
}

/** Written aside then renamed: a reader sees the previous status or this one, whole. */
export function writeRunStatus(dataDir: string, status: RunStatus): void {
  const path = statusPath(dataDir, status.id);
  mkdirSync(join(dataDir, 'reindex-runs'), { recursive: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(status));
  renameSync(`${path}.tmp`, path);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The status of a run, or null when there is no such run. */
export function readRunStatus(dataDir: string, id: string): RunStatus | null {
  if (!RUN_ID.test(id)) return null;
  let status: RunStatus;
  try {
    status = runStatusSchema.parse(JSON.parse(readFileSync(statusPath(dataDir, id), 'utf8')));
  } catch {
    return null;
  }
  if (status.status === 'running' && status.pid !== undefined && !isAlive(status.pid)) {
    return { ...status, status: 'failed', error: 'the indexing process ended without finishing (killed?); run the re-index again' };
  }
  return status;
}
