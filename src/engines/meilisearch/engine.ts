import { setTimeout as sleep } from 'node:timers/promises';
import { Meilisearch, MeilisearchApiError, type EnqueuedTask, type Task, type FederatedMultiSearchParams, type SearchResponse } from 'meilisearch';
import type { FacetName, SearchDocument } from '../../types/document.ts';
import type { FacetCounts, IndexStats, SearchHit, SearchRequest, SearchResponse as ApiSearchResponse, Suggestion } from '../../types/search.ts';
import type { IndexWriter } from '../../indexing/index-target.ts';
import type { SearchEngine } from '../engine.ts';
import type { PreparedDocument } from '../../analysis/fields.ts';
import { EngineError, EngineUnavailableError } from '../../errors.ts';
import { analyzeQuery, type AnalyzedQuery, type SynonymMap } from '../../search/query.ts';
import { highlightDocument } from '../../search/highlight.ts';
import { suggestFromTitles, type PrefixReading } from '../../search/completion.ts';
import { termForms } from '../../analysis/fields.ts';
import { tokenize } from '../../vietnamese/index.ts';
import { asTyped, interpretQuery, scanText } from '../../search/interpretation.ts';
import { phraseLexicon, type SpellingVocabulary } from '../../search/spellings.ts';
import { synonymKey } from '../../search/synonyms.ts';
import { lexiconWords } from '../../vietnamese/index.ts';
import { documentKey, fromMeiliDocument, toMeiliDocument } from './documents.ts';
import { apiErrorCode, DEFAULT_RETRY, ensureSucceeded, toEngineFailure, withRetries, type RetryOptions } from './failures.ts';
import { quoteFilterValue } from './filters.ts';
import { adjacentPairs } from '../../analysis/tokens.ts';
import { buildSearchPlan } from './queries.ts';
import { buildIndexSettings, DOCUMENT_FIELDS, EXACT_TERMS_ATTRIBUTE, FACET_ATTRIBUTES, PRIMARY_KEY } from './settings.ts';

export interface MeilisearchEngineOptions {
  url: string;
  /** Admin (or master) key: indexing, settings, swaps. */
  apiKey?: string;
  /** Search-only key: every read when given, so the API process needs no admin key. */
  searchKey?: string;
  indexUid?: string;
  /** Bound on each read (search, suggest, health), in ms. */
  timeoutMs?: number;
  synonyms?: SynonymMap;
  /** Documents per upload request. */
  batchSize?: number;
  retry?: RetryOptions;
}

const DEFAULT_INDEX_UID = 'documents';
const DEFAULT_TIMEOUT_MS = 5_000;
const DEFAULT_BATCH_SIZE = 500;
/** Uploading a batch of long articles over a slow link can take a while; reads have their own bound. */
const WRITE_REQUEST_TIMEOUT_MS = 120_000;
/** Indexing tens of thousands of articles on two cores takes minutes, not hours. */
const TASK_TIMEOUT_MS = 30 * 60_000;
/** First pause between two looks at a task, doubled up to the second one: short writes finish fast, long ones are not polled in a tight loop. */
const TASK_POLL_MS = 50;
const MAX_TASK_POLL_MS = 1000;
const DELETE_BATCH_SIZE = 1_000;
const STORED_HASHES_PAGE = 10_000;
const SUGGESTION_TITLES = 50;
/**
 * Asks Meilisearch for uncompressed answers. Its compressed answers are sent chunked, and the
 * last chunk waits for the client's delayed ACK (Nagle's algorithm on Meilisearch's socket):
 * about 40 ms added to almost every search, while between our process and Meilisearch (loopback
 * or a private network) compression saves nothing worth that.
 */
const UNCOMPRESSED: RequestInit = { headers: { 'Accept-Encoding': 'identity' } };
const FACET_NAME_OF = new Map(Object.entries(FACET_ATTRIBUTES).map(([facet, attribute]) => [attribute, facet as FacetName]));

/** Meilisearch through its official client; the requests themselves are built in this folder's pure modules. */
export class MeilisearchEngine implements SearchEngine {
  readonly name = 'meilisearch' as const;
  readonly indexUid: string;
  private readonly admin: Meilisearch;
  private readonly reader: Meilisearch;
  private readonly synonyms: SynonymMap;
  /** Meilisearch cannot be asked how often it holds a word: names and words of the lexicon stand in for its vocabulary. */
  private readonly spellings: SpellingVocabulary;
  private readonly batchSize: number;
  private readonly retry: RetryOptions;
  private readonly liveWriter: IndexWriter;

