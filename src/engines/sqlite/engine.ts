import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SearchDocument } from '../../types/document.ts';
import type { FacetCounts, IndexStats, SearchRequest, SearchResponse, Suggestion } from '../../types/search.ts';
import type { IndexWriter } from '../../indexing/index-target.ts';
import type { SearchEngine } from '../engine.ts';
import type { PreparedDocument } from '../../analysis/fields.ts';
import { EngineUnavailableError, IndexDamagedError } from '../../errors.ts';
import type { SynonymMap } from '../../search/query.ts';
import { suggestFromTitles } from '../../search/completion.ts';
import { foldText } from '../../vietnamese/index.ts';
import { Generations } from './generations.ts';
import { IndexFile, type IndexWriteOptions } from './index-file.ts';
import { IndexView } from './index-view.ts';
import { IndexWords } from './index-words.ts';
import { sqliteFailure } from './failures.ts';
import { type Reader, search } from './searcher.ts';
import { phraseCount, suggestionTitles } from './suggestions.ts';
import { DEFAULT_TYPO_OPTIONS, type TypoOptions } from './typos.ts';
import { Field } from './index-terms.ts';

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

/** The open index file: the view of its current data version, and what is kept across versions. */
interface OpenIndex {
  file: IndexFile;
  view: IndexView;
  words: IndexWords;
  warming?: Promise<void>;
}

const WARM_UP_QUERY_WORDS = 4;

/**
 * The embedded engine: one SQLite file in the data directory (through better-sqlite3) holding the
 * documents and an inverted index of our own (`index-file.ts`); queries are planned into tiers
 * (`plan.ts`) and answered by intersecting postings in memory (`searcher.ts`). This class keeps
 * the file open: generations, the view of its current data version (`index-view.ts`) and its
 * words (`index-words.ts`), warm-up, and errors turned into ones a user can act on.
 */
