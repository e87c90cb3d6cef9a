import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDocument } from '../../types/document.ts';
import type { FacetCounts, IndexStats, SearchHit, SearchRequest, SearchResponse, Suggestion } from '../../types/search.ts';
import type { IndexWriter } from '../../indexing/index-target.ts';
import type { SearchEngine } from '../engine.ts';
import type { PreparedDocument } from '../../analysis/fields.ts';
import { EngineUnavailableError, IndexDamagedError } from '../../errors.ts';
import { analyzeQuery, type AnalyzedQuery, type SynonymMap } from '../../search/query.ts';
import { highlightDocument, locateText, type LocatedText } from '../../search/highlight.ts';
import { FacetIndex, type FacetEntry } from './facets.ts';
import { Generations } from './generations.ts';
import { IndexFile, type IndexWriteOptions, type StoredHit } from './index-file.ts';
import { sqliteFailure } from './failures.ts';
import { LruCache } from './lru-cache.ts';
import { planQuery, type Clause, type Disjunction, type QueryPlan } from './plan.ts';
import { intersectAll, PostingsCache, subtract, unionAll, type Postings } from './postings.ts';
import { firstInOrder, relevancePage, tierValues } from './ranking.ts';
import { suggestFromTitles, type PrefixReading } from '../../search/completion.ts';
import { asTyped, interpretQuery } from '../../search/interpretation.ts';
import { corrections, DEFAULT_TYPO_OPTIONS, type TypoOptions } from './typos.ts';
import { Field } from './index-terms.ts';
import { adjacentPairs } from '../../analysis/tokens.ts';
import type { SpellingVocabulary } from '../../search/spellings.ts';
import { foldText, tokenize } from '../../vietnamese/index.ts';
import { termForms } from '../../analysis/fields.ts';

export interface SqliteEngineOptions {
  /** Directory holding the index files; created by `configure`. */
  dataDir: string;
  synonyms?: SynonymMap;
  typos?: TypoOptions;
  /** How long a search may see a replaced index before it looks for the new one, in ms. */
  generationCheckMs?: number;
  /**
   * Load the postings of this many of the commonest words in the background after opening, so
   * the first queries on common words don't pay for reading long lists. 0 (the default) for none.
   */
  warmTerms?: number;
  /**
   * Then run this many searches made of document titles, so that the search code is compiled
   * before the engine reports ready; their answers are not kept. 0 (the default) for none.
   */
  warmUpSearches?: number;
  /** How the indexer writes: segment size, merges (tests make them small). */
  write?: IndexWriteOptions;
}

/** Caches that hold for one data version of one index file. */
interface Snapshot {
  file: IndexFile;
  dataVersion: number;
  facets?: FacetIndex;
  /**
   * The facet entries the facet index was built from, kept across other processes' commits:
   * rows are never changed in place, so a commit adds rows above `maxRowid` and deletes others.
   */
  facetEntries?: { entries: FacetEntry[]; maxRowid: number };
  live?: Uint8Array;
  postings?: PostingsCache;
  vocabulary?: Map<string, number>;
  /** Per-rowid arrays that every search fills anew: reused, since allocating them made most of a search's garbage. */
  scratch?: { tiers: Uint8Array; scores: Float64Array };
  /** Typo corrections by folded word: the same misspellings come back, and finding them tries hundreds of edits. */
  corrections?: LruCache<string, readonly string[]>;
  sortedWords?: string[];
  /** Set while the words of a newer data version load in steps; the older words serve meanwhile. */
  wordsReload?: { forgotten: number; again: boolean };
  /** Counts full forgets, so that words loaded before one are not installed after it. */
  forgotten: number;
  warming?: Promise<void>;
  /** Documents of recent pages with their bodies located for snippets, by rowid: popular articles come up search after search. */
  pageDocuments?: LruCache<number, PageDocument>;
  /** Recent answers by request: a search box sees the same queries again and again. */
  answers?: LruCache<string, SearchResponse>;
}

/** A document as a page of hits shows it, its body ready for snippets. */
interface PageDocument {
  listed: Omit<StoredHit, 'body'>;
  body: LocatedText;
}

