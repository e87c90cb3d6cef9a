import { DiskFullError, IndexDamagedError } from '../../errors.ts';

/** SQLite result codes that mean the file is not a whole index (extended codes start with these). */
const DAMAGE_CODES = ['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_IOERR_SHORT_READ'];

/**
 * The error to report for one SQLite raised: a damaged file or a full disk become errors a user
 * can act on (the original is their `cause`, for the log); anything else is returned unchanged.
 */
export function sqliteFailure(error: unknown, dataDir: string): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return error;
  if (DAMAGE_CODES.some((damage) => code.startsWith(damage))) return new IndexDamagedError({ cause: error });
  if (code === 'SQLITE_FULL') return new DiskFullError(dataDir, { cause: error });
  return error;
}
