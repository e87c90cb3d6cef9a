import type { Settings } from 'meilisearch';
import type { FacetName } from '../../types/document.ts';
import type { SynonymMap } from '../../search/query.ts';
import { analyzeText } from '../../analysis/fields.ts';

/** Primary key of the Meilisearch documents: a hash of our id, which may hold any character. */
export const PRIMARY_KEY = 'doc_key';

/** Lossless per-syllable keys of the title (`bán` → `bans`): matched without typos, weighted above the folded fields. */
export const EXACT_FIELDS = ['title_exact'] as const;
/** Folded text, normalized by our language layer so that documents and queries meet in one form. */
export const FOLDED_FIELDS = ['title_folded', 'joined', 'body_folded'] as const;
/** The folded body, where exact matches are told apart by the exact terms. */
export const BODY_FIELDS = ['body_folded'] as const;
/**
 * The filterable set of a document's exact keys and pairs of adjacent exact keys (`documents.ts`).
 * A second positional field of exact keys for the body doubled what Meilisearch spends indexing
 * (most of it on word proximities); a set of terms costs a fraction of that, and "the folded
 * phrase, with all its exact pairs in the document" finds what an exact phrase would.
 */
export const EXACT_TERMS_ATTRIBUTE = 'exact_terms';
/** The filterable set of a document's confident multi-syllable words by their exact keys (`hangf_khoong`), for whole-word matches. */
export const WORD_TERMS_ATTRIBUTE = 'word_terms';

/** The document attribute behind each API facet. */
export const FACET_ATTRIBUTES: Record<FacetName, string> = { party: 'parties', country: 'countries', year: 'year' };

/** What a document looks like to the API; the derived search fields are never returned. */
export const DOCUMENT_FIELDS = ['id', 'title', 'body', 'date', 'year', 'date_source', 'source', 'url', 'parties', 'countries'] as const;

/**
 * Meilisearch reports at most this many hits (1000 by default), totals included; above the
 * corpus sizes we serve, so totals stay exact. The API bounds paging on its own.
 */
export const MAX_TOTAL_HITS = 100_000;

/** Enough for every party, country and year of a news corpus; counts beyond it would be truncated. */
export const MAX_VALUES_PER_FACET = 500;

/**
 * The index settings the indexer applies (see docs/meilisearch.md for the reasons):
 * - searchable: title before body, exact before folded, so the `attribute` rule prefers a title
 *   match and the exact keys; the raw `title`/`body` are stored for display only. The body's
 *   exact keys are a filterable set of terms rather than a searchable field (EXACT_TERMS_ATTRIBUTE).
 * - ranking rules: `sort` first so that `date_desc`/`date_asc` really order by date (it is a no-op
 *   when a search has no `sort`), then Meilisearch's relevance rules with proximity before
 *   attribute, so words found together (a phrase) count more than where they are found.
 * - typo tolerance: none on the exact keys (`bans` must not match `banj`) nor on numbers (years);
 *   one typo from 5 letters, since folded syllables are short and many differ by one letter
 *   (`trong`/`trung`/`trang`); two from 8, longer than any folded syllable (`nghieng` has 7), so
 *   only names and foreign words get them (`mecedess` → `mercedes`).
 */
export function buildIndexSettings(synonyms: SynonymMap = new Map()): Settings {
  return {
    searchableAttributes: ['title_exact', 'title_folded', 'joined', 'body_folded'],
    // content_hash too, so the indexer can list it (getDocuments returns displayed attributes only); hits never ask for it.
    displayedAttributes: [...DOCUMENT_FIELDS, 'content_hash'],
    // The primary key too: getDocument filters on it, so a search-only key can read a document.
    filterableAttributes: [PRIMARY_KEY, FACET_ATTRIBUTES.party, FACET_ATTRIBUTES.country, FACET_ATTRIBUTES.year, 'source', EXACT_TERMS_ATTRIBUTE, WORD_TERMS_ATTRIBUTE],
    sortableAttributes: ['date', 'year'],
    rankingRules: ['sort', 'words', 'typo', 'proximity', 'attribute', 'exactness'],
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 8 },
      disableOnAttributes: [...EXACT_FIELDS],
      disableOnNumbers: true,
    },
    faceting: { maxValuesPerFacet: MAX_VALUES_PER_FACET, sortFacetValuesBy: { '*': 'count' } },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    // Nothing searches facet values, so their search structures would only cost indexing time.
    facetSearch: false,
    synonyms: foldedSynonyms(synonyms),
    // The default, pinned: word-level proximity is what ranks phrases; `byAttribute` indexes
    // faster but only knows whether words share a field.
    proximityPrecision: 'byWord',
  };
}

/**
 * The synonym map in the folded form of the `*_folded` fields (`dcsvn` → `dang cong san viet nam`),
 * one-way: an alias finds its full forms, not every other alias.
 */
export function foldedSynonyms(synonyms: SynonymMap): Record<string, string[]> {
  const folded: Record<string, string[]> = {};
  for (const [alias, expansions] of synonyms) {
    const key = analyzeText(alias).folded;
    if (key === '') continue;
    const values = new Set(folded[key] ?? []);
    for (const expansion of expansions) {
      const value = analyzeText(expansion).folded;
      if (value !== '' && value !== key) values.add(value);
    }
    if (values.size > 0) folded[key] = [...values];
  }
  return folded;
}
