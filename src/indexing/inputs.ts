import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { formatOf, type InputFormat } from '../extraction/index.ts';

export type InputKind = InputFormat | 'jsonl' | 'jsonl.gz';

export interface InputFile {
  /** Absolute path. */
  path: string;
  kind: InputKind;
  size: number;
}

export function kindOf(path: string): InputKind | null {
  const lower = path.toLowerCase();
  if (lower.endsWith('.jsonl.gz')) return 'jsonl.gz';
  if (lower.endsWith('.jsonl')) return 'jsonl';
  return formatOf(path);
}

/** Document id of a single-document file: its name without extension. */
export function idOfFile(path: string): string {
  return basename(path, extname(path));
}

/** A skipped file's type, as the summary counts them: its extension, lower-cased. */
function typeOf(path: string): string {
  return extname(path).toLowerCase() || '(no extension)';
}

/**
 * The files to index under the given paths (directories recursively, hidden entries skipped),
 * sorted so runs are reproducible. Files of unsupported types found in directories are counted in
 * `skipped` by type. A path that does not exist is reported by throwing.
 */
export function collectInputs(paths: readonly string[], skipped: Record<string, number> = {}): InputFile[] {
  const found = new Map<string, InputFile>();
  const visit = (path: string, explicit: boolean): void => {
    const stats = statSync(path);
    if (stats.isDirectory()) {
      for (const entry of readdirSync(path)) if (!entry.startsWith('.')) visit(join(path, entry), false);
      return;
    }
    const kind = kindOf(path);
    if (!stats.isFile()) return;
    if (kind || explicit) found.set(path, { path, kind: kind ?? 'txt', size: stats.size });
    else skipped[typeOf(path)] = (skipped[typeOf(path)] ?? 0) + 1;
  };
  for (const path of paths) visit(resolve(path), true);
  return [...found.values()].sort((a, b) => a.path.localeCompare(b.path));
}
