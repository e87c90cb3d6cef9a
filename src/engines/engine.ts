import type { SearchDocument } from '../types/document.ts';
import type { IndexTarget } from '../indexing/index-target.ts';
import type { FacetCounts, IndexStats, SearchRequest, SearchResponse, Suggestion } from '../types/search.ts';

/**
 * What the indexer and the API need from a search engine. The API talks to this
 * interface only; each engine turns the shared index fields (`src/analysis/fields.ts`)
 * and the analysed query (`src/search/query.ts`) into its own requests. The writing side
 * (`IndexTarget`) is declared by the indexer, which uses nothing else.
 */
export interface SearchEngine extends IndexTarget {
  readonly name: 'sqlite' | 'meilisearch';
  search(request: SearchRequest): Promise<SearchResponse>;
  suggest(prefix: string, limit: number): Promise<Suggestion[]>;
  getDocument(id: string): Promise<SearchDocument | null>;
  /** Every facet value with its document count. */
  facets(): Promise<FacetCounts>;
  stats(): Promise<IndexStats>;
  /** Throws an EngineUnavailableError when the engine cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
