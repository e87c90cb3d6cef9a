import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from './processes.ts';
import { loadSearchSynonyms } from '../../src/search/synonyms.ts';
import { createEngine } from '../../src/engines/create.ts';
import { loadSettings } from '../../src/config/settings.ts';
import type { SearchEngine } from '../../src/engines/engine.ts';

export type EngineName = 'sqlite' | 'meilisearch';

/** A short key per corpus file (path, size, mtime): data directories and Meilisearch indexes are reused per corpus. */
function corpusKey(corpus: string): string {
  const { size, mtimeMs } = statSync(corpus);
  return createHash('sha256')
    .update(`${resolve(corpus)}:${size}:${mtimeMs}`)
    .digest('hex')
    .slice(0, 12);
}

/** A data directory per corpus file and engine, reused across runs: the indexer's manifest makes reuse safe. */
export function defaultDataDir(corpus: string, engine: EngineName = 'sqlite'): string {
  return join(tmpdir(), `vnsearch-corpus-${corpusKey(corpus)}${engine === 'sqlite' ? '' : `-${engine}`}`);
}

/** The Meilisearch index a corpus is evaluated in, unless MEILI_INDEX names one. */
export function defaultMeiliIndex(corpus: string): string {
  return `vnsearch_corpus_${corpusKey(corpus)}`;
}

export interface CorpusIndexOptions {
  engine?: EngineName;
  dataDir?: string;
}

/**
 * Indexes the corpus (incrementally) with the built CLI, as users do (worker threads included),
 * and returns the engine the API would use, open and ready as `vnsearch serve` has it, so figures
 * match the service. Meilisearch is reached through MEILI_URL and MEILI_MASTER_KEY (or
 * MEILI_ADMIN_KEY) from the environment.
 */
export async function openCorpusIndex(corpus: string, options: CorpusIndexOptions = {}): Promise<{ engine: SearchEngine; summary: string; dataDir: string; env: NodeJS.ProcessEnv }> {
  const engineName = options.engine ?? 'sqlite';
  const dataDir = options.dataDir ?? defaultDataDir(corpus, engineName);
  const env: NodeJS.ProcessEnv = engineName === 'sqlite' ? { ENGINE: 'sqlite' } : { ENGINE: 'meilisearch', MEILI_INDEX: process.env.MEILI_INDEX ?? defaultMeiliIndex(corpus) };
  const run = await runCli(['index', corpus, '--data-dir', dataDir], env);
  const summary = run.stdout.split('\n')[0]!;
  if (!summary.startsWith('Indexed')) throw new Error(`vnsearch index exited with ${run.code}: ${run.stdout}`);
  const settings = loadSettings({ ...process.env, ...env }, { dataDir });
  const engine = createEngine(settings, loadSearchSynonyms(), 'api');
  await engine.ping();
  return { engine, summary, dataDir, env };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}
