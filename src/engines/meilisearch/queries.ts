import type { FederatedMultiSearchParams, Filter, MatchingStrategies, MultiSearchQueryWithFederation } from 'meilisearch';
import type { FacetName } from '../../types/document.ts';
import { FACET_NAMES } from '../../types/document.ts';
import type { SearchRequest, SortOrder } from '../../types/search.ts';
import type { AnalyzedQuery, QueryReading } from '../../search/query.ts';
import { buildFilter, filteredFacets, quoteFilterValue } from './filters.ts';
import { adjacentPairs, PAIR_JOINER } from '../../analysis/tokens.ts';
import { exactKeysFolding } from '../../vietnamese/index.ts';
import { BODY_FIELDS, EXACT_FIELDS, EXACT_TERMS_ATTRIBUTE, FACET_ATTRIBUTES, FOLDED_FIELDS, WORD_TERMS_ATTRIBUTE } from './settings.ts';

/** What a hit needs to become a SearchHit; the body feeds our own snippet builder. */
export const HIT_FIELDS = ['id', 'title', 'body', 'date', 'year', 'source', 'url', 'parties', 'countries'];

/**
 * Federation weights multiply each query's ranking score (0–1), so a document found by several
 * queries ranks by its best weighted score. They follow the embedded engine's tiers: for several
 * words, the exact phrase (title or body) first, where its syllables form the query's words
 * (`hàng_không`) before where they only touch (`khách_hàng không`), then the phrase with other
 * diacritics, then the exact words apart; for one word, the exact word before its twins. A match in the body scores
 * lower than one in the title (Meilisearch's `attribute` rule), which the weights leave as it is.
 * The typed reading outweighs the alternatives (Telex decoding, joined transliteration, synonyms,
 * split names), which only add what the typed words miss; except numerals in the other system
 * (`đại hội 13` → `đại hội XIII`), the same words in another notation rather than a guess, and
 * held to the word before them as a phrase.
 */
export const FORM_WEIGHTS = {
  phrase: { exactPhrase: 1, exactPhraseInBody: 1, exactPhraseApartFromWords: 0.6, foldedPhrase: 0.5, exactWords: 0.45, exactWordsInBody: 0.42, foldedWords: 0.4 },
  word: { exactWords: 0.8, exactWordsInBody: 0.75, foldedWords: 0.4 },
} as const;
export const READING_WEIGHTS: Record<QueryReading['kind'], number> = { typed: 1, telex: 0.5, joined: 0.5, synonym: 0.5, split: 0.5, numeral: 1 };

/**
 * For the exact phrases. A lone phrase is one term, which no strategy drops; `last` keeps the
 * `words` ranking rule, which `all` leaves out of the ranking score, so an exact phrase's score
 * stays comparable with the exact words' (with `all`, an exact phrase in the body scored below
 * the exact words scattered in a title).
 */
const PHRASE_STRATEGY: MatchingStrategies = 'last';

/** Bounds the work of one search; readings beyond it (many synonym expansions) are dropped. */
const MAX_QUERIES = 20;

const SORTS: Record<Exclude<SortOrder, 'relevance'>, string[]> = { date_desc: ['date:desc'], date_asc: ['date:asc'] };