  constructor(options: MeilisearchEngineOptions) {
    this.indexUid = options.indexUid ?? DEFAULT_INDEX_UID;
    this.synonyms = options.synonyms ?? new Map();
    this.spellings = knownPhrases(this.synonyms);
    this.batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.admin = new Meilisearch({
      host: options.url,
      ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
      timeout: WRITE_REQUEST_TIMEOUT_MS,
      requestInit: UNCOMPRESSED,
    });
    const readKey = options.searchKey ?? options.apiKey;
    this.reader = new Meilisearch({
      host: options.url,
      ...(readKey === undefined ? {} : { apiKey: readKey }),
      timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      requestInit: UNCOMPRESSED,
    });
    this.liveWriter = this.writerFor(this.indexUid);
  }

  async configure(): Promise<void> {
    await this.ensureIndex(this.indexUid);
    await this.applySettings(this.indexUid);
  }

  async upsert(documents: readonly PreparedDocument[]): Promise<void> {
    await this.liveWriter.upsert(documents);
  }

  async delete(ids: string[]): Promise<void> {
    await this.liveWriter.delete(ids);
  }

  /** Waits until Meilisearch has processed every write enqueued so far. */
  async commit(): Promise<void> {
    await this.liveWriter.commit();
  }

  /** Every document's id and content hash, paged through the documents route; empty when the index does not exist. */
  async storedHashes(): Promise<Map<string, string>> {
    const hashes = new Map<string, string>();
    try {
      for (let offset = 0; ; offset += STORED_HASHES_PAGE) {
        const page = await this.write(`listing the documents of ${this.indexUid}`, () =>
          this.admin.index(this.indexUid).getDocuments<{ id: string; content_hash?: string }>({ fields: ['id', 'content_hash'], limit: STORED_HASHES_PAGE, offset }),
        );
        for (const { id, content_hash } of page.results) hashes.set(String(id), content_hash ?? '');
        if (page.results.length < STORED_HASHES_PAGE) return hashes;
      }
    } catch (error) {
      if (apiErrorCode(error) === 'index_not_found') return new Map();
      throw error;
    }
  }

  async rebuild(fill: (writer: IndexWriter) => Promise<void>): Promise<void> {
    const buildUid = `${this.indexUid}_build_${Date.now()}`;
    // swapIndexes needs both indexes to exist.
    await this.ensureIndex(this.indexUid);
    try {
      await this.ensureIndex(buildUid);
      await this.applySettings(buildUid);
      const writer = this.writerFor(buildUid);
      await fill(writer);
      // A batch Meilisearch refused must fail the rebuild before the swap, not after.
      await writer.commit();
      await this.swap(buildUid);
    } catch (error) {
      await this.deleteIndex(buildUid).catch(() => undefined);
      throw error;
    }
    try {
      await this.deleteIndex(buildUid);
    } catch (error) {
      throw new EngineError(`The rebuilt index is live, but the previous one (now ${buildUid}) could not be deleted: ${(error as Error).message}`, { cause: error });
    }
  }

  async search(request: SearchRequest): Promise<ApiSearchResponse> {
    const analyzed = analyzeQuery(request.q, this.synonyms, this.spellings);
    const query = request.verbatim ? asTyped(analyzed) : analyzed;
    const plan = buildSearchPlan(this.indexUid, request, query);
    const [found, ...counted] = await Promise.all([plan.hits, ...plan.facetCounts.map(({ request: count }) => count)].map((body) => this.federated(body)));
    const facets: FacetCounts = { party: {}, country: {}, year: {} };
    for (const response of [found!, ...counted]) {
      for (const [attribute, counts] of Object.entries(response.facetsByIndex?.[this.indexUid]?.distribution ?? {})) {
        const facet = FACET_NAME_OF.get(attribute);
        if (facet) facets[facet] = counts;
      }
    }
    const documents = found!.hits.map((hit) => fromMeiliDocument(hit));
    const response: ApiSearchResponse = {
      total: found!.estimatedTotalHits ?? found!.totalHits ?? found!.hits.length,
      hits: documents.map((document) => toSearchHit(document, query)),
      facets,
    };
    const interpretation = request.verbatim ? null : interpretQuery(query, () => documents.flatMap((document) => [scanText(document.title), scanText(document.body)]));
    if (interpretation) {
      response.interpreted = interpretation.text;
      if (interpretation.changed) response.didYouMean = interpretation.text;
    }
    return response;
  }

  /**
   * Phrases of titles that complete the typed words (`completion.ts`): the titles from a search of
   * each reading in the folded titles (Meilisearch takes the last word as a prefix and allows its
   * typos), the counts from one filtered count per phrase, all in two multi-searches.
   */
  async suggest(prefix: string, limit: number): Promise<Suggestion[]> {
    return suggestFromTitles(
      prefix,
      limit,
      (readings) => this.suggestionTitles(readings),
      (phrases) => this.phraseCounts(phrases),
    );
  }

