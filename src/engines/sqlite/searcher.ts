import type { SearchHit, SearchRequest, SearchResponse } from '../../types/search.ts';
import { analyzeQuery, type AnalyzedQuery, type SynonymMap } from '../../search/query.ts';
import { highlightDocument, locateText } from '../../search/highlight.ts';
import { asTyped, interpretQuery, READ_CHARS, scanText, type ScannedText } from '../../search/interpretation.ts';
import type { SpellingVocabulary } from '../../search/spellings.ts';
import { adjacentPairs } from '../../analysis/tokens.ts';
import type { FacetIndex } from './facets.ts';
import { Field } from './index-terms.ts';
import type { IndexView, PageDocument } from './index-view.ts';
import type { IndexWords } from './index-words.ts';
import { planQuery, type Clause, type Disjunction, type QueryPlan } from './plan.ts';
import { intersectAll, type PostingsCache, subtract, unionAll, type Postings } from './postings.ts';
import { firstInOrder, relevancePage, tierValues } from './ranking.ts';

/** One adjacent pair of query words found outweighs any number of title words. */
const PAIR_SCORE = 1000;
/** What a title word typed without marks adds where the title writes it so too, as a share of the word's weight. */
const AS_TYPED_SHARE = 0.5;

/** What a search reads: one data version of the index, the words in use, the synonyms. */
export interface Reader {
  view: IndexView;
  words: IndexWords;
  synonyms: SynonymMap | undefined;
}

/**
 * Answers a request (inside a read transaction the caller holds): the query planned into tiers
 * (`plan.ts`), answered by intersecting postings in memory, filtered and counted by facets, a page
 * ordered and its hits built. With no results, a corrected query is tried when `suggestCorrection`.
 */
export function search(reader: Reader, request: SearchRequest, suggestCorrection: boolean): SearchResponse {
  const { view, words } = reader;
  const analyzed = analyzeQuery(request.q, reader.synonyms, spellingVocabulary(reader));
  const query = request.verbatim ? asTyped(analyzed) : analyzed;
  const plan = planQuery(query, (word) => (request.verbatim ? [] : words.corrections(word)));
  const facetIndex = view.facets;
  const found = plan ? matches(view, plan) : null;
  const { kept, facets } = facetIndex.filterAndCount(found?.rowids ?? facetIndex.rowids(), request.filters);
  const { offset, limit } = request;
  const page =
    found && request.sort === 'relevance'
      ? relevancePage(kept, found.tiers, offset, limit, found.orderGroup)
      : byDate(kept, facetIndex, found?.tiers ?? null, request.sort === 'date_asc' ? 1 : -1).slice(offset, offset + limit);
  const { hits, documents } = pageHits(view, page, query);
  const response: SearchResponse = { total: kept.length, hits, facets };
  const interpretation = request.verbatim ? null : interpretQuery(query, () => documents.flatMap(readOf), plan?.mistyped);
  if (interpretation) {
    response.interpreted = interpretation.text;
    if (interpretation.changed) response.didYouMean = interpretation.text;
  }
  if (suggestCorrection && !request.verbatim && kept.length === 0 && plan?.correctedText) {
    const corrected = search(reader, { ...request, q: plan.correctedText, offset: 0, limit: 1 }, false);
    if (corrected.total > 0) response.didYouMean = plan.correctedText;
  }
  return response;
}

/** How often the index holds words and phrases, for reading other spellings of a query's words. */
function spellingVocabulary({ view, words }: Reader): SpellingVocabulary {
  const vocabulary = words.vocabulary();
  const { postings } = view;
  // The rarest pair bounds the phrase: only words the vocabulary holds are looked up.
  const documents = (field: Field, phrase: readonly string[]) =>
    phrase.every((word) => vocabulary.has(word)) ? Math.min(...adjacentPairs(phrase).map((pair) => postings.get(field, pair).length)) : 0;
  return {
    wordDocuments: (word) => vocabulary.get(word) ?? 0,
    phraseDocuments: (phrase) => documents(Field.pairs, phrase),
    compoundDocuments: (phrase) => documents(Field.compounds, phrase),
    correctionDocuments: (word) => vocabulary.get(words.corrections(word)[0] ?? '') ?? 0,
  };
}

/** Documents matching any clause: per clause, every term (any of its alternatives) in its field. */
function evaluate(postings: PostingsCache, disjunction: Disjunction, clauses: Map<string, Postings>): Postings {
  return unionAll(
    disjunction.map((clause) => {
      // The tiers of one query repeat clauses (a reading's words in a field): each is computed once.
      const key = clauseKey(clause);
      let rowids = clauses.get(key);
      if (!rowids) {
        rowids = intersectAll([
          ...clause.terms.map((alternatives) => unionAll(alternatives.map((term) => postings.get(clause.field, term)))),
          ...(clause.also ?? []).map((also) => evaluate(postings, [also], clauses)),
        ]);
        clauses.set(key, rowids);
      }
      return rowids;
    }),
  );
}

/** One string per clause, for the cache of clauses computed within a search. */
function clauseKey(clause: Clause): string {
  const own = `${clause.field}:${clause.terms.map((alternatives) => alternatives.join('|')).join(' ')}`;
  return clause.also ? `${own}&${clause.also.map(clauseKey).join('&')}` : own;
}

