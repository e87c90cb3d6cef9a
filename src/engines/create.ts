import { join } from 'node:path';
import type { Settings } from '../config/settings.ts';
import type { SynonymMap } from '../search/query.ts';
import type { SearchEngine } from './engine.ts';
import { MeilisearchEngine } from './meilisearch/engine.ts';
import { SqliteEngine } from './sqlite/engine.ts';

/** The commonest words whose postings a serving engine loads up front (about 10 MB on the 35k-article corpus). */
export const SERVING_WARM_TERMS = 500;

/** The engine the settings ask for; `role` decides which Meilisearch key it holds. */
export function createEngine(settings: Settings, synonyms: SynonymMap, role: 'indexer' | 'api'): SearchEngine {
  if (settings.engine === 'sqlite') return new SqliteEngine({ dataDir: settings.dataDir, synonyms, ...(role === 'api' ? { warmTerms: SERVING_WARM_TERMS } : {}) });
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