  private async suggestionTitles(readings: readonly PrefixReading[]): Promise<string[]> {
    const response = await this.read('suggesting completions', () =>
      this.reader.multiSearch({
        // A decoded word is searched by its exact key in the title: `ddangr` finds titles of `Đảng`, not the many of `đang`.
        queries: readings.map(({ words, exact }) => ({
          indexUid: this.indexUid,
          q: exact.every((key) => key === null) ? words.join(' ') : words.map((word, i) => exact[i] ?? word).join(' '),
          attributesToSearchOn: exact.every((key) => key === null) ? ['title_folded'] : ['title_folded', 'title_exact'],
          matchingStrategy: 'all' as const,
          limit: SUGGESTION_TITLES,
          attributesToRetrieve: ['title'],
        })),
      }),
    );
    return response.results.flatMap((result) => result.hits.map((hit) => String(hit.title ?? '')));
  }

  /** Documents holding each phrase's words in its spelling, next to each other (every adjacent pair of them). */
  private async phraseCounts(phrases: readonly string[]): Promise<number[]> {
    const response = await this.read('counting suggestions', () =>
      this.reader.multiSearch({
        queries: phrases.map((phrase) => {
          const keys = tokenize(phrase).map((token) => termForms(token.text).exact);
          const terms = keys.length === 1 ? keys : adjacentPairs(keys);
          return { indexUid: this.indexUid, q: '', limit: 0, filter: terms.map((term) => `${EXACT_TERMS_ATTRIBUTE} = ${quoteFilterValue(term)}`) };
        }),
      }),
    );
    return response.results.map((result) => result.estimatedTotalHits ?? result.totalHits ?? 0);
  }

  /** Through a search on the primary key, so that a search-only key is enough. */
  async getDocument(id: string): Promise<SearchDocument | null> {
    const response = await this.read(`reading document ${JSON.stringify(id)}`, () =>
      this.reader.index(this.indexUid).search('', {
        filter: `${PRIMARY_KEY} = ${quoteFilterValue(documentKey(id))}`,
        limit: 1,
        attributesToRetrieve: [...DOCUMENT_FIELDS],
      }),
    );
    const [hit] = response.hits;
    return hit ? fromMeiliDocument(hit) : null;
  }

  async facets(): Promise<FacetCounts> {
    const response = await this.read('counting facet values', () => this.reader.index(this.indexUid).search('', { limit: 0, facets: Object.values(FACET_ATTRIBUTES) }));
    const facets: FacetCounts = { party: {}, country: {}, year: {} };
    for (const [attribute, counts] of Object.entries(response.facetDistribution ?? {})) {
      const facet = FACET_NAME_OF.get(attribute);
      if (facet) facets[facet] = counts;
    }
    return facets;
  }

  /** Index statistics need an admin key; with a search-only key, the count of a placeholder search. */
  async stats(): Promise<IndexStats> {
    try {
      const stats = await this.reader.index(this.indexUid).getStats();
      return { documents: stats.numberOfDocuments, sizeBytes: typeof stats.indexSize === 'number' ? stats.indexSize : null };
    } catch (error) {
      const status = error instanceof MeilisearchApiError ? error.response.status : 0;
      if (status !== 401 && status !== 403) throw toEngineFailure(error, 'reading index statistics');
    }
    const response = await this.read('counting documents', () => this.reader.index(this.indexUid).search('', { limit: 0 }));
    return { documents: response.estimatedTotalHits ?? 0, sizeBytes: null };
  }

  async ping(): Promise<void> {
    await this.read('checking health', () => this.reader.health());
    try {
      await this.reader.index(this.indexUid).search('', { limit: 0 });
    } catch (error) {
      if (apiErrorCode(error) === 'index_not_found') {
        throw new EngineUnavailableError(`Meilisearch has no index "${this.indexUid}" yet: run \`vnsearch index\` first.`, { cause: error });
      }
      throw toEngineFailure(error, 'checking the index');
    }
  }

  async close(): Promise<void> {
    // The client holds no connection of its own (fetch keeps its pool), so there is nothing to release.
  }

