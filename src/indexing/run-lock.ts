import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexLockedError } from '../errors.ts';

const LOCK_FILE = 'index.lock';
/** Who holds the lock, for the message a second run prints; the lock itself is the OS lock. */
const HOLDER_FILE = 'index.lock.pid';

/** The lock of an indexing run on a data directory, held until `release` or the process's end. */
export interface RunLock {
  release(): void;
}

function holderOf(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, HOLDER_FILE), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data directory's writer lock, or throws an IndexLockedError naming the holder. The
 * lock is an exclusive SQLite transaction on `index.lock` (an OS file lock underneath): the OS
 * drops it when its process dies, however it dies, so a killed run leaves no stale lock and no
 * two runs can both take over one; a pid file would leave both to guesswork.
 */
export function acquireRunLock(dataDir: string): RunLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new IndexLockedError(dataDir, holderOf(dataDir));
    throw error;
  }
  writeFileSync(join(dataDir, HOLDER_FILE), `${process.pid}\n`);
  return {
    release: () => {
      if (!db.open) return;
      rmSync(join(dataDir, HOLDER_FILE), { force: true });
      db.exec('ROLLBACK');
      db.close();
    },
  };
}

/** The pid holding the data directory's lock (null when unknown), or false when no run holds it. */
export function runLockHolder(dataDir: string): number | null | false {
  try {
    acquireRunLock(dataDir).release();
    return false;
  } catch (error) {
    if (error instanceof IndexLockedError) return error.pid;
    throw error;
  }
}