/**
 * Within a tier, documents holding more of the query's adjacent word pairs come first, then
 * those with more of its words in the title, rarer words counting more (an idf weight). A
 * diacritized word counts in the title in its exact form; where the title holds only its twins
 * (the same folded word), it counts against the document as much. A word typed without marks
 * counts in any form, and somewhat more where the title writes it without marks too.
 */
function withinTierScores(view: IndexView, plan: QueryPlan, scores: Float64Array): Float64Array {
  const { postings } = view;
  scores.fill(0);
  for (const pair of plan.pairs) for (const rowid of postings.get(Field.pairs, pair)) scores[rowid]! += PAIR_SCORE;
  const documents = view.facets.size;
  for (const { term, folded } of plan.titleTerms) {
    const weight = Math.log(1 + documents / Math.max(1, postings.get(folded === null ? Field.words : Field.exact, term).length));
    if (folded === null) {
      for (const rowid of postings.get(Field.title, term)) scores[rowid]! += weight;
      // Typed without marks, the word written so in the title (`thanh`, not only `thành`) comes
      // first among equals, as Meilisearch's exactness ranks it: an unmarked word is its own exact key.
      for (const rowid of postings.get(Field.titleExact, term)) scores[rowid]! += AS_TYPED_SHARE * weight;
      continue;
    }
    // Exact: +weight; twins only: -weight; both: +weight.
    for (const rowid of postings.get(Field.titleExact, term)) scores[rowid]! += 2 * weight;
    for (const rowid of postings.get(Field.title, folded)) scores[rowid]! -= weight;
  }
  return scores;
}

/** Every matching document, the tier of each, and a way to order any tier group. */
function matches(view: IndexView, plan: QueryPlan): { rowids: Postings; tiers: Uint8Array; orderGroup: (rowids: number[], count: number) => number[] } {
  const { postings } = view;
  const scratch = view.scratch(view.file.documents.maxRowid());
  const clauses = new Map<string, Postings>();
  const tiers = tierValues(
    plan.tiers.map((tier) => ({ weight: tier.weight, rowids: evaluate(postings, tier.match, clauses) })),
    scratch.tiers,
  );
  let scores: Float64Array | undefined;
  const { tieOrder } = view.facets;
  const orderGroup = (rowids: number[], count: number) => {
    const score = (scores ??= withinTierScores(view, plan, scratch.scores));
    return firstInOrder(rowids, count, (a, b) => score[b]! - score[a]! || tieOrder[a]! - tieOrder[b]!);
  };
  const matching = evaluate(postings, plan.match, clauses);
  return { rowids: plan.exclude.length > 0 ? subtract(matching, evaluate(postings, plan.exclude, clauses)) : matching, tiers, orderGroup };
}

/** Newest first (or oldest), undated last, ties broken by tier then by id. */
function byDate(rowids: ArrayLike<number>, facets: FacetIndex, tiers: Uint8Array | null, direction: 1 | -1): number[] {
  return Array.from(rowids).sort((a, b) => {
    const [dateA, dateB] = [facets.date(a) ?? '', facets.date(b) ?? ''];
    if (dateA !== dateB) return !dateA ? 1 : !dateB ? -1 : direction * dateA.localeCompare(dateB);
    return (tiers ? tiers[b]! - tiers[a]! : 0) || facets.tieOrder[a]! - facets.tieOrder[b]!;
  });
}

/**
 * About how much memory the reading of a document's title and lead holds once scanned: the title
 * located, the lead's fold, and the words found in them (at most one word in WORD_CHARS characters).
 */
const readBytes = (title: string) => (title.length + READ_CHARS) * 4 + ((title.length + READ_CHARS) / WORD_CHARS) * 48;
const WORD_CHARS = 5;

/** The title and lead of a page document as the reading of a query reads them, scanned once. */
function readOf(document: PageDocument): readonly ScannedText[] {
  const { listed, body } = document;
  document.read ??= [scanText(listed.title), scanText(body)];
  return document.read;
}

/** The hits of a page, and their documents (cached, for the snippets of later pages and the reading of the query). */
function pageHits(view: IndexView, page: number[], query: AnalyzedQuery): { hits: SearchHit[]; documents: PageDocument[] } {
  const cache = view.pageDocuments;
  const cached = new Map(page.map((rowid) => [rowid, cache.get(rowid)]));
  for (const [rowid, { body, ...listed }] of view.file.documents.hitsByRowid(page.filter((rowid) => !cached.get(rowid)))) {
    const document: PageDocument = { listed, body: locateText(body) };
    // Counted as if read: a reading scans it later without the cache knowing.
    cache.set(rowid, document, document.body.bytes + readBytes(listed.title));
    cached.set(rowid, document);
  }
  const hits: SearchHit[] = [];
  const documents: PageDocument[] = [];
  for (const rowid of page) {
    const document = cached.get(rowid);
    if (!document) continue;
    const { snippet, titleHtml } = highlightDocument(document.listed.title, document.body, query);
    hits.push({ ...document.listed, snippet, title_html: titleHtml });
    documents.push(document);
  }
  return { hits, documents };
}