  /**
   * Writes are enqueued without waiting for Meilisearch to process them: consecutive document
   * tasks are then batched together by Meilisearch, which indexes large batches much faster than
   * many small ones. `commit` waits for every enqueued task and fails on the first that failed.
   */
  private writerFor(uid: string): IndexWriter {
    const enqueued: { task: EnqueuedTask; doing: string }[] = [];
    return {
      upsert: async (documents) => {
        for (let start = 0; start < documents.length; start += this.batchSize) {
          const batch = documents.slice(start, start + this.batchSize).map(toMeiliDocument);
          const task = await this.write(`uploading documents to ${uid}`, () => this.admin.index(uid).addDocuments(batch, { primaryKey: PRIMARY_KEY }));
          enqueued.push({ task, doing: `indexing documents into ${uid}` });
        }
      },
      delete: async (ids) => {
        for (let start = 0; start < ids.length; start += DELETE_BATCH_SIZE) {
          const keys = ids.slice(start, start + DELETE_BATCH_SIZE).map(documentKey);
          const task = await this.write(`deleting documents from ${uid}`, () => this.admin.index(uid).deleteDocuments(keys));
          enqueued.push({ task, doing: `deleting documents from ${uid}` });
        }
      },
      commit: async () => {
        for (const { task, doing } of enqueued.splice(0)) await this.finish(task, doing);
      },
    };
  }

  private async ensureIndex(uid: string): Promise<void> {
    const task = await this.write(`creating index ${uid}`, () => this.admin.createIndex(uid, { primaryKey: PRIMARY_KEY }));
    const done = await this.waitFor(task, `creating index ${uid}`);
    if (done.status === 'failed' && done.error?.code === 'index_already_exists') return;
    ensureSucceeded(done, `creating index ${uid}`);
  }

  private async applySettings(uid: string): Promise<void> {
    const task = await this.write(`updating the settings of ${uid}`, () => this.admin.index(uid).updateSettings(buildIndexSettings(this.synonyms)));
    await this.finish(task, `applying the settings of ${uid}`);
  }

  /** Not retried: a swap that went through but whose answer was lost would be undone by a second one. */
  private async swap(buildUid: string): Promise<void> {
    const doing = `swapping ${buildUid} into ${this.indexUid}`;
    let task: EnqueuedTask;
    try {
      task = await this.admin.swapIndexes([{ indexes: [this.indexUid, buildUid], rename: false }]);
    } catch (error) {
      throw toEngineFailure(error, doing);
    }
    await this.finish(task, doing);
  }

  private async deleteIndex(uid: string): Promise<void> {
    const task = await this.write(`deleting index ${uid}`, () => this.admin.deleteIndex(uid));
    const done = await this.waitFor(task, `deleting index ${uid}`);
    if (done.status === 'failed' && done.error?.code === 'index_not_found') return;
    ensureSucceeded(done, `deleting index ${uid}`);
  }

  private write<T>(doing: string, call: () => Promise<T>): Promise<T> {
    return withRetries(doing, call, this.retry);
  }

  /**
   * Polls the task until it ends. Not the client's waitForTask: it adds an abort listener per poll
   * to one signal, and waiting minutes for a large batch piled up thousands of them.
   */
  private async waitFor(task: EnqueuedTask, doing: string): Promise<Task> {
    const deadline = Date.now() + TASK_TIMEOUT_MS;
    for (let pause = TASK_POLL_MS; ; pause = Math.min(2 * pause, MAX_TASK_POLL_MS)) {
      const current = await withRetries(doing, () => this.admin.tasks.getTask(task.taskUid), this.retry);
      if (current.status === 'succeeded' || current.status === 'failed' || current.status === 'canceled') return current;
      if (Date.now() > deadline) throw new EngineError(`Meilisearch did not finish ${doing} within ${TASK_TIMEOUT_MS / 60_000} minutes (task ${task.taskUid} is ${current.status}).`);
      await sleep(pause);
    }
  }

  private async finish(task: EnqueuedTask, doing: string): Promise<void> {
    ensureSucceeded(await this.waitFor(task, doing), doing);
  }

  /** Reads are not retried: the API answers 503 at once and the client may try again. */
  private async read<T>(doing: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toEngineFailure(error, doing);
    }
  }

  private federated(body: FederatedMultiSearchParams): Promise<SearchResponse> {
    return this.read('searching', () => this.reader.multiSearch(body));
  }
}

/** The lexicon's words and the synonyms' names and aliases, folded (`ho chi minh`, `sai gon`). */
function knownPhrases(synonyms: SynonymMap): SpellingVocabulary {
  const phrases = [...lexiconWords(), ...synonyms.keys(), ...[...synonyms.values()].flat()];
  return phraseLexicon(phrases.map(synonymKey));
}

function toSearchHit(document: SearchDocument, query: AnalyzedQuery): SearchHit {
  const { body, date_source: _dateSource, ...listed } = document;
  const { snippet, titleHtml } = highlightDocument(listed.title, body, query);
  return { ...listed, snippet, title_html: titleHtml };
}
