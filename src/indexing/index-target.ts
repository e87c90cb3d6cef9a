import type { PreparedDocument } from '../analysis/fields.ts';

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

/**
 * What the indexer needs of the index it keeps up to date. Every search engine is one
 * (`SearchEngine` extends it): declared here, below the engines, so the indexer knows none of them.
 */
export interface IndexTarget extends IndexWriter {
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
}
