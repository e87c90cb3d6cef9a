import type { FacetName, SearchDocument } from './document.ts';

export type SortOrder = 'relevance' | 'date_desc' | 'date_asc';

/** Facet filters: OR within one facet, AND across facets. */
export interface SearchFilters {
  party?: string[];
  country?: string[];
  year?: number[];
  yearFrom?: number;
  yearTo?: number;
}

export interface SearchRequest {
  /** The query as the user typed it; empty browses with filters only. */
  q: string;
  filters: SearchFilters;
  sort: SortOrder;
  limit: number;
  offset: number;
  /** Search the words as typed only: no Telex decoding, aliases or typo corrections, no interpretation. */
  verbatim?: boolean;
}

/** A document as listed in results: the body is replaced by a highlighted snippet. */
export interface SearchHit extends Omit<SearchDocument, 'body' | 'date_source'> {
  /** HTML: matches wrapped in `<mark>`, everything else escaped. */
  snippet: string;
  /** The title as HTML, marked and escaped like the snippet. */
  title_html: string;
}

export type FacetCounts = Record<FacetName, Record<string, number>>;

export interface SearchResponse {
  total: number;
  hits: SearchHit[];
  facets: FacetCounts;
  /**
   * A corrected query: the query as the results read it when a typo correction or a decoding
   * (Telex) changed them, or, when nothing matches, a correction that finds something.
   */
  didYouMean?: string;
  /** The query as the results read it, as the corpus writes it, when it differs from the typed text. */
  interpreted?: string;
}

export interface Suggestion {
  text: string;
  /** How many documents hold it. */
  count: number;
}

export interface IndexStats {
  documents: number;
  /** Bytes used by the index on disk, when the engine can tell. */
  sizeBytes: number | null;
}
