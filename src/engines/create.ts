import { join } from 'node:path';
import type { Settings } from '../config/settings.ts';
import type { SynonymMap } from '../search/query.ts';
import type { SearchEngine } from './engine.ts';
import { MeilisearchEngine } from './meilisearch/engine.ts';
import { SqliteEngine } from './sqlite/engine.ts';
import type { IndexWriteOptions } from './sqlite/index-file.ts';

/**
 * What a serving engine does before it reports ready: load the postings of the commonest words,
 * then run searches until its code is compiled (a fresh process answers its first few hundred
 * searches markedly slower than later ones; docs/scaling.md has the measurement).
 */
export const SERVING_WARM_UP = { warmTerms: 500, warmUpSearches: 300 } as const;

/**
 * Write options that only tests set, through the environment, to exercise a real `vnsearch index`:
 * `VNSEARCH_TEST_POSTINGS_PER_SEGMENT` and `VNSEARCH_TEST_MAX_SEGMENTS` make segments and merges
 * small, `VNSEARCH_TEST_CRASH_AT=commit:N` kills the process right after its Nth write transaction
 * and, until then, says on stderr when each commits (so a test learns how many a run makes).
 */
export function testWriteOptions(env: NodeJS.ProcessEnv): IndexWriteOptions {
  const number = (name: string) => (env[name] ? Number(env[name]) : undefined);
  const postingsPerSegment = number('VNSEARCH_TEST_POSTINGS_PER_SEGMENT');
  const maxSegments = number('VNSEARCH_TEST_MAX_SEGMENTS');
  const crashAt = /^commit:(\d+)$/.exec(env.VNSEARCH_TEST_CRASH_AT ?? '')?.[1];
  return {
    ...(postingsPerSegment ? { postingsPerSegment } : {}),
    ...(maxSegments ? { maxSegments } : {}),
    ...(crashAt
      ? {
          afterCommit: (commits: number) => {
            if (commits === Number(crashAt)) process.kill(process.pid, 'SIGKILL');
            process.stderr.write(`vnsearch test hook: commit ${commits}\n`);
          },
        }
      : {}),
  };
}

/** The engine the settings ask for; `role` decides which Meilisearch key it holds. */
export function createEngine(settings: Settings, synonyms: SynonymMap, role: 'indexer' | 'api'): SearchEngine {
  if (settings.engine === 'sqlite') {
    return new SqliteEngine({ dataDir: settings.dataDir, synonyms, ...(role === 'api' ? SERVING_WARM_UP : { write: testWriteOptions(process.env) }) });
  }
  const meili = settings.meilisearch!;
  const apiKey = role === 'api' ? (meili.searchKey ?? meili.adminKey) : meili.adminKey;
  return new MeilisearchEngine({
    url: meili.url,
    indexUid: meili.index,
    synonyms,
    timeoutMs: settings.engineTimeoutMs,
    ...(apiKey ? { apiKey } : {}),
    ...(meili.searchKey ? { searchKey: meili.searchKey } : {}),
  });
}

/** Where the indexer keeps content hashes for an engine, so each engine's runs are incremental on their own. */
export function manifestPath(settings: Settings): string {
  return join(settings.dataDir, settings.engine === 'sqlite' ? 'manifest.sqlite.json' : `manifest.meilisearch.${settings.meilisearch!.index}.json`);
}
