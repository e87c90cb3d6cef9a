import type { SearchDocument } from '../types/document.ts';
import type { PreparedDocument } from '../indexing/fields.ts';
import type { FacetCounts, IndexStats, SearchRequest, SearchResponse, Suggestion } from '../types/search.ts';

/**
 * What the indexer and the API need from a search engine. The API talks to this
 * interface only; each engine turns the shared index fields (`src/indexing/fields.ts`)
 * and the analysed query (`src/search/query.ts`) into its own requests.
 */
/** What writing to an index needs; a rebuild hands one of these for the index being built aside. */
export interface IndexWriter {
  upsert(documents: readonly PreparedDocument[]): Promise<void>;
  delete(ids: string[]): Promise<void>;
  /**
   * Makes every write so far durable and visible to searches. An engine may hold writes until
   * then (the embedded one buffers postings); the indexer commits before it records a run as done.
   */
  commit(): Promise<void>;
}

export interface SearchEngine extends IndexWriter {
  readonly name: 'sqlite' | 'meilisearch';
  /**
   * Creates the index if needed and applies its settings, and clears what interrupted runs left.
   * Idempotent; the indexer calls it holding the data directory's lock.
   */
  configure(): Promise<void>;
  /**
   * Builds a whole new index aside, filled by `fill`, and swaps it in only when `fill` resolves,
   * so searches never see a half-built index; when `fill` throws, the old index stays.
   */
  rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void>;
  /**
   * What the live index holds: every document's id and the content hash it was written from
   * (empty for a document written without one). Empty when there is no index yet. The indexer
   * compares this with its inputs, so the index mirrors them whatever happened to earlier runs.
   */
  storedHashes(): Promise<Map<string, string>>;
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