export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private readonly generations: Generations;
  private opened: OpenIndex | null = null;
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
        this.opened?.file.closeWithoutWriting();
        this.opened = null;
      }
      throw failure;
    }
  }

  /** The live index, with this engine's own buffered writes flushed, for reading. */
  private reading(): OpenIndex {
    const opened = this.open();
    if (opened.file.hasPendingWrites) {
      opened.file.flush();
      this.forget();
    }
    return opened;
  }

  /** The live index file, reopened when a rebuild replaced it; throws when there is none. */
  private open(): OpenIndex {
    const now = Date.now();
    if (this.opened && now - this.checkedAt < (this.options.generationCheckMs ?? 1000)) return this.refreshed(this.opened);
    this.checkedAt = now;
    const path = this.generations.current();
    if (!path) throw new EngineUnavailableError(`No index in ${this.options.dataDir}: run \`vnsearch index\` first.`);
    if (this.opened?.file.path !== path) {
      this.opened?.file.close();
      try {
        const file = new IndexFile(path, { create: false, ...this.options.write });
        this.opened = { file, view: new IndexView(file, file.dataVersion()), words: this.words(file) };
        if (this.options.warmTerms || this.options.warmUpSearches) this.opened.warming = this.warm(this.opened);
      } catch (error) {
        this.opened = null;
        const failure = sqliteFailure(error, this.options.dataDir);
        throw failure instanceof EngineUnavailableError ? failure : new EngineUnavailableError(`Cannot open the index ${path}: ${(error as Error).message}`, { cause: error });
      }
    }
    return this.refreshed(this.opened);
  }

  private words(file: IndexFile): IndexWords {
    return new IndexWords(file, this.options.typos ?? DEFAULT_TYPO_OPTIONS);
  }

  /** What a search of `opened` reads now. */
  private reader(opened: OpenIndex): Reader {
    return { view: opened.view, words: opened.words, synonyms: this.options.synonyms };
  }

  /**
   * Fetches the commonest words' postings, then runs the warm-up searches, one step per event-loop
   * turn, so that searches meanwhile wait for one step at most.
   */
  private warm(opened: OpenIndex): Promise<void> {
    const steps: (() => void)[] = [
      ...opened.file.vocabulary.common(this.options.warmTerms ?? 0).map((term) => () => void opened.view.postings.get(Field.words, term)),
      ...this.warmUpQueries(opened.view).map((q) => () => {
        const current = this.open();
        void current.file.read(() => search(this.reader(current), { q, filters: {}, sort: 'relevance', limit: 10, offset: 0 }, true));
      }),
    ];
    return new Promise((resolve) => {
      const next = () => {
        const step = steps.shift();
        if (step === undefined || this.opened !== opened) {
          // Warm-up is for the code: searches after it find no words or documents of its own ready.
          opened.words.forgetCorrections();
          opened.view.forgetPageDocuments();
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
  private warmUpQueries(view: IndexView): string[] {
    const count = this.options.warmUpSearches ?? 0;
    const rowids = view.facets.rowids();
    if (count === 0 || rowids.length === 0) return [];
    const picked = Array.from({ length: Math.min(count, rowids.length) }, (_, i) => rowids[Math.floor((i * rowids.length) / Math.min(count, rowids.length))]!);
    return view.file.documents.titlesByRowid(picked).map((title, i) => {
      const words = title.split(/\s+/).slice(0, WARM_UP_QUERY_WORDS).join(' ');
      return i % 2 === 0 ? words : foldText(words);
    });
  }

  /**
   * A new view when another process (an indexer) committed since the current one was built. The
   * words are kept and reloaded in steps between searches (`index-words.ts`), and the facet
   * entries handed on (`index-view.ts`).
   */
  private refreshed(opened: OpenIndex): OpenIndex {
    const version = opened.file.dataVersion();
    if (version !== opened.view.dataVersion) {
      opened.view = opened.view.next(version);
      const { words } = opened;
      words.reload(() => this.opened === opened && opened.words === words);
    }
    return opened;
  }

  /** After this engine's own writes: everything read before them is dropped, the words included. */
  private forget(): void {
    const opened = this.opened;
    if (!opened) return;
    opened.view = new IndexView(opened.file, opened.view.dataVersion);
    opened.words = this.words(opened.file);
  }

  private writableFile(): IndexFile {
    return this.open().file;
  }

  async upsert(documents: readonly PreparedDocument[]): Promise<void> {
    this.guard(() => this.writableFile().upsert(documents));
    this.forget();
  }

  async delete(ids: string[]): Promise<void> {
    this.guard(() => this.writableFile().delete(ids));
    this.forget();
  }

  async commit(): Promise<void> {
    this.guard(() => this.writableFile().commit());
    this.forget();
  }

  /** Every document the live index holds, with the content hash it was written from; empty when there is no index of this format. */
  async storedHashes(): Promise<Map<string, string>> {
    return this.guard(() => {
      const current = this.generations.current();
      if (!current || !existsSync(current) || !IndexFile.hasCurrentFormat(current)) return new Map();
      return this.reading().file.documents.storedHashes();
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
    this.opened?.file.close();
    this.opened = null;
    if (previous) Generations.remove(previous);
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.guard(() => {
      const opened = this.reading();
      const answers = opened.view.answers(opened.words.revision);
      const key = JSON.stringify(request);
      const cached = answers.get(key);
      if (cached) return cached;
      // Frozen, so that a caller can share a cached answer but never change it for the next one.
      const response = deepFreeze(opened.file.read(() => search(this.reader(opened), request, true)));
      answers.set(key, response);
      return response;
    });
  }

  /**
   * Phrases of titles that complete the typed words (`completion.ts`), with how many documents
   * hold each: the titles from the postings in memory, the counts from the exact word pairs
   * (`suggestions.ts`).
   */
  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    const opened = this.guard(() => this.reading());
    return suggestFromTitles(
      prefix,
      limit,
      async (readings) => this.guard(() => suggestionTitles(opened.view, opened.words, readings)),
      async (phrases) => this.guard(() => phrases.map((phrase) => phraseCount(opened.view, phrase))),
    );
  }

  async getDocument(id: string): Promise<SearchDocument | null> {
    return this.guard(() => this.reading().file.documents.getDocument(id));
  }

  async facets(): Promise<FacetCounts> {
    return this.guard(() => {
      const facetIndex = this.reading().view.facets;
      return facetIndex.filterAndCount(facetIndex.rowids(), {}).facets;
    });
  }

  async stats(): Promise<IndexStats> {
    return this.guard(() => {
      const { file } = this.reading();
      const sizeBytes = ['', '-wal'].reduce((sum, suffix) => sum + (statSync(`${file.path}${suffix}`, { throwIfNoEntry: false })?.size ?? 0), 0);
      return { documents: file.documents.count(), sizeBytes };
    });
  }

  /**
   * Ready means warm too: a load balancer sends traffic only once the common postings are in
   * memory. A file damaged after it was opened is found by the warm-up or by the count.
   */
  async ping(): Promise<void> {
    await this.guard(() => this.reading()).warming;
    this.guard(() => this.reading().file.documents.count());
  }

  async close(): Promise<void> {
    const file = this.opened?.file;
    this.opened = null;
    if (file) this.guard(() => file.close());
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
