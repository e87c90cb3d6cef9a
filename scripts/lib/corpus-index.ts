import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEngine } from '../../src/engines/sqlite/engine.ts';
import { runCli } from './processes.ts';
import { loadSearchSynonyms } from '../../src/search/synonyms.ts';
import { SERVING_WARM_UP } from '../../src/engines/create.ts';

/** A data directory per corpus file, reused across runs: the indexer's manifest makes reuse safe. */
export function defaultDataDir(corpus: string): string {
  const { size, mtimeMs } = statSync(corpus);
  const key = createHash('sha256').update(`${resolve(corpus)}:${size}:${mtimeMs}`).digest('hex').slice(0, 12);
  return join(tmpdir(), `vnsearch-corpus-${key}`);
}

/**
 * Indexes the corpus (incrementally) with the built CLI, as users do (worker threads included),
 * and returns the index open and warmed up as `vnsearch serve` has it, so figures match the service.
 */
export async function openCorpusIndex(corpus: string, dataDir = defaultDataDir(corpus)): Promise<{ engine: SqliteEngine; summary: string; dataDir: string }> {
  const run = await runCli(['index', corpus, '--data-dir', dataDir]);
  const summary = run.stdout.split('\n')[0]!;
  if (!summary.startsWith('Indexed')) throw new Error(`vnsearch index exited with ${run.code}: ${run.stdout}`);
  const engine = new SqliteEngine({ dataDir, synonyms: loadSearchSynonyms(), ...SERVING_WARM_UP });
  await engine.ping();
  return { engine, summary, dataDir };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
