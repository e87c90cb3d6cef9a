import Database from 'better-sqlite3';
import type { PreparedDocument } from '../../analysis/fields.ts';
import { EngineUnavailableError, IndexDamagedError } from '../../errors.ts';
import { type DocumentReads, DocumentStore } from './document-store.ts';
import { Field } from './index-terms.ts';
import { decodeRowids } from './postings-codec.ts';
import { SegmentStore } from './segment-store.ts';
import { VocabularyTable, type VocabularyReads } from './vocabulary-table.ts';

/**
 * The tables, the term-block grammar and the invariants of this file are described in
 * docs/index-format.md. Bumped whenever they change; a file of another format is rebuilt, never misread.
 */
export const INDEX_FORMAT = 7;

const SCHEMA = `
-- The body comes last: columns stored after it sit on its overflow pages, and the scans a reader
-- repeats after every commit (facets, content hashes) would then read every article.
CREATE TABLE IF NOT EXISTS documents (
  rowid INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  date TEXT,
  year INTEGER,
  date_source TEXT,
  source TEXT,
  url TEXT,
  parties TEXT NOT NULL,
  countries TEXT NOT NULL,
  -- What the indexer wrote this document from (input and pipeline): equal means nothing to rewrite.
  content_hash TEXT,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS segments (id INTEGER PRIMARY KEY, postings INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS term_blocks (
  segment INTEGER NOT NULL,
  field INTEGER NOT NULL,
  first_term TEXT NOT NULL,
  block BLOB NOT NULL,
  PRIMARY KEY (segment, field, first_term)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS vocabulary (term TEXT PRIMARY KEY, documents INTEGER NOT NULL) WITHOUT ROWID;
`;

/** Postings buffered before a segment is written: what bounds the writer's memory (docs/scaling.md has what a build takes). */
const POSTINGS_PER_SEGMENT = 12_000_000;
/** Segments a term lookup reads at most before they are merged into one. */
const MAX_SEGMENTS = 8;
/** Bytes of the index file read through mmap; the rest of a (very large) file is read with pread. */
const MMAP_BYTES = 2 ** 30;

export interface IndexWriteOptions {
  /** Postings buffered before they are written, with their documents, as a segment. */
  postingsPerSegment?: number;
  /** Segments kept before all are merged into one. */
  maxSegments?: number;
  /** Called after each write transaction commits, with how many this file committed so far (fault tests). */
  afterCommit?: (commits: number) => void;
}

export interface IndexFileOptions extends IndexWriteOptions {
  /** Whether to create the file; the server opens existing ones only, never conjuring an empty index. */
  create: boolean;
  /** Pages the file may grow to through this connection (SQLite's `max_page_count`): fault tests fill the disk with it. */
  maxPages?: number;
}

/**
 * One SQLite index file: the documents (`document-store.ts`), and an inverted index of our own
 * beside them (`segment-store.ts`), written in segments (as Lucene does) from writes buffered
 * until a flush, with the vocabulary counted from it (`vocabulary-table.ts`). This class owns the
 * connection and its transactions. docs/index-format.md gives the layout and the rules it keeps:
 * one transaction per flush, rowids never reused, stale postings filtered by the live rowids, the
 * merge policy. Reads never write: a process sees its own buffered writes after a `flush`.
 */
export class IndexFile {
  private readonly db: Database.Database;
  private readonly documentStore: DocumentStore;
  private readonly segments: SegmentStore;
  private readonly vocabularyTable: VocabularyTable;
  private readonly dataVersionStatement;
  private commits = 0;
  private readonly afterCommit: ((commits: number) => void) | undefined;
  private readonly postingsPerSegment: number;
  private readonly maxSegments: number;

