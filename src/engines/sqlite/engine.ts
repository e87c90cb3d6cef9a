import { statSync } from 'node:fs';
import type { SearchDocument } from '../../types/document.ts';
import type { FacetCounts, IndexStats, SearchHit, SearchRequest, SearchResponse, Suggestion } from '../../types/search.ts';
import type { IndexWriter, SearchEngine } from '../engine.ts';
import { EngineUnavailableError } from '../../errors.ts';
import { analyzeQuery, type AnalyzedQuery, type SynonymMap } from '../../search/query.ts';
import { buildSnippet } from '../../search/highlight.ts';
import { foldText, tokenize } from '../../vietnamese/index.ts';
import { filterAndCount, type FacetEntry } from './facets.ts';
import { Generations } from './generations.ts';
import { IndexFile } from './index-file.ts';
import { planQuery, type QueryPlan } from './plan.ts';
import { DEFAULT_TYPO_OPTIONS, type TypoOptions } from './typos.ts';
import { prefixPhraseExpression } from './match.ts';

export interface SqliteEngineOptions {
  /** Directory holding the index files; created by `configure`. */
  dataDir: string;
  synonyms?: SynonymMap;
  typos?: TypoOptions;
  /** How long a search may see a replaced index before it looks for the new one, in ms. */
  generationCheckMs?: number;
}

interface Candidate {
  rowid: number;
  tier: number;
  score: number;
}

/** Caches that hold for one data version of one index file. */
interface Snapshot {
  file: IndexFile;
  dataVersion: number;
  facetEntries?: Map<number, FacetEntry>;
  vocabulary?: Map<string, number>;
}

const SNIPPET_CHARS = 240;
const SUGGESTION_TITLES = 50;

/** The embedded engine: SQLite FTS5 in one file of the data directory, through better-sqlite3. */
export class SqliteEngine implements SearchEngine {
  readonly name = 'sqlite' as const;
  private readonly generations: Generations;
  private snapshot: Snapshot | null = null;
  private checkedAt = 0;

  constructor(private readonly options: SqliteEngineOptions) {
    this.generations = new Generations(options.dataDir);
  }

