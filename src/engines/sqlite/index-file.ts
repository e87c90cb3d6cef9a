import Database from 'better-sqlite3';
import type { SearchDocument } from '../../types/document.ts';
import type { PreparedDocument } from '../../analysis/fields.ts';
import { EngineUnavailableError, IndexDamagedError } from '../../errors.ts';
import type { FacetEntry } from './facets.ts';
import { postDocument } from './document-terms.ts';
import { Field } from './index-terms.ts';
import { decodeRowids, encodeRowids } from './postings-codec.ts';
import { PostingsBuffer } from './postings-buffer.ts';
import { blockEntries, BlockWriter, findInBlock } from './term-blocks.ts';

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

interface DocumentRow {
  rowid: number;
  id: string;
  title: string;
  body: string;
  date: string | null;
  year: number | null;
  date_source: SearchDocument['date_source'];
  source: string | null;
  url: string | null;
  parties: string;
  countries: string;
}

type HitRow = Omit<DocumentRow, 'body' | 'date_source'> & { body: Buffer };

/** A document as a search hit lists it, with its body as stored, in UTF-8. */
export type StoredHit = Omit<SearchDocument, 'body' | 'date_source'> & { body: Uint8Array };

/** A list of party or country names, stored as JSON. */
const names = (json: string) => JSON.parse(json) as string[];

function rowToDocument(row: DocumentRow): SearchDocument {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    date: row.date,
    year: row.year,
    date_source: row.date_source,
    source: row.source,
    url: row.url,
    parties: names(row.parties),
    countries: names(row.countries),
  };
}

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
}

/** A document row waiting for the next flush, with the rowid it will have. */
interface PendingRow extends DocumentRow {
  content_hash: string | null;
}

/**
 * One SQLite index file: the documents, and an inverted index of our own beside them, written in
 * segments (as Lucene does) from writes buffered until a flush. docs/index-format.md gives the
 * layout and the rules this class keeps: one transaction per flush, rowids never reused, stale
 * postings filtered by the live rowids, the merge policy.
 */
export class IndexFile {
  readonly db: Database.Database;
  private readonly statements;
  private readonly pending = new PostingsBuffer();
  /** Documents written since the last flush, by id. */
  private pendingRows = new Map<string, PendingRow>();
  /** Ids whose stored row the next flush deletes (replaced or deleted documents). */
  private pendingDeletes = new Set<string>();
  /** The next rowid to give, once the first write asks for one. */
  private nextRowid: number | null = null;
  private commits = 0;
  private readonly afterCommit: ((commits: number) => void) | undefined;

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

