import type { SearchResponse } from '../../types/search.ts';
import type { LocatedText } from '../../search/highlight.ts';
import type { ScannedText } from '../../search/interpretation.ts';
import { FacetIndex, type FacetEntry } from './facets.ts';
import type { StoredHit } from './document-store.ts';
import type { IndexFile } from './index-file.ts';
import { LruCache } from './lru-cache.ts';
import { PostingsCache } from './postings.ts';

/** A document as a page of hits shows it, its body ready for snippets. */
export interface PageDocument {
  listed: Omit<StoredHit, 'body'>;
  body: LocatedText;
  /**
   * The title and the lead of the body as the reading of a query reads them (`interpretation.ts`),
   * scanned the first time a reading needs them: most searches need none.
   */
  read?: readonly ScannedText[];
}

/**
 * The facet entries a facet index was built from, handed from one view to the next: rows are
 * never changed in place, so a commit adds rows above `maxRowid` and deletes others.
 */
export interface FacetEntries {
  entries: FacetEntry[];
  maxRowid: number;
}

/** The located bodies kept for recent pages, in bytes (a located body takes a few times its text). */
const PAGE_DOCUMENT_CACHE_BYTES = 32 * 1024 * 1024;
const ANSWER_CACHE_SIZE = 1000;

/**
 * What a reader holds for one data version of an index file, each part built when first needed.
 * A commit makes a new view, replacing this one whole: nothing here outlives its version but the
 * facet entries handed on (`carried`).
 */
export class IndexView {
  private liveSet?: Uint8Array;
  private facetIndex?: FacetIndex;
  private facetEntries?: FacetEntries;
  private postingsCache?: PostingsCache;
  private scratchArrays?: { tiers: Uint8Array; scores: Float64Array };
  private documents?: LruCache<number, PageDocument>;
  private answerCache?: { wordsRevision: number; answers: LruCache<string, SearchResponse> };

  constructor(
    readonly file: IndexFile,
    readonly dataVersion: number,
    private readonly carried?: FacetEntries,
  ) {}

  /** The view of a newer data version of the same file, handed the facet entries read so far. */
  next(dataVersion: number): IndexView {
    return new IndexView(this.file, dataVersion, this.facetEntries ?? this.carried);
  }

  /** A flag per rowid, set for the documents in the index: what tells stale postings apart. */
  get live(): Uint8Array {
    return (this.liveSet ??= this.file.documents.liveRowids());
  }

  get facets(): FacetIndex {
    if (this.facetIndex) return this.facetIndex;
    const live = this.live;
    const previous = this.carried;
    // Rows committed after the live set was read are left for the next view, as its postings are.
    const added = this.file.documents.facetEntries(previous?.maxRowid ?? 0).filter((entry) => live[entry.rowid] === 1);
    const entries = previous ? [...previous.entries.filter((entry) => live[entry.rowid] === 1), ...added] : added;
    this.facetEntries = { entries, maxRowid: added.at(-1)?.rowid ?? previous?.maxRowid ?? 0 };
    return (this.facetIndex = new FacetIndex(entries));
  }

  get postings(): PostingsCache {
    return (this.postingsCache ??= new PostingsCache((field, term) => this.file.postings(field, term, this.live)));
  }

  /** Per-rowid arrays that every search fills anew: reused, since allocating them made most of a search's garbage. */
  scratch(maxRowid: number): { tiers: Uint8Array; scores: Float64Array } {
    if (this.scratchArrays?.tiers.length !== maxRowid + 1) this.scratchArrays = { tiers: new Uint8Array(maxRowid + 1), scores: new Float64Array(maxRowid + 1) };
    return this.scratchArrays;
  }

  /** Documents of recent pages with their bodies located for snippets, by rowid: popular articles come up search after search. */
  get pageDocuments(): LruCache<number, PageDocument> {
    return (this.documents ??= new LruCache(PAGE_DOCUMENT_CACHE_BYTES));
  }

  /** Drops the page documents read so far (those of warm-up searches). */
  forgetPageDocuments(): void {
    this.documents = undefined;
  }

  /**
   * Recent answers by request, given with the words of `wordsRevision`: a search box sees the same
   * queries again and again, and answers given with older words may hold outdated corrections.
   */
  answers(wordsRevision: number): LruCache<string, SearchResponse> {
    if (this.answerCache?.wordsRevision !== wordsRevision) this.answerCache = { wordsRevision, answers: new LruCache(ANSWER_CACHE_SIZE) };
    return this.answerCache.answers;
  }
}