  async configure(): Promise<void> {
    if (this.generations.current()) return;
    const path = this.generations.next();
    new IndexFile(path, { create: true }).close();
    this.generations.promote(path);
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
        const file = new IndexFile(path, { create: false });
        this.snapshot = { file, dataVersion: file.dataVersion() };
      } catch (error) {
        this.snapshot = null;
        throw new EngineUnavailableError(`Cannot open the index ${path}: ${(error as Error).message}`, { cause: error });
      }
    }
    return this.refreshed(this.snapshot);
  }

  /** Drops caches when another process (an indexer) committed since they were built. */
  private refreshed(snapshot: Snapshot): Snapshot {
    const version = snapshot.file.dataVersion();
    if (version !== snapshot.dataVersion) {
      snapshot.dataVersion = version;
      delete snapshot.facetEntries;
      delete snapshot.vocabulary;
    }
    return snapshot;
  }

  private facetEntries(snapshot: Snapshot): Map<number, FacetEntry> {
    return (snapshot.facetEntries ??= snapshot.file.facetEntries());
  }

  private vocabulary(snapshot: Snapshot): Map<string, number> {
    return (snapshot.vocabulary ??= snapshot.file.vocabulary());
  }

  private invalidate(): void {
    if (!this.snapshot) return;
    delete this.snapshot.facetEntries;
    delete this.snapshot.vocabulary;
  }

  private writableFile(): IndexFile {
    return this.open().file;
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    this.writableFile().upsert(documents);
    this.invalidate();
  }

  async delete(ids: string[]): Promise<void> {
    this.writableFile().delete(ids);
    this.invalidate();
  }

  async rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void> {
    const path = this.generations.next();
    const file = new IndexFile(path, { create: true });
    try {
      await fill({ upsert: async (documents) => file.upsert(documents), delete: async (ids) => file.delete(ids) });
      file.close();
    } catch (error) {
      file.db.close();
      Generations.remove(path);
      throw error;
    }
    const previous = this.generations.current();
    this.generations.promote(path);
    this.snapshot?.file.close();
    this.snapshot = null;
    if (previous) Generations.remove(previous);
  }

  private candidates(snapshot: Snapshot, plan: QueryPlan): Candidate[] {
    const { file } = snapshot;
    const tiers = plan.tiers.map((tier) => ({ weight: tier.weight, rowids: file.matchRowids(tier.expression) }));
    return file.match(plan.match).map(({ rowid, score }) => ({
      rowid,
      score,
      tier: tiers.reduce((sum, tier) => (tier.rowids.has(rowid) ? sum + tier.weight : sum), 0),
    }));
  }

  private allCandidates(snapshot: Snapshot): Candidate[] {
    return [...this.facetEntries(snapshot).keys()].map((rowid) => ({ rowid, tier: 0, score: 0 }));
  }

  private sorted(candidates: Candidate[], entries: Map<number, FacetEntry>, request: SearchRequest, browsing: boolean): Candidate[] {
    const dateOf = (candidate: Candidate) => entries.get(candidate.rowid)?.date ?? '';
    const byRelevance = (a: Candidate, b: Candidate) => b.tier - a.tier || a.score - b.score || a.rowid - b.rowid;
    const byDate = (direction: 1 | -1) => (a: Candidate, b: Candidate) => {
      const [dateA, dateB] = [dateOf(a), dateOf(b)];
      if (dateA !== dateB) return !dateA ? 1 : !dateB ? -1 : direction * dateA.localeCompare(dateB);
      return byRelevance(a, b);
    };
    const order = request.sort === 'date_asc' ? byDate(1) : request.sort === 'date_desc' || browsing ? byDate(-1) : byRelevance;
    return candidates.sort(order);
  }

  private hits(snapshot: Snapshot, page: Candidate[], query: AnalyzedQuery): SearchHit[] {
    const documents = snapshot.file.documentsByRowid(page.map((candidate) => candidate.rowid));
    return page.flatMap(({ rowid }) => {
      const document = documents.get(rowid);
      if (!document) return [];
      const { body, date_source: _dateSource, ...listed } = document;
      return [{ ...listed, snippet: buildSnippet(body, query, SNIPPET_CHARS) }];
    });
  }

  async search(request: SearchRequest): Promise<SearchResponse> {
    return this.run(request, true);
  }

  private run(request: SearchRequest, suggestCorrection: boolean): SearchResponse {
    const snapshot = this.open();
    const query = analyzeQuery(request.q, this.options.synonyms);
    const vocabulary = this.vocabulary(snapshot);
    const plan = planQuery(query, (word) => vocabulary.get(word) ?? 0, this.options.typos ?? DEFAULT_TYPO_OPTIONS);
    const browsing = plan === null;
    const entries = this.facetEntries(snapshot);
    const { kept, facets } = filterAndCount(browsing ? this.allCandidates(snapshot) : this.candidates(snapshot, plan), (candidate) => entries.get(candidate.rowid), request.filters);
    const page = this.sorted(kept, entries, request, browsing).slice(request.offset, request.offset + request.limit);
    const response: SearchResponse = { total: kept.length, hits: this.hits(snapshot, page, query), facets };
    if (suggestCorrection && kept.length === 0 && plan?.correctedText) {
      const corrected = this.run({ ...request, q: plan.correctedText, offset: 0, limit: 1 }, false);
      if (corrected.total > 0) response.didYouMean = plan.correctedText;
    }
    return response;
  }

  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    const words = tokenize(prefix).map((token) => foldText(token.text));
    if (words.length === 0) return [];
    const snapshot = this.open();
    const counts = new Map<string, Suggestion>();
    for (const title of snapshot.file.titles(prefixPhraseExpression(['title_folded'], words), SUGGESTION_TITLES)) {
      const completion = completionIn(title, words);
      if (!completion) continue;
      const key = foldText(completion);
      const known = counts.get(key);
      if (known) known.count++;
      else counts.set(key, { text: completion, count: 1 });
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.text.length - b.text.length).slice(0, limit);
  }

  async getDocument(id: string): Promise<SearchDocument | null> {
    return this.open().file.getDocument(id);
  }

  async facets(): Promise<FacetCounts> {
    const snapshot = this.open();
    return filterAndCount([...this.facetEntries(snapshot).values()], (entry) => entry, {}).facets;
  }

  async stats(): Promise<IndexStats> {
    const { file } = this.open();
    const sizeBytes = ['', '-wal'].reduce((sum, suffix) => sum + (statSync(`${file.path}${suffix}`, { throwIfNoEntry: false })?.size ?? 0), 0);
    return { documents: file.count(), sizeBytes };
  }

  async ping(): Promise<void> {
    this.open();
  }

  async close(): Promise<void> {
    this.snapshot?.file.close();
    this.snapshot = null;
  }
}

/**
 * The words of `title` from where the typed words start to one word past the completed last
 * word, in the title's own spelling: typing `dang cong s` in a title about `Đảng Cộng sản Chile`
 * suggests `Đảng Cộng sản Chile`.
 */
export function completionIn(title: string, typedWords: readonly string[]): string | null {
  const tokens = tokenize(title);
  const folded = tokens.map((token) => foldText(token.text));
  const last = typedWords.length - 1;
  for (let start = 0; start + typedWords.length <= tokens.length; start++) {
    const matches = typedWords.every((word, i) => (i === last ? folded[start + i]!.startsWith(word) : folded[start + i] === word));
    if (!matches) continue;
    const end = Math.min(tokens.length, start + typedWords.length + 1);
    return title.slice(tokens[start]!.start, tokens[end - 1]!.end);
  }
  return null;
}