  private readonly postingsPerSegment: number;
  private readonly maxSegments: number;

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
    this.db.exec(SCHEMA);
    if (format === null) this.db.pragma(`user_version = ${INDEX_FORMAT}`);
    const db = this.db;
    this.statements = {
      insertDocument: db.prepare<[PendingRow]>(
        'INSERT INTO documents (rowid, id, title, body, date, year, date_source, source, url, parties, countries, content_hash) VALUES (@rowid, @id, @title, @body, @date, @year, @date_source, @source, @url, @parties, @countries, @content_hash)',
      ),
      deleteDocumentById: db.prepare<[string]>('DELETE FROM documents WHERE id = ?'),
      storedHashes: db.prepare<[], [string, string | null]>('SELECT id, content_hash FROM documents').raw(),
      lastRowid: db.prepare<[], number | null>("SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'documents'), 0), coalesce((SELECT max(rowid) FROM documents), 0))").pluck(),
      advanceSequence: db.prepare<[{ seq: number }]>("UPDATE sqlite_sequence SET seq = max(seq, @seq) WHERE name = 'documents'"),
      startSequence: db.prepare<[{ seq: number }]>("INSERT INTO sqlite_sequence (name, seq) SELECT 'documents', @seq WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'documents')"),
      documentById: db.prepare<[string], DocumentRow>('SELECT rowid, * FROM documents WHERE id = ?'),
      // One statement for any number of rowids, given as a JSON array: no statement compiled per search.
      // The body as its UTF-8 bytes: decoding whole Vietnamese articles into strings took more time than finding the snippet in them.
      hitsByRowid: db.prepare<[string], HitRow>(
        'SELECT rowid, id, title, CAST(body AS BLOB) AS body, date, year, source, url, parties, countries FROM documents WHERE rowid IN (SELECT value FROM json_each(?))',
      ),
      titlesByRowid: db.prepare<[string], [number, string]>('SELECT rowid, title FROM documents WHERE rowid IN (SELECT value FROM json_each(?))').raw(),
      facetEntriesAfter: db.prepare<[number], { rowid: number; id: string; parties: string; countries: string; year: number | null; date: string | null }>(
        'SELECT rowid, id, parties, countries, year, date FROM documents WHERE rowid > ? ORDER BY rowid',
      ),
      rowids: db.prepare<[], number>('SELECT rowid FROM documents').pluck(),
      count: db.prepare<[], { count: number }>('SELECT count(*) AS count FROM documents'),
      maxRowid: db.prepare<[], number | null>('SELECT max(rowid) FROM documents').pluck(),
      segmentIds: db.prepare<[], number>('SELECT id FROM segments ORDER BY id').pluck(),
      insertSegment: db.prepare<[number, number]>('INSERT INTO segments (id, postings) VALUES (?, ?)'),
      deleteSegmentsUpTo: db.prepare<[number]>('DELETE FROM segments WHERE id <= ?'),
      deleteBlocksUpTo: db.prepare<[number]>('DELETE FROM term_blocks WHERE segment <= ?'),
      insertBlock: db.prepare<[number, number, string, Uint8Array]>('INSERT INTO term_blocks (segment, field, first_term, block) VALUES (?, ?, ?, ?)'),
      blockOf: db.prepare<[number, number, string], Buffer>('SELECT block FROM term_blocks WHERE segment = ? AND field = ? AND first_term <= ? ORDER BY first_term DESC LIMIT 1').pluck(),
      fieldBlocks: db.prepare<[number], Buffer>('SELECT block FROM term_blocks WHERE segment IN (SELECT id FROM segments) AND field = ?').pluck(),
      vocabulary: db.prepare<[], [string, number]>('SELECT term, documents FROM vocabulary').raw(),
      vocabularyPage: db.prepare<[string, number], [string, number]>('SELECT term, documents FROM vocabulary WHERE term > ? ORDER BY term LIMIT ?').raw(),
      commonTerms: db.prepare<[number], string>('SELECT term FROM vocabulary ORDER BY documents DESC LIMIT ?').pluck(),
      dataVersion: db.prepare<[], { data_version: number }>('PRAGMA data_version'),
    };
  }

  /** Buffers documents (and their postings) until the next flush; a document written twice keeps its last version. */
  upsert(documents: readonly PreparedDocument[]): void {
    this.nextRowid ??= (this.statements.lastRowid.get() ?? 0) + 1;
    for (const prepared of documents) {
      const { document } = prepared;
      const rowid = this.nextRowid++;
      // A version replaced before the flush leaves postings under a rowid no row will have: dead, like a deleted one's.
      this.pendingRows.set(document.id, {
        ...document,
        rowid,
        parties: JSON.stringify(document.parties),
        countries: JSON.stringify(document.countries),
        content_hash: prepared.contentHash ?? null,
      });
      this.pendingDeletes.add(document.id);
      postDocument(this.pending, prepared, rowid);
      if (this.pending.size >= this.postingsPerSegment) this.flush();
    }
  }

  /** Buffers deletions until the next flush. */
  delete(ids: readonly string[]): void {
    for (const id of ids) {
      this.pendingRows.delete(id);
      this.pendingDeletes.add(id);
    }
  }

  /** What the file holds: each document's id and the content hash it was written from (empty when none was given). */
  storedHashes(): Map<string, string> {
    return new Map(this.statements.storedHashes.all().map(([id, hash]) => [id, hash ?? '']));
  }

  /** Whether writes are waiting for a flush. */
  get hasPendingWrites(): boolean {
    return this.pendingDeletes.size > 0 || this.pending.size > 0;
  }

  /**
   * Writes what is buffered in one transaction: rows of replaced and deleted documents deleted,
   * the new rows inserted, their postings written as a new segment and the vocabulary recounted.
   * Then merges all segments when there are too many.
   */
  flush(): void {
    if (!this.hasPendingWrites) return;
    const postings = this.pending.size;
    const rows = [...this.pendingRows.values()];
    this.transaction(() => {
      for (const id of this.pendingDeletes) this.statements.deleteDocumentById.run(id);
      for (const row of rows) this.statements.insertDocument.run(row);
      // Rowids given to versions replaced before this flush have postings too: the sequence passes them, so none is given again.
      const sequence = { seq: (this.nextRowid ?? 1) - 1 };
      this.statements.startSequence.run(sequence);
      this.statements.advanceSequence.run(sequence);
      if (postings > 0) {
        const segment = (this.statements.segmentIds.all().at(-1) ?? 0) + 1;
        this.writeSegment(segment, this.pending.drain());
        this.statements.insertSegment.run(segment, postings);
      }
      this.writeVocabulary();
    });
    this.pendingRows = new Map();
    this.pendingDeletes = new Set();
    if (this.statements.segmentIds.all().length > this.maxSegments) this.mergeSegments();
  }

  /** Runs `work` in one write transaction, then tells `afterCommit`. */
  private transaction(work: () => void): void {
    this.db.transaction(work)();
    this.afterCommit?.(++this.commits);
  }

  /** Writes the terms of each field, in ascending order, as the term blocks of `segment`. */
  private writeSegment(segment: number, terms: Iterable<[field: Field, term: string, rowids: ArrayLike<number>]>): void {
    let field: Field | null = null;
    const blocks = new BlockWriter((firstTerm, block) => this.statements.insertBlock.run(segment, field!, firstTerm, block));
    for (const [termField, term, rowids] of terms) {
      if (termField !== field) {
        blocks.finish();
        field = termField;
      }
      blocks.add(term, encodeRowids(rowids));
    }
    blocks.finish();
  }

  /**
   * Rewrites every segment as one, without the postings of deleted documents. Reads through a
   * second connection (a snapshot, in WAL mode) while this one writes: a connection cannot write
   * while it steps through a query.
   */
  private mergeSegments(): void {
    const segments = this.statements.segmentIds.all();
    const live = this.liveRowids();
    const reader = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      // One statement per segment: a statement steps through one query at a time.
      const read = (segment: number) => reader.prepare<[number], [number, Buffer]>('SELECT field, block FROM term_blocks WHERE segment = ? ORDER BY field, first_term').raw().iterate(segment);
      const merged = segments.at(-1)! + 1;
      let postings = 0;
      this.transaction(() => {
        this.writeSegment(
          merged,
          (function* () {
            for (const [field, term, encoded] of mergeTermStreams(segments.map((segment) => segmentTerms(read(segment))))) {
              const rowids = decodeRowids(encoded, live);
              postings += rowids.length;
              if (rowids.length > 0) yield [field, term, rowids] as [Field, string, Int32Array];
            }
          })(),
        );
        this.statements.deleteBlocksUpTo.run(segments.at(-1)!);
        this.statements.deleteSegmentsUpTo.run(segments.at(-1)!);
        this.statements.insertSegment.run(merged, postings);
      });
    } finally {
      reader.close();
    }
  }

  getDocument(id: string): SearchDocument | null {
    const row = this.statements.documentById.get(id);
    return row ? rowToDocument(row) : null;
  }

  /**
   * Runs `reads` in one read transaction, unless one is under way: every read sees the same
   * commit, and starting a transaction per read cost a search more than its reads of small lists.
   */
  read<T>(reads: () => T): T {
    return this.db.inTransaction ? reads() : this.db.transaction(reads)();
  }

  /** The documents as search hits list them, the body as UTF-8 bytes, for building snippets. */
  hitsByRowid(rowids: readonly number[]): Map<number, StoredHit> {
    if (rowids.length === 0) return new Map();
    return new Map(this.statements.hitsByRowid.all(JSON.stringify(rowids)).map(({ rowid, parties, countries, ...row }) => [rowid, { ...row, parties: names(parties), countries: names(countries) }]));
  }

  /**
   * What facets need of the documents whose rowid is above `rowid` (all of them from 0). A
   * document is never changed in place (an update is a new row), so a reader that holds the
   * entries up to some rowid needs only those above it and the live set.
   */
  facetEntries(afterRowid = 0): FacetEntry[] {
    return this.statements.facetEntriesAfter
      .all(afterRowid)
      .map((row) => ({ rowid: row.rowid, id: row.id, parties: names(row.parties), countries: names(row.countries), year: row.year, date: row.date }));
  }

  /** A flag per rowid, set for the documents in the index: what tells stale postings apart. */
  liveRowids(): Uint8Array {
    const live = new Uint8Array(this.maxRowid() + 1);
    for (const rowid of this.statements.rowids.iterate()) live[rowid] = 1;
    return live;
  }

  /** Rowids of the documents that `live` marks holding `term` in `field`, ascending. */
  postings(field: Field, term: string, live: Uint8Array): Int32Array {
    this.flush();
    // One read transaction: a merge committed by another process between two reads must not be half seen.
    return decodeRowids(
      this.read(() => this.encodedPostings(field, term)),
      live,
    );
  }

  private encodedPostings(field: Field, term: string): Uint8Array[] {
    const encoded: Uint8Array[] = [];
    for (const segment of this.statements.segmentIds.all()) {
      const block = this.statements.blockOf.get(segment, field, term);
      const found = block && findInBlock(block, term);
      if (found) encoded.push(found);
    }
    return encoded;
  }

  /** Folded word → how many documents hold it, what typo correction and completion draw on. */
  vocabulary(): Map<string, number> {
    this.flush();
    return new Map(this.statements.vocabulary.all());
  }

  /** The vocabulary's words after `after` in byte order, `limit` of them: what a reader loads in steps. */
  vocabularyPage(after: string, limit: number): [string, number][] {
    return this.statements.vocabularyPage.all(after, limit);
  }

  /** Writes what is buffered, so that other connections see every write. */
  commit(): void {
    this.flush();
  }

  /**
   * Counts the documents of every folded word into a plain table (inside a flush's transaction),
   * so that a server loads the vocabulary in a fraction of a second instead of decoding every
   * word's postings.
   */
  private writeVocabulary(): void {
    const live = this.liveRowids();
    const counts = new Map<string, number>();
    for (const block of this.statements.fieldBlocks.iterate(Field.words)) {
      for (const [term, rowids] of blockEntries(block)) counts.set(term, (counts.get(term) ?? 0) + decodeRowids([rowids], live).length);
    }
    const insert = this.db.prepare<[string, number]>('INSERT INTO vocabulary (term, documents) VALUES (?, ?)');
    this.db.exec('DELETE FROM vocabulary');
    for (const [term, documents] of counts) if (documents > 0) insert.run(term, documents);
  }

  /** The folded words held by the most documents, most first. */
  commonTerms(limit: number): string[] {
    this.flush();
    return this.statements.commonTerms.all(limit);
  }

  maxRowid(): number {
    return this.statements.maxRowid.get() ?? 0;
  }

  /** The titles of the documents, in the order of `rowids` (a rowid with no document is skipped). */
  titlesByRowid(rowids: readonly number[]): string[] {
    if (rowids.length === 0) return [];
    const titles = new Map(this.statements.titlesByRowid.all(JSON.stringify(rowids)));
    return rowids.flatMap((rowid) => titles.get(rowid) ?? []);
  }

  count(): number {
    return this.statements.count.get()!.count;
  }

  /** Changes whenever another connection commits, so caches know when to reload. */
  dataVersion(): number {
    return this.statements.dataVersion.get()!.data_version;
  }

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

type TermStream = Iterator<[field: Field, term: string, postings: Uint8Array]>;

/** The terms of one segment's blocks, in order. */
function* segmentTerms(blocks: Iterable<[number, Buffer]>): TermStream {
  for (const [field, block] of blocks) for (const [term, postings] of blockEntries(block)) yield [field as Field, term, postings];
}

/** Terms of several segments in order, each once, with its postings in every segment, oldest first. */
function* mergeTermStreams(streams: TermStream[]): Generator<[field: Field, term: string, postings: Uint8Array[]]> {
  const heads = streams.map((stream) => stream.next());
  for (;;) {
    let least: [Field, string] | null = null;
    for (const head of heads) {
      if (head.done) continue;
      const [field, term] = head.value;
      if (!least || field < least[0] || (field === least[0] && term < least[1])) least = [field, term];
    }
    if (!least) return;
    const postings: Uint8Array[] = [];
    heads.forEach((head, i) => {
      if (head.done || head.value[0] !== least[0] || head.value[1] !== least[1]) return;
      postings.push(head.value[2]);
      heads[i] = streams[i]!.next();
    });
    yield [least[0], least[1], postings];
  }
}
