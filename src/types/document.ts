/**
 * Where a document's publication date came from: the file's metadata, or a dateline or stamp the
 * page prints (`explicit`); `null` when none is known.
 */
export type DateSource = 'metadata' | 'explicit';

/** A clean document, as the indexer stores it and the API returns it. */
export interface SearchDocument {
  id: string;
  title: string;
  /** Clean article text: paragraphs separated by blank lines, boilerplate removed. */
  body: string;
  /** ISO `YYYY-MM-DD`, or null when the article has no trustworthy full date. */
  date: string | null;
  year: number | null;
  date_source: DateSource | null;
  /** Canonical outlet name (from `config/sources.yaml`), or null. */
  source: string | null;
  url: string | null;
  /** Canonical party names (from `config/gazetteer.yaml`). */
  parties: string[];
  /** Canonical country names (from `config/gazetteer.yaml`). */
  countries: string[];
}

export const FACET_NAMES = ['party', 'country', 'year'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