/** The located bodies kept for recent pages, in bytes (a located body takes a few times its text). */
const PAGE_DOCUMENT_CACHE_BYTES = 32 * 1024 * 1024;
const ANSWER_CACHE_SIZE = 1000;
/** Vocabulary rows loaded per step when another process committed: a search waits behind one short step at most. */
const VOCABULARY_PAGE = 2000;
const CORRECTIONS_CACHE_SIZE = 10_000;
const WARM_UP_QUERY_WORDS = 4;
const SUGGESTION_TITLES = 200;
/** Completions of a partly typed word that suggestions consider, the commonest first. */
const COMPLETIONS_PER_PREFIX = 20;
/** One adjacent pair of query words found outweighs any number of title words. */
const PAIR_SCORE = 1000;

/**
 * The embedded engine: one SQLite file in the data directory (through better-sqlite3) holding the
 * documents and an inverted index of our own (`index-file.ts`); queries are planned into tiers
 * (`plan.ts`) and answered by intersecting postings in memory.
 */
export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private readonly generations: Generations;
  private snapshot: Snapshot | null = null;
  private checkedAt = 0;

  constructor(private readonly options: SqliteEngineOptions) {
    this.generations = new Generations(options.dataDir);
  }

  /**
   * Makes sure there is a live index file of this version's format, empty if need be, and removes
   * index files no run will finish (left by interrupted rebuilds). The indexer calls it holding
   * the data directory's lock.
   */
  async configure(): Promise<void> {
    this.guard(() => {
      this.removeOrphans();
      const current = this.generations.current();
      if (current && existsSync(current) && IndexFile.hasCurrentFormat(current)) return;
      const path = this.generations.next();
      new IndexFile(path, { create: true }).close();
      this.generations.promote(path);
      if (current) Generations.remove(current);
    });
  }

  /** Index files that `CURRENT` does not name: builds that were interrupted. */
  private removeOrphans(): void {
    const current = this.generations.current();
    for (const name of readdirSync(this.options.dataDir, { withFileTypes: true })) {
      if (!name.isFile() || !/^index-.*\.db$/.test(name.name)) continue;
      const path = join(this.options.dataDir, name.name);
      if (path !== current) Generations.remove(path);
    }
  }

  /** Runs `work`, turning a damaged file or a full disk into errors that say so (a damaged file is reopened next time). */
  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      const failure = sqliteFailure(error, this.options.dataDir);
      if (failure instanceof IndexDamagedError) {
        this.snapshot?.file.closeWithoutWriting();
        this.snapshot = null;
      }
      throw failure;
    }
  }

  /** The live index, with this engine's own buffered writes flushed, for reading. */
  private reading(): Snapshot {
    const snapshot = this.open();
    if (snapshot.file.hasPendingWrites) {
      snapshot.file.flush();
      this.forget(snapshot);
    }
    return snapshot;
  }

  /** The live index file, reopened when a rebuild replaced it; throws when there is none. */
  private open(): Snapshot {
    const now = Date.now();
    if (this.snapshot && now - this.checkedAt < (this.options.generationCheckMs ?? 1000)) return this.refreshed(this.snapshot);
    this.checkedAt = now;
    const path = this.generations.current();
    if (!path) throw new EngineUnavailableError(`No index in ${this.options.dataDir}: run \`vnsearch index\` first.`);
    if (this.snapshot?.file.path !== path) {
      this.snapshot?.file.close();
      try {
        const file = new IndexFile(path, { create: false, ...this.options.write });
        this.snapshot = { file, dataVersion: file.dataVersion(), forgotten: 0 };
        if (this.options.warmTerms || this.options.warmUpSearches) this.snapshot.warming = this.warm(this.snapshot);
      } catch (error) {
        this.snapshot = null;
        const failure = sqliteFailure(error, this.options.dataDir);
        throw failure instanceof EngineUnavailableError ? failure : new EngineUnavailableError(`Cannot open the index ${path}: ${(error as Error).message}`, { cause: error });
      }
    }
    return this.refreshed(this.snapshot);
  }

  /**
   * Fetches the commonest words' postings, then runs the warm-up searches, one step per event-loop
   * turn, so that searches meanwhile wait for one step at most.
   */
  private warm(snapshot: Snapshot): Promise<void> {
    const steps: (() => void)[] = [
      ...snapshot.file.commonTerms(this.options.warmTerms ?? 0).map((term) => () => void this.postings(snapshot).get(Field.words, term)),
      ...this.warmUpQueries(snapshot).map((q) => () => void snapshot.file.read(() => this.run({ q, filters: {}, sort: 'relevance', limit: 10, offset: 0 }, true))),
    ];
    return new Promise((resolve) => {
      const next = () => {
        const step = steps.shift();
        if (step === undefined || this.snapshot !== snapshot) {
          // Warm-up is for the code: searches after it find no words or documents of its own ready.
          delete snapshot.corrections;
          delete snapshot.pageDocuments;
          return resolve();
        }
        try {
          step();
        } catch {
          // Warming is an optimization: the searches that follow meet the same error and report it.
          steps.length = 0;
        }
        setImmediate(next);
      };
      setImmediate(next);
    });
  }

  /** The first words of titles spread over the index, alternately as written and without diacritics. */
  private warmUpQueries(snapshot: Snapshot): string[] {
    const count = this.options.warmUpSearches ?? 0;
    const rowids = this.facetIndex(snapshot).rowids();
    if (count === 0 || rowids.length === 0) return [];
    const picked = Array.from({ length: Math.min(count, rowids.length) }, (_, i) => rowids[Math.floor((i * rowids.length) / Math.min(count, rowids.length))]!);
    return snapshot.file.titlesByRowid(picked).map((title, i) => {
      const words = title.split(/\s+/).slice(0, WARM_UP_QUERY_WORDS).join(' ');
      return i % 2 === 0 ? words : foldText(words);
    });
  }

  /**
   * Drops caches when another process (an indexer) committed since they were built. The words
   * (vocabulary, corrections, completions) are kept and reloaded in steps between searches: a
   * re-index commits often, and reloading them at once on a search's path stalls that search,
   * while words one commit old only make a correction or completion briefly out of date.
   */
  private refreshed(snapshot: Snapshot): Snapshot {
    const version = snapshot.file.dataVersion();
    if (version !== snapshot.dataVersion) {
      snapshot.dataVersion = version;
      this.forgetDocuments(snapshot);
      if (snapshot.vocabulary) this.reloadWords(snapshot);
    }
    return snapshot;
  }

  private reloadWords(snapshot: Snapshot): void {
    if (snapshot.wordsReload) {
      snapshot.wordsReload.again = true;
      return;
    }
    const reload = (snapshot.wordsReload = { forgotten: snapshot.forgotten, again: false });
    const vocabulary = new Map<string, number>();
    let after = '';
    const step = () => {
      if (this.snapshot !== snapshot || snapshot.forgotten !== reload.forgotten) return void delete snapshot.wordsReload;
      let page: [string, number][];
      try {
        page = snapshot.file.vocabularyPage(after, VOCABULARY_PAGE);
      } catch {
        // The searches that need the words meet the same error and report it.
        return void delete snapshot.wordsReload;
      }
      for (const [term, documents] of page) vocabulary.set(term, documents);
      if (page.length === VOCABULARY_PAGE) {
        after = page.at(-1)![0];
        return void setImmediate(step);
      }
      snapshot.vocabulary = vocabulary;
      delete snapshot.corrections;
      delete snapshot.sortedWords;
      // Answers given with the older words may hold corrections that the new ones change.
      delete snapshot.answers;
      delete snapshot.wordsReload;
      if (reload.again) this.reloadWords(snapshot);
    };
    setImmediate(step);
  }

  private facetIndex(snapshot: Snapshot): FacetIndex {
    if (snapshot.facets) return snapshot.facets;
    const live = this.live(snapshot);
    const previous = snapshot.facetEntries;
    // Rows committed after the live set was read are left for the next refresh, as its postings are.
    const added = snapshot.file.facetEntries(previous?.maxRowid ?? 0).filter((entry) => live[entry.rowid] === 1);
    const entries = previous ? [...previous.entries.filter((entry) => live[entry.rowid] === 1), ...added] : added;
    snapshot.facetEntries = { entries, maxRowid: added.at(-1)?.rowid ?? previous?.maxRowid ?? 0 };
    return (snapshot.facets = new FacetIndex(entries));
  }

  private live(snapshot: Snapshot): Uint8Array {
    return (snapshot.live ??= snapshot.file.liveRowids());
  }

  private forget(snapshot: Snapshot): void {
    this.forgetDocuments(snapshot);
    snapshot.forgotten++;
    delete snapshot.facetEntries;
    delete snapshot.vocabulary;
    delete snapshot.corrections;
    delete snapshot.sortedWords;
  }

  private forgetDocuments(snapshot: Snapshot): void {
    delete snapshot.facets;
    delete snapshot.live;
    delete snapshot.answers;
    delete snapshot.postings;
    delete snapshot.scratch;
    delete snapshot.pageDocuments;
  }

  private invalidate(): void {
    if (this.snapshot) this.forget(this.snapshot);
  }

  private writableFile(): IndexFile {
    return this.open().file;
  }

  async upsert(documents: readonly PreparedDocument[]): Promise<void> {
    this.guard(() => this.writableFile().upsert(documents));
    this.invalidate();
  }

  async delete(ids: string[]): Promise<void> {
    this.guard(() => this.writableFile().delete(ids));
    this.invalidate();
  }

  async commit(): Promise<void> {
    this.guard(() => this.writableFile().commit());
    this.invalidate();
  }

  /** Every document the live index holds, with the content hash it was written from; empty when there is no index of this format. */
  async storedHashes(): Promise<Map<string, string>> {
    return this.guard(() => {
      const current = this.generations.current();
      if (!current || !existsSync(current) || !IndexFile.hasCurrentFormat(current)) return new Map();
      return this.reading().file.storedHashes();
    });
  }

  async rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void> {
    this.guard(() => this.removeOrphans());
    const path = this.generations.next();
    const file = this.guard(() => new IndexFile(path, { create: true, ...this.options.write }));
    const guarded = <T>(work: () => T) => Promise.resolve(this.guard(work));
    try {
      await fill({
        upsert: (documents) => guarded(() => file.upsert(documents)),
        delete: (ids) => guarded(() => file.delete(ids)),
        commit: () => guarded(() => file.commit()),
      });
      this.guard(() => file.close());
    } catch (error) {
      file.closeWithoutWriting();
      Generations.remove(path);
      throw error;
    }
    const previous = this.generations.current();
    this.generations.promote(path);
    this.snapshot?.file.close();
    this.snapshot = null;
    if (previous) Generations.remove(previous);
  }

  private postings(snapshot: Snapshot): PostingsCache {
    return (snapshot.postings ??= new PostingsCache((field, term) => snapshot.file.postings(field, term, this.live(snapshot))));
  }

  private vocabulary(snapshot: Snapshot): Map<string, number> {
    return (snapshot.vocabulary ??= snapshot.file.vocabulary());
  }

  private corrections(snapshot: Snapshot, word: string): readonly string[] {
    const memo = (snapshot.corrections ??= new LruCache(CORRECTIONS_CACHE_SIZE));
    let found = memo.get(word);
    if (!found) {
      const vocabulary = this.vocabulary(snapshot);
      found = corrections(
        word,
        (candidate) => vocabulary.get(candidate) ?? 0,
        this.options.typos ?? DEFAULT_TYPO_OPTIONS,
        (term) => this.wordsStartingWith(snapshot, term[0]!),
      );
      memo.set(word, found);
    }
    return found;
  }

  /** How often the index holds words and phrases, for reading other spellings of a query's words. */
  private spellingVocabulary(snapshot: Snapshot): SpellingVocabulary {
    const vocabulary = this.vocabulary(snapshot);
    const postings = this.postings(snapshot);
    // The rarest pair bounds the phrase: only words the vocabulary holds are looked up.
    const documents = (field: Field, words: readonly string[]) => (words.every((word) => vocabulary.has(word)) ? Math.min(...adjacentPairs(words).map((pair) => postings.get(field, pair).length)) : 0);
    return {
      wordDocuments: (word) => vocabulary.get(word) ?? 0,
      phraseDocuments: (words) => documents(Field.pairs, words),
      compoundDocuments: (words) => documents(Field.compounds, words),
      correctionDocuments: (word) => vocabulary.get(this.corrections(snapshot, word)[0] ?? '') ?? 0,
    };
  }

  /** Documents matching any clause: per clause, every term (any of its alternatives) in its field. */
  private evaluate(postings: PostingsCache, disjunction: Disjunction, clauses: Map<string, Postings>): Postings {
    return unionAll(
      disjunction.map((clause) => {
        // The tiers of one query repeat clauses (a reading's words in a field): each is computed once.
        const key = clauseKey(clause);
        let rowids = clauses.get(key);
        if (!rowids) {
          rowids = intersectAll([
            ...clause.terms.map((alternatives) => unionAll(alternatives.map((term) => postings.get(clause.field, term)))),
            ...(clause.also ?? []).map((also) => this.evaluate(postings, [also], clauses)),
          ]);
          clauses.set(key, rowids);
        }
        return rowids;
      }),
    );
  }

  /**
   * Within a tier, documents holding more of the query's adjacent word pairs come first, then
   * those with more of its words in the title, rarer words counting more (an idf weight). A
   * diacritized word counts in the title in its exact form; where the title holds only its twins
   * (the same folded word), it counts against the document as much.
   */
  private withinTierScores(snapshot: Snapshot, plan: QueryPlan, scores: Float64Array): Float64Array {
    const postings = this.postings(snapshot);
    scores.fill(0);
    for (const pair of plan.pairs) for (const rowid of postings.get(Field.pairs, pair)) scores[rowid]! += PAIR_SCORE;
    const documents = this.facetIndex(snapshot).size;
    for (const { term, folded } of plan.titleTerms) {
      const weight = Math.log(1 + documents / Math.max(1, postings.get(folded === null ? Field.words : Field.exact, term).length));
      if (folded === null) {
        for (const rowid of postings.get(Field.title, term)) scores[rowid]! += weight;
        continue;
      }
      // Exact: +weight; twins only: -weight; both: +weight.
      for (const rowid of postings.get(Field.titleExact, term)) scores[rowid]! += 2 * weight;
      for (const rowid of postings.get(Field.title, folded)) scores[rowid]! -= weight;
    }
    return scores;
  }

  /** Every matching document, the tier of each, and a way to order any tier group. */
  private matches(snapshot: Snapshot, plan: QueryPlan): { rowids: Postings; tiers: Uint8Array; orderGroup: (rowids: number[], count: number) => number[] } {
    const postings = this.postings(snapshot);
    const maxRowid = snapshot.file.maxRowid();
    if (snapshot.scratch?.tiers.length !== maxRowid + 1) snapshot.scratch = { tiers: new Uint8Array(maxRowid + 1), scores: new Float64Array(maxRowid + 1) };
    const scratch = snapshot.scratch;
    const clauses = new Map<string, Postings>();
    const tiers = tierValues(
      plan.tiers.map((tier) => ({ weight: tier.weight, rowids: this.evaluate(postings, tier.match, clauses) })),
      scratch.tiers,
    );
    let scores: Float64Array | undefined;
    const { tieOrder } = this.facetIndex(snapshot);
    const orderGroup = (rowids: number[], count: number) => {
      const score = (scores ??= this.withinTierScores(snapshot, plan, scratch.scores));
      return firstInOrder(rowids, count, (a, b) => score[b]! - score[a]! || tieOrder[a]! - tieOrder[b]!);
    };
    const matching = this.evaluate(postings, plan.match, clauses);
    return { rowids: plan.exclude.length > 0 ? subtract(matching, this.evaluate(postings, plan.exclude, clauses)) : matching, tiers, orderGroup };
  }

  /** Newest first (or oldest), undated last, ties broken by tier then by id. */
  private byDate(rowids: ArrayLike<number>, facets: FacetIndex, tiers: Uint8Array | null, direction: 1 | -1): number[] {
    return Array.from(rowids).sort((a, b) => {
      const [dateA, dateB] = [facets.date(a) ?? '', facets.date(b) ?? ''];
      if (dateA !== dateB) return !dateA ? 1 : !dateB ? -1 : direction * dateA.localeCompare(dateB);
      return (tiers ? tiers[b]! - tiers[a]! : 0) || facets.tieOrder[a]! - facets.tieOrder[b]!;
    });
  }

  /** The hits of a page, and their titles and bodies for reading the query (`interpretation.ts`). */
  private hits(snapshot: Snapshot, page: number[], query: AnalyzedQuery): { hits: SearchHit[]; texts: string[] } {
    const cache = (snapshot.pageDocuments ??= new LruCache(PAGE_DOCUMENT_CACHE_BYTES));
    const documents = new Map(page.map((rowid) => [rowid, cache.get(rowid)]));
    for (const [rowid, { body, ...listed }] of snapshot.file.hitsByRowid(page.filter((rowid) => !documents.get(rowid)))) {
      const document = { listed, body: locateText(body) };
      cache.set(rowid, document, document.body.bytes);
      documents.set(rowid, document);
    }
    const hits: SearchHit[] = [];
    const texts: string[] = [];
    for (const rowid of page) {
      const document = documents.get(rowid);
      if (!document) continue;
      const { snippet, titleHtml } = highlightDocument(document.listed.title, document.body, query);
      hits.push({ ...document.listed, snippet, title_html: titleHtml });
      texts.push(document.listed.title, document.body.slice(0, document.body.located.length));
    }
    return { hits, texts };
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.guard(() => this.searchNow(request));
  }

  private searchNow(request: SearchRequest): SearchResponse {
    const snapshot = this.reading();
    const answers = (snapshot.answers ??= new LruCache(ANSWER_CACHE_SIZE));
    const key = JSON.stringify(request);
    const cached = answers.get(key);
    if (cached) return cached;
    // Frozen, so that a caller can share a cached answer but never change it for the next one.
    const response = deepFreeze(snapshot.file.read(() => this.run(request, true)));
    answers.set(key, response);
    return response;
  }

  private run(request: SearchRequest, suggestCorrection: boolean): SearchResponse {
    const snapshot = this.open();
    const analyzed = analyzeQuery(request.q, this.options.synonyms, this.spellingVocabulary(snapshot));
    const query = request.verbatim ? asTyped(analyzed) : analyzed;
    const plan = planQuery(query, (word) => (request.verbatim ? [] : this.corrections(snapshot, word)));
    const facetIndex = this.facetIndex(snapshot);
    const found = plan ? this.matches(snapshot, plan) : null;
    const { kept, facets } = facetIndex.filterAndCount(found?.rowids ?? facetIndex.rowids(), request.filters);
    const { offset, limit } = request;
    const page =
      found && request.sort === 'relevance'
        ? relevancePage(kept, found.tiers, offset, limit, found.orderGroup)
        : this.byDate(kept, facetIndex, found?.tiers ?? null, request.sort === 'date_asc' ? 1 : -1).slice(offset, offset + limit);
    const { hits, texts } = this.hits(snapshot, page, query);
    const response: SearchResponse = { total: kept.length, hits, facets };
    const interpretation = request.verbatim ? null : interpretQuery(query, texts, plan?.mistyped);
    if (interpretation) {
      response.interpreted = interpretation.text;
      if (interpretation.changed) response.didYouMean = interpretation.text;
    }
    if (suggestCorrection && !request.verbatim && kept.length === 0 && plan?.correctedText) {
      const corrected = this.run({ ...request, q: plan.correctedText, offset: 0, limit: 1 }, false);
      if (corrected.total > 0) response.didYouMean = plan.correctedText;
    }
    return response;
  }

  /** The index words that start with `prefix`, in alphabetical order (a binary search in the sorted vocabulary). */
  private wordsStartingWith(snapshot: Snapshot, prefix: string): string[] {
    const words = (snapshot.sortedWords ??= [...this.vocabulary(snapshot).keys()].sort());
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    let end = low;
    while (end < words.length && words[end]!.startsWith(prefix)) end++;
    return words.slice(low, end);
  }

  /** The index words that start with `prefix`, those in the most documents first. */
  private completions(snapshot: Snapshot, prefix: string): string[] {
    const vocabulary = this.vocabulary(snapshot);
    return this.wordsStartingWith(snapshot, prefix)
      .sort((a, b) => vocabulary.get(b)! - vocabulary.get(a)!)
      .slice(0, COMPLETIONS_PER_PREFIX);
  }

  /**
   * Phrases of titles that complete the typed words (`completion.ts`), with how many documents
   * hold each: the titles come from the postings in memory (the vocabulary is sorted in memory, so
   * a one-letter prefix costs a binary search), the counts from the exact word pairs.
   */
  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    const snapshot = this.guard(() => this.reading());
    return suggestFromTitles(
      prefix,
      limit,
      async (readings) => this.guard(() => this.suggestionTitles(snapshot, readings)),
      async (phrases) => this.guard(() => phrases.map((phrase) => this.phraseCount(snapshot, phrase))),
    );
  }

  /** The newest titles (ties by id) holding a reading's words, the last one as a prefix. */
  private suggestionTitles(snapshot: Snapshot, readings: readonly PrefixReading[]): string[] {
    const postings = this.postings(snapshot);
    const titled = (words: readonly string[]) => unionAll(words.map((word) => postings.get(Field.title, word)));
    const matching = unionAll(
      readings.map(({ words, exact, typos }) =>
        intersectAll([
          ...words.map((word, i) => {
            const alternatives = i === words.length - 1 ? this.completions(snapshot, word) : [word];
            return titled(typos ? [...alternatives, ...this.corrections(snapshot, word)] : alternatives);
          }),
          // A decoded word in its exact form, in the document: `ddangr` finds titles of `Đảng`, not the many of `đang`.
          ...exact.flatMap((key) => (key === null ? [] : [postings.get(Field.exact, key)])),
        ]),
      ),
    );
    const { tieOrder } = this.facetIndex(snapshot);
    const newest = firstInOrder(Array.from(matching), SUGGESTION_TITLES, (a, b) => tieOrder[a]! - tieOrder[b]!);
    return snapshot.file.titlesByRowid(newest);
  }

  /** Documents holding the phrase's words in its spelling, next to each other (every adjacent pair of them). */
  private phraseCount(snapshot: Snapshot, phrase: string): number {
    const postings = this.postings(snapshot);
    const keys = tokenize(phrase).map((token) => termForms(token.text).exact);
    if (keys.length === 1) return postings.get(Field.exact, keys[0]!).length;
    return intersectAll(adjacentPairs(keys).map((pair) => postings.get(Field.pairs, pair))).length;
  }

  async getDocument(id: string): Promise<SearchDocument | null> {
    return this.guard(() => this.reading().file.getDocument(id));
  }

  async facets(): Promise<FacetCounts> {
    return this.guard(() => {
      const facetIndex = this.facetIndex(this.reading());
      return facetIndex.filterAndCount(facetIndex.rowids(), {}).facets;
    });
  }

  async stats(): Promise<IndexStats> {
    return this.guard(() => {
      const { file } = this.reading();
      const sizeBytes = ['', '-wal'].reduce((sum, suffix) => sum + (statSync(`${file.path}${suffix}`, { throwIfNoEntry: false })?.size ?? 0), 0);
      return { documents: file.count(), sizeBytes };
    });
  }

  /**
   * Ready means warm too: a load balancer sends traffic only once the common postings are in
   * memory. A file damaged after it was opened is found by the warm-up or by the count.
   */
  async ping(): Promise<void> {
    await this.guard(() => this.reading()).warming;
    this.guard(() => this.reading().file.count());
  }

  async close(): Promise<void> {
    const file = this.snapshot?.file;
    this.snapshot = null;
    if (file) this.guard(() => file.close());
  }
}

/** One string per clause, for the cache of clauses computed within a search. */
function clauseKey(clause: Clause): string {
  const own = `${clause.field}:${clause.terms.map((alternatives) => alternatives.join('|')).join(' ')}`;
  return clause.also ? `${own}&${clause.also.map(clauseKey).join('&')}` : own;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
