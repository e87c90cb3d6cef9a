import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/**
 * An indexing run started through the admin API, as any serving process reads it from the data
 * directory. The API shows it as is, less `pid` and `parent_pid` (src/api/schemas.ts).
 */
export const runStatusSchema = z.strictObject({
  id: z.string(),
  status: z.enum(['running', 'succeeded', 'failed']),
  started_at: isoTime,
  finished_at: isoTime.optional(),
  summary: z
    .strictObject({
      files: z.int().min(0),
      indexed: z.int().min(0),
      unchanged: z.int().min(0),
      deleted: z.int().min(0),
      failed: z.int().min(0),
      skipped: z.record(z.string(), z.int().min(0)).describe('Files of unsupported types found in directories, by type'),
    })
    .optional(),
  error: z.string().optional(),
  /** The process running it: a run still "running" whose process is gone was interrupted. */
  pid: z.int().optional(),
  /** The serving process that started it, which writes how it ended when it could not say (killed, or refused the lock). */
  parent_pid: z.int().optional(),
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
  // A run whose process is gone is still running until the process that started it, when alive, has written how it ended.
  const orphaned = status.pid !== undefined && !isAlive(status.pid) && (status.parent_pid === undefined || !isAlive(status.parent_pid));
  if (status.status === 'running' && orphaned) {
    return { ...status, status: 'failed', error: 'the indexing process ended without finishing (killed?); run the re-index again' };
  }
  return status;
}
