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
  /** A corrected query that has results, when the query as typed has none. */
  didYouMean?: string;
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
