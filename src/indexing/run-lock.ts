import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { IndexLockedError } from '../errors.ts';

const LOCK_FILE = 'index.lock';
/**
 * Held by a serving process from the moment it accepts a re-index until the run it started holds
 * LOCK_FILE (or has ended): the request is answered at once, and one arriving meanwhile in any
 * process is refused all the same.
 */
const START_LOCK_FILE = 'reindex-start.lock';
/** Who holds a lock, for the message a second run prints; the lock itself is the OS lock. */
const holderFile = (lockFile: string) => `${lockFile}.pid`;

/** The lock of an indexing run on a data directory, held until `release` or the process's end. */
export interface RunLock {
  release(): void;
}

function holderOf(dataDir: string, lockFile: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, holderFile(lockFile)), 'utf8').trim());
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
  return acquireLock(dataDir, LOCK_FILE);
}

/** Takes the lock a serving process holds while a re-index it accepted starts (START_LOCK_FILE). */
export function acquireStartLock(dataDir: string): RunLock {
  return acquireLock(dataDir, START_LOCK_FILE);
}

function acquireLock(dataDir: string, lockFile: string): RunLock {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, lockFile), { timeout: 0 });
  try {
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new IndexLockedError(dataDir, holderOf(dataDir, lockFile));
    throw error;
  }
  writeFileSync(join(dataDir, holderFile(lockFile)), `${process.pid}\n`);
  return {
    release: () => {
      if (!db.open) return;
      rmSync(join(dataDir, holderFile(lockFile)), { force: true });
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