  /** Whether the file at `path` was written in this version's format (an empty file counts as written). */
  static hasCurrentFormat(path: string): boolean {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return IndexFile.formatOf(db) === INDEX_FORMAT;
    } finally {
      db.close();
    }
  }

  private static formatOf(db: Database.Database): number | null {
    const tables = db.prepare<[], number>('SELECT count(*) FROM sqlite_schema').pluck().get()!;
    return tables === 0 ? null : (db.pragma('user_version', { simple: true }) as number);
  }

  constructor(
    readonly path: string,
    options: IndexFileOptions,
  ) {
    this.postingsPerSegment = options.postingsPerSegment ?? POSTINGS_PER_SEGMENT;
    this.maxSegments = options.maxSegments ?? MAX_SEGMENTS;
    this.afterCommit = options.afterCommit;
    this.db = new Database(path, { fileMustExist: !options.create });
    const format = IndexFile.formatOf(this.db);
    if (format === null && !options.create) {
      // An index file with no tables was cut short (a whole index always has them): never serve it as empty.
      this.db.close();
      throw new IndexDamagedError({ cause: new Error(`${path} holds no tables`) });
    }
    if (format !== null && format !== INDEX_FORMAT) {
      this.db.close();
      throw new EngineUnavailableError(`${path} was written in index format ${format} by another version of vnsearch (this one reads format ${INDEX_FORMAT}); run \`vnsearch index\` to rebuild it.`);
    }
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    // Pages read through memory rather than one pread call each: a search touches many pages
    // outside SQLite's own cache, and system calls are what a VM makes slow. The mapped pages
    // are the OS page cache; they count in the process's RSS as file-backed memory.
    this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
    if (options.maxPages !== undefined) this.db.pragma(`max_page_count = ${options.maxPages}`);
    this.db.exec(SCHEMA);
    if (format === null) this.db.pragma(`user_version = ${INDEX_FORMAT}`);
    this.documentStore = new DocumentStore(this.db);
    this.segments = new SegmentStore(this.db);
    this.vocabularyTable = new VocabularyTable(this.db);
    this.dataVersionStatement = this.db.prepare<[], { data_version: number }>('PRAGMA data_version');
  }

  /** The documents, to read; they are written through `upsert`, `delete` and `flush`. */
  get documents(): DocumentReads {
    return this.documentStore;
  }

  /** The vocabulary, to read; every flush counts it anew. */
  get vocabulary(): VocabularyReads {
    return this.vocabularyTable;
  }

  /** Buffers documents (and their postings) until the next flush; a document written twice keeps its last version. */
  upsert(documents: readonly PreparedDocument[]): void {
    for (const prepared of documents) {
      this.segments.post(prepared, this.documentStore.add(prepared));
      if (this.segments.pendingPostings >= this.postingsPerSegment) this.flush();
    }
  }

  /** Buffers deletions until the next flush. */
  delete(ids: readonly string[]): void {
    this.documentStore.delete(ids);
  }

  /** Whether writes are waiting for a flush. */
  get hasPendingWrites(): boolean {
    return this.documentStore.hasPendingWrites || this.segments.pendingPostings > 0;
  }

  /**
   * Writes what is buffered in one transaction: rows of replaced and deleted documents deleted,
   * the new rows inserted, their postings written as a new segment and the vocabulary recounted.
   * Then merges all segments when there are too many.
   */
  flush(): void {
    if (!this.hasPendingWrites) return;
    this.transaction(() => {
      this.documentStore.writePending();
      this.segments.writePending();
      this.vocabularyTable.rewrite(this.segments.blocks(Field.words), this.documentStore.liveRowids());
    });
    this.documentStore.committed();
    if (this.segments.count() > this.maxSegments) this.mergeSegments();
  }

  /** Writes what is buffered, so that other connections see every write. */
  commit(): void {
    this.flush();
  }

  /** Runs `work` in one write transaction, then tells `afterCommit`. */
  private transaction(work: () => void): void {
    this.db.transaction(work)();
    this.afterCommit?.(++this.commits);
  }

  /** Rewrites every segment as one, reading them through a second connection (`SegmentStore.mergeAll`). */
  private mergeSegments(): void {
    const live = this.documentStore.liveRowids();
    const snapshot = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      this.transaction(() => this.segments.mergeAll(snapshot, live));
    } finally {
      snapshot.close();
    }
  }

  /**
   * Runs `reads` in one read transaction, unless one is under way: every read sees the same
   * commit, and starting a transaction per read cost a search more than its reads of small lists.
   */
  read<T>(reads: () => T): T {
    return this.db.inTransaction ? reads() : this.db.transaction(reads)();
  }

  /** Rowids of the documents that `live` marks holding `term` in `field`, ascending. */
  postings(field: Field, term: string, live: Uint8Array): Int32Array {
    // One read transaction: a merge committed by another process between two reads must not be half seen.
    return decodeRowids(
      this.read(() => this.segments.encodedPostings(field, term)),
      live,
    );
  }

  /** Changes whenever another connection commits, so caches know when to reload. */
  dataVersion(): number {
    return this.dataVersionStatement.get()!.data_version;
  }

  /** Writes what is buffered, then closes the file. */
  close(): void {
    try {
      this.commit();
      try {
        this.db.pragma('wal_checkpoint(TRUNCATE)');
      } catch {
        // Moving the log into the file needs room the disk may not have (it is full, or the file
        // is read-only here); what the log holds is committed all the same, and the next writer
        // checkpoints it.
      }
    } finally {
      this.db.close();
    }
  }

  /** Closes the file, dropping what is buffered: what an abandoned or failed write does. */
  closeWithoutWriting(): void {
    if (this.db.open) this.db.close();
  }
}