/** Keeps query syntax out of a word: `"` would open or close a phrase, a leading `-` negates. */
function queryWord(word: string): string {
  return word
    .replace(/"/g, ' ')
    .replace(/(^|\s)-+/g, '$1')
    .trim();
}

/** The reading's words in one form; with `quoted`, each phrase the reading requires in quotes, a phrase to Meilisearch. */
function words(reading: QueryReading, form: 'exact' | 'folded', quoted = false): string {
  const tokens = reading.terms.map((term) => queryWord((form === 'exact' ? term.exact : null) ?? term.folded));
  if (quoted) {
    for (const { start, end } of reading.phrases ?? []) {
      if (end - start < 2) continue;
      tokens[start] = `"${tokens[start]}`;
      tokens[end - 1] = `${tokens[end - 1]}"`;
    }
  }
  return tokens.filter((word) => word !== '').join(' ');
}

/**
 * Exact terms a document must hold for the reading's phrases typed with marks: the pairs of their
 * exact keys, or the exact key of a single word. Together with the phrase in the query, the
 * document holds the phrase exactly (see `exactPhrases` below).
 */
function requiredExactTerms(reading: QueryReading): string[] {
  const keys = reading.terms.map((term) => term.exact ?? term.folded);
  return (reading.phrases ?? []).filter((phrase) => phrase.exact).flatMap(({ start, end }) => (end - start > 1 ? adjacentPairs(keys.slice(start, end)) : [keys[start]!]));
}

interface ReadingQuery {
  q: string;
  fields: readonly string[];
  weight: number;
  matchingStrategy: MatchingStrategies;
  /** Exact terms a matching document must hold (see EXACT_TERMS_ATTRIBUTE). */
  exactTerms?: readonly string[];
  /** Words a matching document must form (see WORD_TERMS_ATTRIBUTE). */
  wordTerms?: readonly string[];
}

/**
 * The queries that read one reading, best first. The title's exact keys are a field; in the body,
 * an exact phrase is the folded phrase in a document holding every adjacent pair of its exact
 * keys, and exact words the folded words in a document holding each exact key. A trailing space
 * ends the words: Meilisearch treats a query's last word as a prefix only when nothing follows it,
 * and a level-tone key is a prefix of its toned forms (`ban` of `bans`, `banj`).
 */
function readingQueries(reading: QueryReading, relevance: boolean): ReadingQuery[] {
  const required = requiredExactTerms(reading);
  if (required.length === 0) return formQueries(reading, relevance);
  return formQueries(reading, relevance).map((query) => ({ ...query, exactTerms: [...(query.exactTerms ?? []), ...required] }));
}

function formQueries(reading: QueryReading, relevance: boolean): ReadingQuery[] {
  const folded = words(reading, 'folded');
  if (folded === '') return [];
  // A query typed in Telex throughout is as likely meant decoded as typed.
  const factor = reading.telexThroughout ? READING_WEIGHTS.typed : READING_WEIGHTS[reading.kind];
  /** With its phrases quoted: every query but those that ask for the whole reading as one phrase. */
  const foldedWords = words(reading, 'folded', true);
  // A phrase the reading requires is one term to Meilisearch, which the other strategies may drop.
  const widest: MatchingStrategies = reading.phrases?.length ? 'all' : 'frequency';
  // Sorting by date lists every document holding all the words, whatever their form.
  if (!relevance) return [{ q: foldedWords, fields: FOLDED_FIELDS, weight: factor, matchingStrategy: 'all' }];
  const queries: ReadingQuery[] = [];
  const phrase = reading.terms.length > 1;
  const weights = phrase ? FORM_WEIGHTS.phrase : FORM_WEIGHTS.word;
  if (reading.diacritized) {
    const exact = words(reading, 'exact');
    const keys = exact.split(' ');
    if (phrase) {
      const exactPhrases: ReadingQuery[] = [
        { q: `"${exact}"`, fields: EXACT_FIELDS, weight: FORM_WEIGHTS.phrase.exactPhrase * factor, matchingStrategy: PHRASE_STRATEGY },
        { q: `"${folded}"`, fields: BODY_FIELDS, weight: FORM_WEIGHTS.phrase.exactPhraseInBody * factor, matchingStrategy: PHRASE_STRATEGY, exactTerms: adjacentPairs(keys) },
      ];
      // With words in the query, the exact phrase ranks first where the document forms them too.
      const wordTerms = reading.words.map(({ start, end }) => keys.slice(start, end).join(PAIR_JOINER));
      if (wordTerms.length > 0) {
        queries.push(...exactPhrases.map((query) => ({ ...query, wordTerms })));
        for (const query of exactPhrases) query.weight *= FORM_WEIGHTS.phrase.exactPhraseApartFromWords;
      }
      queries.push(...exactPhrases);
    }
    queries.push({ q: `${words(reading, 'exact', true)} `, fields: EXACT_FIELDS, weight: weights.exactWords * factor, matchingStrategy: 'all' });
    queries.push({ q: `${foldedWords} `, fields: BODY_FIELDS, weight: weights.exactWordsInBody * factor, matchingStrategy: 'all', exactTerms: keys });
  }
  if (phrase) queries.push({ q: `"${folded}"`, fields: FOLDED_FIELDS, weight: FORM_WEIGHTS.phrase.foldedPhrase * factor, matchingStrategy: 'all' });
  // The widest query: typo-tolerant, and it drops the most frequent words when not all are found.
  queries.push({ q: foldedWords, fields: FOLDED_FIELDS, weight: weights.foldedWords * factor, matchingStrategy: widest });
  return queries;
}

/** A filter and more conditions, all required. */
function allOf(filter: Filter | undefined, required: readonly string[]): Filter | undefined {
  if (required.length === 0) return filter;
  if (filter === undefined) return [...required];
  return [...(typeof filter === 'string' ? [filter] : filter), ...required];
}

/** The request's filter and, for a query that needs them, its exact and word terms, all required. */
function queryFilter(filter: Filter | undefined, query: ReadingQuery): Filter | undefined {
  return allOf(filter, [
    ...(query.exactTerms ?? []).map((term) => `${EXACT_TERMS_ATTRIBUTE} = ${quoteFilterValue(term)}`),
    ...(query.wordTerms ?? []).map((term) => `${WORD_TERMS_ATTRIBUTE} = ${quoteFilterValue(term)}`),
  ]);
}

/**
 * Leaves out the documents holding an excluded word, through the exact terms of the title and
 * body: the word's exact key when typed with marks, else every exact key that folds to it.
 * (Meilisearch's own `-word` looks only in the attributes a query searches, and most of ours
 * search the title alone.)
 */
function excluding(filter: Filter | undefined, excluded: AnalyzedQuery['excluded']): Filter | undefined {
  return allOf(
    filter,
    (excluded ?? []).map((term) => {
      const keys = term.exact === null ? exactKeysFolding(term.folded) : [term.exact];
      return `NOT ${EXACT_TERMS_ATTRIBUTE} IN [${keys.map(quoteFilterValue).join(', ')}]`;
    }),
  );
}

function federatedQueries(indexUid: string, queries: readonly ReadingQuery[], filter: Filter | undefined, sort: string[] | undefined, fields: string[]): MultiSearchQueryWithFederation[] {
  return queries.map((query) => {
    const queryFilterValue = queryFilter(filter, query);
    return {
      indexUid,
      q: query.q,
      attributesToSearchOn: [...query.fields],
      matchingStrategy: query.matchingStrategy,
      ...(queryFilterValue === undefined ? {} : { filter: queryFilterValue }),
      ...(sort === undefined ? {} : { sort }),
      attributesToRetrieve: fields,
      federationOptions: { weight: query.weight },
    };
  });
}

const BROWSE: ReadingQuery = { q: '', fields: FOLDED_FIELDS, weight: 1, matchingStrategy: 'all' };

/**
 * The queries of each reading, readings in order while they fit in MAX_QUERIES; one placeholder
 * (browse) query when the text has no words.
 */
function queriesByReading(query: AnalyzedQuery, relevance: boolean): ReadingQuery[][] {
  const groups: ReadingQuery[][] = [];
  let count = 0;
  for (const reading of query.readings) {
    const group = readingQueries(reading, relevance);
    if (group.length === 0 || count + group.length > MAX_QUERIES) continue;
    groups.push(group);
    count += group.length;
  }
  return groups.length > 0 ? groups : [[BROWSE]];
}

export interface SearchPlan {
  /** Hits, total, and the counts of the facets that have no filter. */
  hits: FederatedMultiSearchParams;
  /** One request per filtered facet, counted over the same queries without that facet's filter. */
  facetCounts: { facet: FacetName; request: FederatedMultiSearchParams }[];
}

/**
 * The Meilisearch requests for one API search: a federated multi-search over every reading of
 * the query, plus, for disjunctive facet counts, one federated count per filtered facet (a
 * federation has one filter per query, so a facet's own filter cannot be left out in the same
 * request).
 */
export function buildSearchPlan(indexUid: string, request: SearchRequest, query: AnalyzedQuery): SearchPlan {
  const relevance = request.sort === 'relevance';
  const groups = queriesByReading(query, relevance);
  // Browsing has no relevance to order by: newest first, as on the embedded engine.
  const browsing = groups[0]?.[0] === BROWSE;
  const sort = request.sort !== 'relevance' ? SORTS[request.sort] : browsing ? SORTS.date_desc : undefined;
  const filtered = filteredFacets(request.filters);
  const unfiltered = FACET_NAMES.filter((facet) => !filtered.includes(facet));
  const hits: FederatedMultiSearchParams = {
    federation: {
      limit: request.limit,
      offset: request.offset,
      ...(unfiltered.length > 0 ? { facetsByIndex: { [indexUid]: unfiltered.map((facet) => FACET_ATTRIBUTES[facet]) } } : {}),
    },
    queries: federatedQueries(indexUid, groups.flat(), excluding(buildFilter(request.filters), query.excluded), sort, HIT_FIELDS),
  };
  // The last query of each reading is its widest, and every other one only matches documents it
  // matches too: their union is the result set, all that facet counts need.
  const counting = groups.map((group) => group[group.length - 1]!);
  const facetCounts = filtered.map((facet) => ({
    facet,
    request: {
      federation: { limit: 0, offset: 0, facetsByIndex: { [indexUid]: [FACET_ATTRIBUTES[facet]] } },
      queries: federatedQueries(indexUid, counting, excluding(buildFilter(request.filters, facet), query.excluded), undefined, ['id']),
    },
  }));
  return { hits, facetCounts };
}
